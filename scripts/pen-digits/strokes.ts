/**
 * Synthetic pen digits for training the digit classifier: each digit is one
 * of a few pen shapes (the ways digits are written by hand in Vietnamese
 * offices: a `1` with a long lead-in stroke, a crossed or plain `7`, a `2`
 * with or without a loop at its foot, an open or closed `4` …), drawn as
 * smooth strokes through jittered points, slanted, turned, squeezed, with a
 * pen of varying width, sometimes lifted; or typed in the shipped serif
 * font (a number typed into the line); then bent a little as a hand wavers.
 */
import {createCanvas} from '@napi-rs/canvas'
import {FONT_FAMILY, registerFonts} from '../../src/fixture/fonts.js'
import type {Random} from '../../src/fixture/prng.js'
import type {Mark} from '../../src/read/handwriting/digit-image.js'

type Point = [number, number]
type Stroke = Point[]

/** Pen shapes of each digit: strokes of points in a unit box (x right, y down). */
export const SHAPES: Record<string, Stroke[][]> = {
  '0': [
    [[[0.55, 0.02], [0.2, 0.12], [0.03, 0.5], [0.2, 0.92], [0.55, 1], [0.88, 0.8], [0.97, 0.4], [0.8, 0.08], [0.5, 0.03], [0.32, 0.12]]],
    [[[0.6, 0.05], [0.25, 0.1], [0.05, 0.55], [0.3, 0.98], [0.7, 0.92], [0.95, 0.45], [0.75, 0.02], [0.55, 0.06]]],
    // Narrow and leaning, its stroke ending inside at the top.
    [[[0.7, 0.1], [0.4, 0], [0.12, 0.35], [0.1, 0.75], [0.35, 1], [0.75, 0.85], [0.9, 0.45], [0.8, 0.12], [0.55, 0.05]]]
  ],
  '1': [
    [[[0.05, 0.32], [0.6, 0], [0.55, 1]]],
    [[[0.5, 0], [0.5, 1]]],
    [[[0.15, 0.22], [0.55, 0], [0.55, 1]], [[0.2, 1], [0.9, 1]]],
    [[[0, 0.5], [0.25, 0.3], [0.7, 0], [0.6, 1]]],
    [[[0.2, 0.15], [0.6, 0], [0.58, 0.5], [0.55, 1]]],
    // A long straight lead-in from low on the left: the hand's usual 1 (looks like a Λ with a short left leg).
    [[[0, 0.6], [0.55, 0], [0.65, 1]]],
    [[[0.05, 0.5], [0.6, 0], [0.5, 1]]],
    [[[0.1, 0.45], [0.55, 0.02], [0.6, 0.55], [0.62, 1]]]
  ],
  '2': [
    [[[0.08, 0.28], [0.3, 0.04], [0.65, 0], [0.9, 0.2], [0.8, 0.45], [0.4, 0.75], [0.05, 1], [0.5, 0.97], [0.98, 0.98]]],
    [[[0.1, 0.25], [0.35, 0.02], [0.75, 0.02], [0.92, 0.25], [0.75, 0.5], [0.35, 0.8], [0.1, 0.97], [0.05, 0.88], [0.2, 0.8], [0.35, 0.92], [0.6, 0.98], [0.98, 0.94]]],
    [[[0.05, 0.2], [0.4, 0], [0.85, 0.1], [0.8, 0.4], [0.1, 1], [0.95, 1]]]
  ],
  '3': [
    [[[0.1, 0.12], [0.45, 0], [0.85, 0.12], [0.85, 0.35], [0.45, 0.48], [0.9, 0.62], [0.92, 0.85], [0.55, 1], [0.08, 0.88]]],
    [[[0.08, 0.02], [0.9, 0.02], [0.45, 0.42], [0.85, 0.6], [0.92, 0.82], [0.55, 1], [0.08, 0.9]]],
    [[[0.15, 0.15], [0.5, 0], [0.8, 0.2], [0.5, 0.45], [0.35, 0.48], [0.8, 0.6], [0.85, 0.85], [0.45, 1], [0.1, 0.85]]]
  ],
  '4': [
    [[[0.55, 0], [0.05, 0.65], [0.98, 0.65]], [[0.75, 0.25], [0.7, 1]]],
    [[[0.45, 0], [0.1, 0.6], [0.9, 0.58]], [[0.7, 0.2], [0.68, 1]]],
    [[[0.7, 1], [0.72, 0], [0.02, 0.68], [0.98, 0.66]]],
    [[[0.15, 0], [0.05, 0.6], [0.95, 0.6]], [[0.75, 0.05], [0.75, 1]]],
    [[[0.25, 0], [0.08, 0.55], [0.85, 0.55]], [[0.7, 0], [0.65, 1]]]
  ],
  '5': [
    [[[0.3, 0.02], [0.2, 0.45], [0.5, 0.38], [0.85, 0.5], [0.9, 0.75], [0.6, 0.98], [0.1, 0.9]], [[0.3, 0.02], [0.92, 0]]],
    [[[0.9, 0], [0.3, 0.02], [0.2, 0.45], [0.55, 0.38], [0.9, 0.6], [0.8, 0.9], [0.45, 1], [0.08, 0.88]]],
    [[[0.25, 0.05], [0.18, 0.48], [0.6, 0.42], [0.88, 0.68], [0.65, 0.95], [0.15, 0.95]], [[0.22, 0.05], [0.95, 0.08]]]
  ],
  '6': [
    [[[0.85, 0.05], [0.45, 0.2], [0.12, 0.6], [0.2, 0.92], [0.55, 1], [0.88, 0.8], [0.78, 0.55], [0.45, 0.5], [0.15, 0.7]]],
    [[[0.7, 0], [0.3, 0.35], [0.1, 0.75], [0.4, 1], [0.8, 0.85], [0.75, 0.6], [0.4, 0.55], [0.15, 0.75]]]
  ],
  '7': [
    [[[0.02, 0.05], [0.95, 0], [0.35, 1]]],
    [[[0.02, 0.05], [0.95, 0], [0.35, 1]], [[0.3, 0.52], [0.85, 0.5]]],
    [[[0.05, 0.2], [0.1, 0.02], [0.95, 0.02], [0.4, 1]]],
    [[[0.05, 0.08], [0.5, 0.02], [0.95, 0], [0.7, 0.4], [0.5, 1]], [[0.35, 0.5], [0.9, 0.45]]],
    // A short top bar, a steep stem, a bar across its middle.
    [[[0.15, 0.06], [0.9, 0.02], [0.6, 1]], [[0.3, 0.52], [0.95, 0.5]]],
    [[[0.1, 0.1], [0.45, 0.02], [0.85, 0.02], [0.6, 0.5], [0.5, 1]], [[0.2, 0.55], [0.9, 0.5]]]
  ],
  '8': [
    [[[0.85, 0.12], [0.5, 0], [0.15, 0.15], [0.25, 0.38], [0.75, 0.58], [0.9, 0.8], [0.5, 1], [0.1, 0.8], [0.25, 0.58], [0.75, 0.38], [0.85, 0.15], [0.75, 0.05]]],
    [[[0.5, 0.45], [0.15, 0.25], [0.5, 0], [0.85, 0.22], [0.5, 0.45], [0.1, 0.72], [0.5, 1], [0.9, 0.72], [0.5, 0.45]]]
  ],
  '9': [
    [[[0.88, 0.22], [0.55, 0.02], [0.15, 0.15], [0.12, 0.42], [0.5, 0.5], [0.88, 0.3], [0.88, 0.12]], [[0.88, 0.15], [0.82, 0.6], [0.75, 1]]],
    [[[0.88, 0.25], [0.5, 0.02], [0.12, 0.2], [0.2, 0.45], [0.6, 0.45], [0.9, 0.2], [0.88, 0.55], [0.7, 0.9], [0.4, 1], [0.15, 0.9]]],
    [[[0.9, 0.1], [0.5, 0], [0.1, 0.25], [0.45, 0.5], [0.9, 0.15], [0.85, 0.6], [0.8, 1]]]
  ]
}

