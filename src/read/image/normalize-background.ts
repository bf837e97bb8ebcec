/**
 * Even out the light of a photographed or dark page: estimate the paper's
 * brightness locally (the brightest pixel of each block, smoothed) and divide
 * it out, so shadows, gradients and dim exposures become white paper with
 * dark text before tesseract's global threshold sees them.
 */
import {blockBrightness} from './block-brightness.js'
import type {GreyImage} from './grey-image.js'

/** A new image with the background brought to white. */
export function normalizeBackground(image: GreyImage): GreyImage {
  const {width, height, data} = image
  const block = Math.max(16, Math.round(Math.min(width, height) / 60))
  // The 95th percentile rather than the maximum: robust to specks of glare.
  const {columns: gw, rows: gh, values: grid} = blockBrightness(image, block, 0.05)
  // Blocks covered by a dark figure or a thick rule: take the brightest neighbour, then smooth.
  const dilated = new Float32Array(grid.length)
  const smooth = new Float32Array(grid.length)
  for (const [src, dst, op] of [
    [grid, dilated, 'max'],
    [dilated, smooth, 'mean']
  ] as const) {
    for (let gy = 0; gy < gh; gy++) {
      for (let gx = 0; gx < gw; gx++) {
        let acc = op === 'max' ? 0 : 0
        let n = 0
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const y = gy + dy
            const x = gx + dx
            if (y < 0 || x < 0 || y >= gh || x >= gw) continue
            const v = src[y * gw + x]
            if (op === 'max') acc = Math.max(acc, v)
            else acc += v
            n++
          }
        }
        dst[gy * gw + gx] = op === 'max' ? acc : acc / n
      }
    }
  }
  const out = new Uint8Array(width * height)
  // The horizontal interpolation of the grid is the same on every row: worked out once.
  const xs0 = new Int32Array(width)
  const xs1 = new Int32Array(width)
  const wxs = new Float32Array(width)
  for (let x = 0; x < width; x++) {
    const fx = Math.min(gw - 1, Math.max(0, (x + 0.5) / block - 0.5))
    xs0[x] = Math.floor(fx)
    xs1[x] = Math.min(gw - 1, xs0[x] + 1)
    wxs[x] = fx - xs0[x]
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(gh - 1, Math.max(0, (y + 0.5) / block - 0.5))
    const r0 = Math.floor(fy) * gw
    const r1 = Math.min(gh - 1, Math.floor(fy) + 1) * gw
    const wy = fy - Math.floor(fy)
    const row = y * width
    for (let x = 0; x < width; x++) {
      const x0 = xs0[x]
      const x1 = xs1[x]
      const wx = wxs[x]
      const top = smooth[r0 + x0] + (smooth[r0 + x1] - smooth[r0 + x0]) * wx
      const bottom = smooth[r1 + x0] + (smooth[r1 + x1] - smooth[r1 + x0]) * wx
      const bg = top + (bottom - top) * wy
      const v = (data[row + x] * 255) / (bg > 16 ? bg : 16)
      out[row + x] = v >= 255 ? 255 : Math.round(v)
    }
  }
  return {width, height, data: out}
}
