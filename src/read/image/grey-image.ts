/**
 * An 8-bit greyscale raster: what pages are turned into before OCR.
 * tesseract.js gets it as a binary PGM (a 15-byte header on the raw pixels),
 * which Leptonica reads without any decoding cost.
 */

/** Width × height pixels, one byte each, row by row, 0 = black. */
export interface GreyImage {
  width: number
  height: number
  data: Uint8Array
}

/** Options of `greyFromRgba`. */
export interface GreyOptions {
  /**
   * Turn red ink (a seal stamped over the signature and the signer's name)
   * into paper: a red pixel turns white instead of taking its luma, which
   * is as dark as text. Black text under the red stays black: it is not
   * red.
   */
  dropRed?: boolean
}

/** A pixel this much redder than green and blue is red ink; between 10 and this, partly (a JPEG blurs the colour of edges). */
const redMargin = 60

/** Greyscale from RGBA pixels, composited over white (ITU-R BT.601 luma). */
export function greyFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, options: GreyOptions = {}): GreyImage {
  const data = new Uint8Array(width * height)
  const dropRed = options.dropRed ?? false
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3] / 255
    const [r, g, b] = [rgba[j], rgba[j + 1], rgba[j + 2]]
    const luma = 0.299 * r + 0.587 * g + 0.114 * b
    const red = dropRed ? Math.min(1, Math.max(0, (r - Math.max(g, b) - 10) / (redMargin - 10))) : 0
    const value = luma + (255 - luma) * red
    data[i] = Math.round(value * a + 255 * (1 - a))
  }
  return {width, height, data}
}

/** The image as a binary PGM (P5) file. */
export function toPgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`)
  const out = new Uint8Array(header.length + image.data.length)
  out.set(header)
  out.set(image.data, header.length)
  return out
}

/** Scale by `factor` with bilinear interpolation. */
export function scaleImage(image: GreyImage, factor: number): GreyImage {
  const width = Math.max(1, Math.round(image.width * factor))
  const height = Math.max(1, Math.round(image.height * factor))
  const data = new Uint8Array(width * height)
  const src = image.data
  const sw = image.width
  const sh = image.height
  for (let y = 0; y < height; y++) {
    const fy = Math.min(sh - 1, Math.max(0, (y + 0.5) / factor - 0.5))
    const y0 = Math.floor(fy)
    const y1 = Math.min(sh - 1, y0 + 1)
    const wy = fy - y0
    for (let x = 0; x < width; x++) {
      const fx = Math.min(sw - 1, Math.max(0, (x + 0.5) / factor - 0.5))
      const x0 = Math.floor(fx)
      const x1 = Math.min(sw - 1, x0 + 1)
      const wx = fx - x0
      const top = src[y0 * sw + x0] * (1 - wx) + src[y0 * sw + x1] * wx
      const bottom = src[y1 * sw + x0] * (1 - wx) + src[y1 * sw + x1] * wx
      data[y * width + x] = Math.round(top * (1 - wy) + bottom * wy)
    }
  }
  return {width, height, data}
}
