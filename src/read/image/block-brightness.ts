/**
 * The paper's brightness over a coarse grid of a page: for each square block,
 * a bright percentile of its pixels, which is the paper even in a block of
 * text (ink covers far less than the share left above it).
 */
import type {GreyImage} from './grey-image.js'

/** The grid: `columns` × `rows` cells of `block` pixels, row by row. */
export interface BrightnessGrid {
  columns: number
  rows: number
  values: Uint8Array
}

/** Per block of `block` pixels, the grey level that `share` (0..1) of its pixels reach or exceed. */
export function blockBrightness(image: GreyImage, block: number, share: number): BrightnessGrid {
  const {width, height, data} = image
  const columns = Math.ceil(width / block)
  const rows = Math.ceil(height / block)
  const values = new Uint8Array(columns * rows)
  const histogram = new Uint32Array(256)
  for (let gy = 0; gy < rows; gy++) {
    for (let gx = 0; gx < columns; gx++) {
      histogram.fill(0)
      let n = 0
      for (let y = gy * block; y < Math.min(height, (gy + 1) * block); y++) {
        for (let x = gx * block; x < Math.min(width, (gx + 1) * block); x++) {
          histogram[data[y * width + x]]++
          n++
        }
      }
      let seen = 0
      let v = 255
      for (; v > 0; v--) {
        seen += histogram[v]
        if (seen >= n * share) break
      }
      values[gy * columns + gx] = v
    }
  }
  return {columns, rows, values}
}
