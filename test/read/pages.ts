/**
 * Synthetic page images for the image and layout tests: lines of text and a
 * ruled table drawn with @napi-rs/canvas in the fixture font, optionally
 * turned by an angle, as greyscale rasters.
 */
import {createCanvas, type Canvas} from '@napi-rs/canvas'
import {cssFont, registerFonts} from '../../src/fixture/fonts.js'
import {greyFromRgba, type GreyImage} from '../../src/read/image/grey-image.js'

/** A drawing on a white canvas of `width` × `height`, turned by `degrees` (clockwise) about its centre. */
export function drawPage(width: number, height: number, degrees: number, draw: (ctx: ReturnType<Canvas['getContext']>) => void): Canvas {
  registerFonts()
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  ctx.translate(width / 2, height / 2)
  ctx.rotate((degrees * Math.PI) / 180)
  ctx.translate(-width / 2, -height / 2)
  ctx.fillStyle = '#111111'
  ctx.strokeStyle = '#111111'
  draw(ctx)
  return canvas
}

/** The canvas as a greyscale image. */
export function grey(canvas: Canvas): GreyImage {
  const {data} = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
  return greyFromRgba(data, canvas.width, canvas.height)
}

/** An A4 page at 200 dpi: twenty lines of prose and a ruled 3 × 4 table whose second row is one merged cell past the first column. */
export function proseAndTable(degrees = 0): Canvas {
  return drawPage(1654, 2339, degrees, (ctx) => {
    ctx.font = cssFont({size: 13}, 200 / 72)
    for (let i = 0; i < 20; i++) ctx.fillText('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;', 160, 240 + i * 50)
    ctx.lineWidth = 2
    const xs = [160, 260, 900, 1500]
    const ys = [1400, 1480, 1540, 1660, 1780]
    for (const y of ys) line(ctx, xs[0], y, xs[3], y)
    for (const x of [xs[0], xs[3]]) line(ctx, x, ys[0], x, ys[4])
    line(ctx, xs[1], ys[0], xs[1], ys[4])
    // The second row merges the cells right of the first column.
    line(ctx, xs[2], ys[0], xs[2], ys[1])
    line(ctx, xs[2], ys[2], xs[2], ys[4])
  })
}

function line(ctx: ReturnType<Canvas['getContext']>, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath()
  ctx.moveTo(x0, y0)
  ctx.lineTo(x1, y1)
  ctx.stroke()
}

/** A JPEG APP1 segment holding only the orientation tag. */
export function exifOrientation(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]
  const body = [...new TextEncoder().encode('Exif'), 0, 0, ...tiff]
  return new Uint8Array([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body])
}

/** `jpeg` with an EXIF orientation segment after its start marker. */
export function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  return new Uint8Array([...jpeg.subarray(0, 2), ...exifOrientation(orientation), ...jpeg.subarray(2)])
}
