/**
 * Cut a rectangle out of a greyscale image, with a white margin around it
 * (tesseract reads a cell better with some paper around the text).
 */
import type {GreyImage} from './grey-image.js'

/** The pixels of `[x0, x1) × [y0, y1)` (clamped to the image) on white, `margin` pixels each side. */
export function crop(image: GreyImage, x0: number, y0: number, x1: number, y1: number, margin = 0): GreyImage {
  const ax = Math.max(0, Math.floor(x0))
  const ay = Math.max(0, Math.floor(y0))
  const bx = Math.min(image.width, Math.ceil(x1))
  const by = Math.min(image.height, Math.ceil(y1))
  const width = Math.max(1, bx - ax + 2 * margin)
  const height = Math.max(1, by - ay + 2 * margin)
  const data = new Uint8Array(width * height).fill(255)
  for (let y = ay; y < by; y++) {
    data.set(image.data.subarray(y * image.width + ax, y * image.width + bx), (y - ay + margin) * width + margin)
  }
  return {width, height, data}
}

/** Number of pixels darker than `threshold` in `[x0, x1) × [y0, y1)`. */
export function countInk(image: GreyImage, x0: number, y0: number, x1: number, y1: number, threshold = 128): number {
  let n = 0
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(image.height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(image.width, Math.ceil(x1)); x++) {
      if (image.data[y * image.width + x] < threshold) n++
    }
  }
  return n
}
