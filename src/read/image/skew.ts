/**
 * Measure how far a page is rotated (a scan fed in askew, a phone held at an
 * angle) and straighten it, before table rules are looked for and before OCR:
 * a rule tilted by half a degree is no longer one row of dark pixels, and a
 * tilted table loses its columns.
 *
 * The skew is the angle at which the page's ink, projected onto the vertical
 * axis along that angle, is most sharply peaked: text lines and rules then
 * fall into few bins with sharp edges (the sum of squared differences of
 * neighbouring bins is largest). The search runs coarse, then fine.
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
const maxPoints = 500_000

/** Measure the skew of `image`. */
export function measureSkew(image: GreyImage, options: SkewOptions = {}): Skew {
  const maxDegrees = options.maxDegrees ?? 5
  const threshold = options.threshold ?? 140
  const points = inkPoints(image, threshold)
  if (points.xs.length < 200) return {degrees: 0, gain: 1}
  const score = scorer(points, image.width, image.height)
  const base = score(0)
  // Coarse: every 0.1°.
  let centre = 0
  let coarse = base
  for (let k = -Math.round(maxDegrees * 10); k <= Math.round(maxDegrees * 10); k++) {
    const s = score(k / 10)
    if (s > coarse) {
      coarse = s
      centre = k / 10
    }
  }
  // Fine: every 0.01° around it. Angles a fraction of a pixel apart give the same bins, so the
  // best score is a plateau: its middle is the skew.
  const angles: number[] = []
  const scores: number[] = []
  for (let k = -10; k <= 10; k++) {
    angles.push(Math.round((centre + k / 100) * 100) / 100)
    scores.push(score(angles[angles.length - 1]))
  }
  const best = Math.max(...scores)
  const top = scores.indexOf(best)
  let from = top
  let to = top
  while (from > 0 && scores[from - 1] >= best) from--
  while (to + 1 < scores.length && scores[to + 1] >= best) to++
  const degrees = Math.round(((angles[from] + angles[to]) / 2) * 100) / 100
  return {degrees: Object.is(degrees, -0) ? 0 : degrees, gain: base > 0 ? best / base : 1}
}

/** The ink pixels of `image` (thinned out evenly when there are many, as on a dark photo). */
function inkPoints(image: GreyImage, threshold: number): {xs: Float32Array; ys: Float32Array} {
  const {width, height, data} = image
  let count = 0
  for (let i = 0; i < data.length; i++) if (data[i] < threshold) count++
  const stride = Math.max(1, Math.ceil(count / maxPoints))
  const n = Math.ceil(count / stride)
  const xs = new Float32Array(n)
  const ys = new Float32Array(n)
  let seen = 0
  let j = 0
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] >= threshold) continue
      if (seen++ % stride === 0 && j < n) {
        xs[j] = x
        ys[j] = y
        j++
      }
    }
  }
  return {xs: xs.subarray(0, j), ys: ys.subarray(0, j)}
}

/** A function giving, for an angle, the sharpness of the ink's profile projected along it. */
function scorer(points: {xs: Float32Array; ys: Float32Array}, width: number, height: number): (degrees: number) => number {
  const margin = Math.ceil(width * Math.tan((10 * Math.PI) / 180)) + 2
  const bins = new Float64Array(height + 2 * margin)
  return (degrees) => {
    bins.fill(0)
    const t = Math.tan((degrees * Math.PI) / 180)
    const {xs, ys} = points
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round(ys[i] - xs[i] * t) + margin
      if (b >= 0 && b < bins.length) bins[b]++
    }
    // Squared differences of neighbouring bins: sharp edges of lines (baselines, rules) score high (Postl's measure).
    let sum = 0
    for (let i = 1; i < bins.length; i++) sum += (bins[i] - bins[i - 1]) ** 2
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
