/**
 * A written mark as the digit classifier sees it (as MNIST does): its ink
 * straightened (the slant measured by the second moments of the ink taken
 * out), scaled so that its longer side is 20 pixels, centred by its centre
 * of mass in a 28 × 28 image of ink coverage (0 paper … 1 ink). The same
 * function prepares the training marks and the marks cut from a page.
 */

/** Side of the classifier's image. */
export const digitSize = 28

/** Longer side of the mark in that image. */
const markSize = 20

/** A mark: `width` × `height` pixels, 1 for ink, row by row. */
export interface Mark {
  width: number
  height: number
  ink: Uint8Array
}

/** The mark's 28 × 28 coverage image (row by row), or null when it holds no ink. */
export function digitImage(mark: Mark): Float32Array | null {
  const {width, height, ink} = mark
  let n = 0
  let sx = 0
  let sy = 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x]) {
        n++
        sx += x
        sy += y
      }
    }
  }
  if (n === 0) return null
  const cx = sx / n + 0.5
  const cy = sy / n + 0.5
  let mu11 = 0
  let mu02 = 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!ink[y * width + x]) continue
      const dx = x + 0.5 - cx
      const dy = y + 0.5 - cy
      mu11 += dx * dy
      mu02 += dy * dy
    }
  }
  // Slant: x drifts by `shear` per pixel down; straightened x' = x - shear (y - cy).
  const shear = mu02 > 0 ? Math.max(-0.8, Math.min(0.8, mu11 / mu02)) : 0
  let x0 = Infinity
  let x1 = -Infinity
  let y0 = Infinity
  let y1 = -Infinity
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!ink[y * width + x]) continue
      const xs = x - shear * (y + 0.5 - cy)
      x0 = Math.min(x0, xs)
      x1 = Math.max(x1, xs + 1)
      y0 = Math.min(y0, y)
      y1 = Math.max(y1, y + 1)
    }
  }
  const scale = markSize / Math.max(x1 - x0, y1 - y0, 1)
  const out = new Float32Array(digitSize * digitSize)
  const half = digitSize / 2
  const sub = 4
  for (let ty = 0; ty < digitSize; ty++) {
    for (let tx = 0; tx < digitSize; tx++) {
      let hits = 0
      for (let j = 0; j < sub; j++) {
        const y = (ty + (j + 0.5) / sub - half) / scale + cy
        const yi = Math.floor(y)
        if (yi < 0 || yi >= height) continue
        for (let i = 0; i < sub; i++) {
          const xs = (tx + (i + 0.5) / sub - half) / scale + cx
          const xi = Math.floor(xs + shear * (y - cy))
          if (xi >= 0 && xi < width && ink[yi * width + xi]) hits++
        }
      }
      out[ty * digitSize + tx] = hits / (sub * sub)
    }
  }
  return out
}