/** Options of `drawMark`. */
interface Pen {
  /** Image height in pixels (the mark stands about 70% of it). */
  size: number
}

/** Catmull-Rom points through `points`, about one every pixel at `scale`. */
function smooth(points: Point[], scale: number): Point[] {
  if (points.length < 2) return points
  const out: Point[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]
    const p1 = points[i]
    const p2 = points[i + 1]
    const p3 = points[Math.min(points.length - 1, i + 2)]
    const steps = Math.max(2, Math.ceil(Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) * scale * 2))
    for (let s = 0; s < steps; s++) {
      const t = s / steps
      const t2 = t * t
      const t3 = t2 * t
      const f = (a: number, b: number, c: number, d: number) => 0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3)
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])])
    }
  }
  out.push(points[points.length - 1])
  return out
}

/** Strokes (unit box) drawn with a jittered pen into a `size` × `size` mark. */
function draw(strokes: Stroke[], random: Random, pen: Pen): Mark {
  const size = pen.size
  const ink = new Uint8Array(size * size)
  const height = size * random.range(0.55, 0.75)
  const aspect = random.range(0.45, 0.85)
  const slant = random.range(-0.15, 0.45)
  const turn = random.range(-0.1, 0.1)
  const width = height * random.range(0.06, 0.18)
  const ox = size / 2
  const oy = size / 2
  const place = ([x, y]: Point): Point => {
    const px = (x - 0.5) * height * aspect + slant * (0.5 - y) * height
    const py = (y - 0.5) * height
    return [ox + px * Math.cos(turn) - py * Math.sin(turn), oy + px * Math.sin(turn) + py * Math.cos(turn)]
  }
  for (const stroke of strokes) {
    const jittered = stroke.map(([x, y]) => [x + 0.045 * random.normal() * 0.7, y + 0.04 * random.normal() * 0.7] as Point)
    const path = smooth(jittered.map(place), 1)
    // The pen is lifted for a moment now and then.
    const gapAt = random.next() < 0.06 ? random.int(2, Math.max(3, path.length - 3)) : -1
    const pressure = random.range(0.8, 1.2)
    for (const [k, [x, y]] of path.entries()) {
      if (gapAt >= 0 && k >= gapAt && k < gapAt + 2) continue
      const r = Math.max(0.8, (width / 2) * (pressure + 0.15 * Math.sin(k / 7)))
      disc(ink, size, x, y, r)
    }
  }
  return {width: size, height: size, ink}
}

