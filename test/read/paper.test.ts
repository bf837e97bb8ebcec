import {describe, expect, it} from 'vitest'
import type {GreyImage} from '../../src/read/image/grey-image.js'
import {findSurround, otsu, paintSurround} from '../../src/read/image/paper.js'
import {drawPage, grey, proseAndTable} from './pages.js'

/** A page of text (a sheet 1000 × 1400) photographed on a desk of grey `desk`, the sheet turned by `degrees`. */
function onDesk(desk: number, degrees: number): GreyImage {
  const canvas = drawPage(1400, 1800, 0, (ctx) => {
    ctx.fillStyle = `rgb(${desk},${desk},${desk})`
    ctx.fillRect(0, 0, 1400, 1800)
    ctx.translate(700, 900)
    ctx.rotate((degrees * Math.PI) / 180)
    ctx.fillStyle = '#e8e8e8'
    ctx.fillRect(-500, -700, 1000, 1400)
    ctx.fillStyle = '#111111'
    for (let i = 0; i < 20; i++) ctx.fillRect(-400, -600 + i * 60, 800, 14)
  })
  return grey(canvas)
}

const at = (image: GreyImage, x: number, y: number) => image.data[y * image.width + x]

describe('findSurround and paintSurround', () => {
  it('finds the desk around a photographed sheet and paints it white, the sheet untouched', () => {
    const photo = onDesk(50, 2)
    const surround = findSurround(photo)
    expect(surround).not.toBeNull()
    // The desk is 1 − (1000 × 1400) / (1400 × 1800) ≈ 44% of the photo; the sheet's edge is painted too.
    expect(surround!.share).toBeGreaterThan(0.42)
    expect(surround!.share).toBeLessThan(0.55)
    const painted = paintSurround(photo, surround!)
    expect(at(painted, 20, 20)).toBe(255)
    expect(at(painted, 1380, 900)).toBe(255)
    // A bar of "text" in the middle of the sheet and the paper beside it stay as they were.
    expect(at(painted, 700, 907)).toBe(at(photo, 700, 907))
    expect(at(painted, 700, 907)).toBeLessThan(60)
    expect(at(painted, 700, 880)).toBe(at(photo, 700, 880))
  })

  it('leaves a scan that is paper up to its edges alone, and an evenly dark page', () => {
    expect(findSurround(grey(proseAndTable()))).toBeNull()
    const page = grey(proseAndTable())
    const dark = {...page, data: page.data.map((v) => Math.round(v * 0.45))}
    expect(findSurround(dark)).toBeNull()
  })

  it('leaves a desk too light to tell from the paper alone', () => {
    expect(findSurround(onDesk(215, 0))).toBeNull()
  })
})

describe('otsu', () => {
  it('splits two modes between them', () => {
    const values = new Uint8Array([...new Array(50).fill(40), ...new Array(50).fill(220)])
    const t = otsu(values)
    expect(t).toBeGreaterThan(40)
    expect(t).toBeLessThanOrEqual(220)
  })
})
