/**
 * Skew: measured on drawn pages turned by known angles, undone by rotating
 * the image, and points mapped back onto the page as it was.
 */
import {describe, expect, it} from 'vitest'
import {measureSkew, rotateImage, unrotatePoint} from '../../src/read/image/skew.js'
import {minSkew} from '../../src/read/ocr-page.js'
import {drawPage, grey, proseAndTable} from './pages.js'

describe('measureSkew', () => {
  for (const degrees of [-2.5, -0.4, 0.15, 0.5, 1.3]) {
    it(`finds a page turned by ${degrees}° within 0.03°`, () => {
      const skew = measureSkew(grey(proseAndTable(degrees)))
      expect(Math.abs(skew.degrees - degrees)).toBeLessThanOrEqual(0.03)
      expect(skew.gain).toBeGreaterThan(1)
    })
  }

  it('finds no skew worth undoing on a straight page, and nothing on a blank one', () => {
    expect(Math.abs(measureSkew(grey(proseAndTable(0))).degrees)).toBeLessThan(minSkew)
    expect(measureSkew(grey(drawPage(300, 300, 0, () => {})))).toEqual({degrees: 0, gain: 1})
  })

  it('leaves a page straight after rotating it by the opposite', () => {
    const image = grey(proseAndTable(1.1))
    const straight = rotateImage(image, -measureSkew(image).degrees)
    expect(Math.abs(measureSkew(straight).degrees)).toBeLessThanOrEqual(0.03)
  })
})

describe('rotateImage and unrotatePoint', () => {
  it('moves a dot where the rotation takes it, and back', () => {
    const page = drawPage(400, 300, 0, (ctx) => ctx.fillRect(300, 60, 4, 4))
    const rotated = rotateImage(grey(page), 3)
    // Where the dot is in the rotated image.
    let sx = 0
    let sy = 0
    let n = 0
    for (let y = 0; y < rotated.height; y++) {
      for (let x = 0; x < rotated.width; x++) {
        if (rotated.data[y * rotated.width + x] < 128) {
          sx += x
          sy += y
          n++
        }
      }
    }
    expect(n).toBeGreaterThan(0)
    const [x, y] = unrotatePoint(sx / n + 0.5, sy / n + 0.5, 3, 200, 150)
    expect(x).toBeCloseTo(302, 0)
    expect(y).toBeCloseTo(62, 0)
  })

  it('keeps the size and paints uncovered corners white', () => {
    const rotated = rotateImage(grey(drawPage(200, 100, 0, (ctx) => ctx.fillRect(0, 0, 200, 100))), 10)
    expect([rotated.width, rotated.height]).toEqual([200, 100])
    expect(rotated.data[0]).toBe(255)
    expect(rotated.data[50 * 200 + 100]).toBeLessThan(40)
  })
})