function disc(ink: Uint8Array, size: number, cx: number, cy: number, r: number): void {
  for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(size - 1, Math.ceil(cy + r)); y++) {
    for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(size - 1, Math.ceil(cx + r)); x++) {
      if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r) ink[y * size + x] = 1
    }
  }
}

/** A mark of digit `digit` in one of its pen shapes. */
export function drawDigit(digit: string, random: Random, size = 56): Mark {
  const shapes = SHAPES[digit]
  return draw(shapes[random.int(0, shapes.length - 1)], random, {size})
}

/** A digit typed in the shipped serif font (regular, bold, italic), as a number typed into the line is. */
export function drawPrinted(digit: string, random: Random, size = 56): Mark {
  registerFonts()
  const canvas = createCanvas(size, size)
  const context = canvas.getContext('2d')
  context.fillStyle = '#fff'
  context.fillRect(0, 0, size, size)
  const style = ['', 'bold ', 'italic '][random.int(0, 2)]
  context.font = `${style}${Math.round(size * random.range(0.55, 0.75))}px "${FONT_FAMILY}"`
  context.fillStyle = '#000'
  context.textAlign = 'center'
  context.textBaseline = 'middle'
  context.translate(size / 2, size / 2)
  context.rotate(random.range(-0.08, 0.08))
  context.fillText(digit, 0, 0)
  const {data} = context.getImageData(0, 0, size, size)
  const threshold = random.range(100, 180)
  const ink = new Uint8Array(size * size)
  for (let i = 0; i < ink.length; i++) ink[i] = data[4 * i] < threshold ? 1 : 0
  return {width: size, height: size, ink}
}

/**
 * The mark bent by a smooth random displacement (as a hand wavers): each pixel taken from up to
 * `amount` of the mark's size away, the displacement varying slowly across the mark.
 */
export function bend(mark: Mark, random: Random, amount: number): Mark {
  const {width, height, ink} = mark
  const waves = Array.from({length: 4}, () => ({
    fx: random.range(0.5, 2),
    fy: random.range(0.5, 2),
    phase: random.range(0, 2 * Math.PI),
    ax: random.normal() * amount * width * 0.5,
    ay: random.normal() * amount * height * 0.5
  }))
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let dx = 0
      let dy = 0
      for (const w of waves) {
        const t = Math.sin((2 * Math.PI * (w.fx * x)) / width + (2 * Math.PI * (w.fy * y)) / height + w.phase)
        dx += w.ax * t
        dy += w.ay * t
      }
      const sx = Math.round(x + dx)
      const sy = Math.round(y + dy)
      if (sx >= 0 && sx < width && sy >= 0 && sy < height) out[y * width + x] = ink[sy * width + sx]
    }
  }
  return {width, height, ink: out}
}
