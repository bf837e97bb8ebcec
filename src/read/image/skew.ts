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
  // Coarse: every 0.1°, on a fifth of the points at most (a tenth of a degree moves a line by
  // pixels, which fewer points show as well; the fine search uses them all).
  const few = thin(points, coarsePoints)
  const coarseScore = few === points ? score : scorer(few, image.width, image.height)
  let centre = 0
  let coarse = coarseScore(0)
  for (let k = -Math.round(maxDegrees * 10); k <= Math.round(maxDegrees * 10); k++) {
    const s = coarseScore(k / 10)
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

/** Points used by the coarse search. */
const coarsePoints = 100_000

/** Every k-th point, so that at most `limit` remain (the points themselves when they are few). */
function thin(points: {xs: Float32Array; ys: Float32Array}, limit: number): {xs: Float32Array; ys: Float32Array} {
  const stride = Math.ceil(points.xs.length / limit)
  if (stride <= 1) return points
  const n = Math.ceil(points.xs.length / stride)
  const xs = new Float32Array(n)
  const ys = new Float32Array(n)
  for (let i = 0, j = 0; j < n; i += stride, j++) {
    xs[j] = points.xs[i]
    ys[j] = points.ys[i]
  }
  return {xs, ys}
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
 * Rotate `image` by `degrees` (clockwise on screen) about its centre, and
 * scale it by `scale` in the same pass (one interpolation, not two: a small
 * photo loses less); uncovered corners become white. Bilinear, or bicubic
 * (Catmull-Rom) with `cubicWeights`: sharper, four times the work.
 */
export function rotateImage(image: GreyImage, degrees: number, scale = 1, cubicWeights = false): GreyImage {
  const {width: sw, height: sh, data} = image
  const width = Math.max(1, Math.round(sw * scale))
  const height = Math.max(1, Math.round(sh * scale))
  const out = new Uint8Array(width * height)
  const rad = (degrees * Math.PI) / 180
  const cos = Math.cos(rad) / scale
  const sin = Math.sin(rad) / scale
  const cx = width / 2
  const cy = height / 2
  const scx = sw / 2
  const scy = sh / 2
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - cy
    // Inverse map: the source of output pixel (x, y) is it rotated by -degrees.
    let sx = cos * (0.5 - cx) + sin * dy + scx - 0.5
    let sy = -sin * (0.5 - cx) + cos * dy + scy - 0.5
    const row = y * width
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx)
      const y0 = Math.floor(sy)
      const fx = sx - x0
      const fy = sy - y0
      if (cubicWeights && x0 >= 1 && y0 >= 1 && x0 + 2 < sw && y0 + 2 < sh) {
        const wx = cubic(fx)
        const wy = cubic(fy)
        let v = 0
        for (let j = 0; j < 4; j++) {
          const r = (y0 - 1 + j) * sw + x0 - 1
          v += wy[j] * (wx[0] * data[r] + wx[1] * data[r + 1] + wx[2] * data[r + 2] + wx[3] * data[r + 3])
        }
        out[row + x] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v)
      } else if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh) {
        const i = y0 * sw + x0
        const top = data[i] + (data[i + 1] - data[i]) * fx
        const bottom = data[i + sw] + (data[i + sw + 1] - data[i + sw]) * fx
        out[row + x] = Math.round(top + (bottom - top) * fy)
      } else if (x0 < -1 || y0 < -1 || x0 >= sw || y0 >= sh) {
        out[row + x] = 255
      } else {
        // On the edge: pixels outside the image count as white paper.
        const p = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= sw || yy >= sh ? 255 : data[yy * sw + xx])
        const top = p(x0, y0) * (1 - fx) + p(x0 + 1, y0) * fx
        const bottom = p(x0, y0 + 1) * (1 - fx) + p(x0 + 1, y0 + 1) * fx
        out[row + x] = Math.round(top * (1 - fy) + bottom * fy)
      }
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

/** Catmull-Rom weights of the four neighbours at -1, 0, 1, 2 for a point `t` past the second. */
function cubic(t: number): [number, number, number, number] {
  const t2 = t * t
  const t3 = t2 * t
  return [(-t3 + 2 * t2 - t) / 2, (3 * t3 - 5 * t2 + 2) / 2, (-3 * t3 + 4 * t2 + t) / 2, (t3 - t2) / 2]
}
