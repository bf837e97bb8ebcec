/**
 * Measure how far a page is rotated (a scan fed in askew, a phone held at an
 * angle) and straighten it, before table rules are looked for and before OCR:
 * a rule tilted by half a degree is no longer one row of dark pixels, and a
 * tilted table loses its columns.
 *
 * The skew is the angle at which the page's ink, projected onto the vertical
 * axis along that angle, is most sharply peaked: text lines and rules then
 * fall into few bins (the sum of squared bin counts is largest). The search
 * runs on a half-size image, coarse then fine.
 */
import type {GreyImage} from './grey-image.js'

/** Options of `measureSkew`. */
export interface SkewOptions {
  /** Largest skew looked for, degrees either way (default 5). */
  maxDegrees?: number
  /** Pixels darker than this are ink (default 140). */
  threshold?: number
}

/** What `measureSkew` found. */
export interface Skew {
  /** The page's rotation in degrees, clockwise on screen (y down); straighten by rotating by its opposite. */
  degrees: number
  /** How much sharper the profile is at `degrees` than at 0 (1 = no better); a page without lines gives about 1. */
  gain: number
}

/** Ink points sampled for the projection (more are thinned out). */
const maxPoints = 400_000

/** Measure the skew of `image`. */
export function measureSkew(image: GreyImage, options: SkewOptions = {}): Skew {
  const maxDegrees = options.maxDegrees ?? 5
  const threshold = options.threshold ?? 140
  const points = inkPoints(image, threshold)
  if (points.xs.length < 200) return {degrees: 0, gain: 1}
  const height = Math.ceil(image.height / 2)
  const width = Math.ceil(image.width / 2)
  const score = scorer(points, width, height)
  const base = score(0)
  let best = 0
  let bestScore = base
  // Coarse: every 0.1°; then every 0.01° around the best.
  for (let a = -maxDegrees; a <= maxDegrees + 1e-9; a += 0.1) {
    const s = score(a)
    if (s > bestScore) {
      bestScore = s
      best = a
    }
  }
  const centre = best
  for (let a = centre - 0.1; a <= centre + 0.1 + 1e-9; a += 0.01) {
    const s = score(a)
    if (s > bestScore) {
      bestScore = s
      best = a
    }
  }
  return {degrees: Math.round(best * 100) / 100, gain: base > 0 ? bestScore / base : 1}
}

/** Ink pixels of the half-size image (a 2×2 block is ink when its darkest pixel is). */
function inkPoints(image: GreyImage, threshold: number): {xs: Float32Array; ys: Float32Array} {
  const {width, height, data} = image
  const xs: number[] = []
  const ys: number[] = []
  for (let y = 0; y + 1 < height; y += 2) {
    for (let x = 0; x + 1 < width; x += 2) {
      const i = y * width + x
      const v = Math.min(data[i], data[i + 1], data[i + width], data[i + width + 1])
      if (v < threshold) {
        xs.push(x / 2)
        ys.push(y / 2)
      }
    }
  }
  // Thin out evenly when there is a lot of ink (a dark photo), to bound the work.
  const step = Math.max(1, Math.ceil(xs.length / maxPoints))
  const n = Math.ceil(xs.length / step)
  const px = new Float32Array(n)
  const py = new Float32Array(n)
  for (let i = 0, j = 0; i < xs.length; i += step, j++) {
    px[j] = xs[i]
    py[j] = ys[i]
  }
  return {xs: px, ys: py}
}

/** A function giving, for an angle, the sum of squared bin counts of the ink projected along it. */
function scorer(points: {xs: Float32Array; ys: Float32Array}, width: number, height: number): (degrees: number) => number {
  const margin = Math.ceil(width * Math.tan((10 * Math.PI) / 180)) + 2
  const bins = new Float64Array(height + 2 * margin)
  return (degrees) => {
    bins.fill(0)
    const t = Math.tan((degrees * Math.PI) / 180)
    const {xs, ys} = points
    for (let i = 0; i < xs.length; i++) {
      // Each point split between the two nearest bins: the score varies smoothly with the angle.
      const v = ys[i] - xs[i] * t + margin
      const b = Math.floor(v)
      if (b < 0 || b + 1 >= bins.length) continue
      const f = v - b
      bins[b] += 1 - f
      bins[b + 1] += f
    }
    let sum = 0
    for (let i = 0; i < bins.length; i++) sum += bins[i] * bins[i]
    return sum
  }
}

/**
 * Rotate `image` by `degrees` (clockwise on screen) about its centre, keeping
 * its size; uncovered corners become white. Bilinear.
 */
export function rotateImage(image: GreyImage, degrees: number): GreyImage {
  const {width, height, data} = image
  const out = new Uint8Array(width * height)
  const rad = (degrees * Math.PI) / 180
  const cos = Math.cos(rad)
  const sin = Math.sin(rad)
  const cx = width / 2
  const cy = height / 2
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - cy
    // Inverse map: the source of output pixel (x, y) is it rotated by -degrees.
    let sx = cos * (0.5 - cx) + sin * dy + cx - 0.5
    let sy = -sin * (0.5 - cx) + cos * dy + cy - 0.5
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx)
      const y0 = Math.floor(sy)
      if (x0 < -1 || y0 < -1 || x0 >= width || y0 >= height) {
        out[y * width + x] = 255
        continue
      }
      const fx = sx - x0
      const fy = sy - y0
      const p = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= width || yy >= height ? 255 : data[yy * width + xx])
      const top = p(x0, y0) * (1 - fx) + p(x0 + 1, y0) * fx
      const bottom = p(x0, y0 + 1) * (1 - fx) + p(x0 + 1, y0 + 1) * fx
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy)
    }
  }
  return {width, height, data: out}
}

/**
 * Map a point of the image rotated by `degrees` (as `rotateImage` made it)
 * back to the image before rotation; `cx`, `cy` is the centre of rotation.
 */
export function unrotatePoint(x: number, y: number, degrees: number, cx: number, cy: number): [number, number] {
  const rad = (degrees * Math.PI) / 180
  const cos = Math.cos(rad)
  const sin = Math.sin(rad)
  const dx = x - cx
  const dy = y - cy
  return [cos * dx + sin * dy + cx, -sin * dx + cos * dy + cy]
}
