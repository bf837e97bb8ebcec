/**
 * Small helpers on boxes and words shared by the layout steps.
 */
import type {BBox} from '../../tree/types.js'
import type {LayoutWord} from '../types.js'

/** The smallest box holding all `boxes` (a zero box when there are none). */
export function union(boxes: BBox[]): BBox {
  if (boxes.length === 0) return {x0: 0, y0: 0, x1: 0, y1: 0}
  let x0 = Infinity
  let y0 = Infinity
  let x1 = -Infinity
  let y1 = -Infinity
  for (const b of boxes) {
    if (b.x0 < x0) x0 = b.x0
    if (b.y0 < y0) y0 = b.y0
    if (b.x1 > x1) x1 = b.x1
    if (b.y1 > y1) y1 = b.y1
  }
  return {x0, y0, x1, y1}
}

/** Height of a box. */
export function height(b: BBox): number {
  return b.y1 - b.y0
}

/** Median of `values` (0 for none). */
export function median(values: number[]): number {
  if (values.length === 0) return 0
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Mean confidence of `words`, weighted by their length (1 for none). */
export function meanConfidence(words: LayoutWord[]): number {
  let sum = 0
  let n = 0
  for (const w of words) {
    const k = Math.max(1, w.text.length)
    sum += w.confidence * k
    n += k
  }
  return n === 0 ? 1 : sum / n
}

/** Round a box to two decimals (PDF points) so output is stable and small. */
export function roundBox(b: BBox): BBox {
  const r = (x: number) => Math.round(x * 100) / 100
  return {x0: r(b.x0), y0: r(b.y0), x1: r(b.x1), y1: r(b.y1)}
}
