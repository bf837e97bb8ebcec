/**
 * Orientation: `orientImage` turns a raster the way EXIF/TIFF orientation
 * says — the same way @napi-rs/canvas turns a JPEG carrying that tag when it
 * decodes it — and a TIFF page carrying it is decoded upright.
 */
import {createCanvas} from '@napi-rs/canvas'
import UTIF from 'utif2'
import {describe, expect, it} from 'vitest'
import {decodeImage} from '../../src/read/image/decode-image.js'
import type {GreyImage} from '../../src/read/image/grey-image.js'
import {orientImage} from '../../src/read/image/orientation.js'
import {withOrientation} from './pages.js'

/** A 60 × 40 picture no turn or mirror leaves unchanged: a black block top left, a grey one bottom right. */
function picture() {
  const canvas = createCanvas(60, 40)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, 60, 40)
  ctx.fillStyle = '#000000'
  ctx.fillRect(0, 0, 20, 10)
  ctx.fillStyle = '#808080'
  ctx.fillRect(44, 24, 16, 16)
  return canvas
}

/** Mean absolute difference of two rasters of the same size. */
function difference(a: GreyImage, b: GreyImage): number {
  expect([a.width, a.height]).toEqual([b.width, b.height])
  let sum = 0
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i])
  return sum / a.data.length
}

describe('orientImage', () => {
  it('turns a raster as the JPEG decoder does for each EXIF orientation', async () => {
    const jpeg = picture().encodeSync('jpeg', 95)
    const [stored] = await decodeImage(jpeg, 'jpeg')
    for (let orientation = 1; orientation <= 8; orientation++) {
      const [upright] = await decodeImage(withOrientation(jpeg, orientation), 'jpeg')
      expect(difference(orientImage(stored, orientation), upright), `orientation ${orientation}`).toBeLessThan(2)
    }
  })

  it('decodes a TIFF page upright by its orientation tag', async () => {
    const canvas = picture()
    const rgba = canvas.getContext('2d').getImageData(0, 0, 60, 40).data
    // The typings want a whole IFD; UTIF merges the tags given into its own.
    const tiff = new Uint8Array(UTIF.encodeImage(new Uint8Array(rgba), 60, 40, {t274: [6]} as unknown as Parameters<typeof UTIF.encodeImage>[3]))
    const [page] = await decodeImage(tiff, 'tiff')
    expect([page.width, page.height]).toEqual([40, 60])
    // Turned a quarter clockwise: the black block, top left when stored, is now top right.
    expect(page.data[2 * 40 + 37]).toBeLessThan(30)
    expect(page.data[2 * 40 + 2]).toBeGreaterThan(220)
  })
})
