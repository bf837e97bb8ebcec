/**
 * Two-column zones: the ND 30 header (issuer left, Quốc hiệu and place/date
 * right) and the closing block (Nơi nhận left, signature right). Consecutive
 * rows that all leave one vertical gutter free in the middle of the page form
 * a zone; its left column is read first, top to bottom, then its right one.
 * A zone with text on the left needs two pieces of text or more on the
 * right: a single piece there is a hole in a line of prose (a lost word).
 */
import type {Row, Segment} from './segments.js'

/** A run of rows read column by column: left segments first, then right. */
export interface Zone {
  start: number
  end: number
  left: Segment[]
  right: Segment[]
}

/** Narrowest gutter, as a share of the content width. */
export const minGutterShare = 0.02

/** Split `rows` into zones. `contentX` is the horizontal extent of the page's text. */
export function findZones(rows: Row[], contentX: [number, number]): Zone[] {
  const [cx0, cx1] = contentX
  const width = Math.max(1, cx1 - cx0)
  // The gutter must lie within the middle 60% of the text.
  const middle: [number, number] = [cx0 + 0.2 * width, cx0 + 0.8 * width]
  const minGutter = minGutterShare * width
  const zones: Zone[] = []
  let i = 0
  while (i < rows.length) {
    let free: Array<[number, number]> = [middle]
    let end = i
    while (end < rows.length) {
      const next = subtract(free, rows[end].segments, minGutter)
      if (next.length === 0) break
      free = next
      end++
    }
    if (end === i) {
      // A row that fills the middle: a zone of its own, read left to right.
      zones.push({start: i, end: i + 1, left: rows[i].segments, right: []})
      i++
      continue
    }
    const gutter = free.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a))
    const split = (gutter[0] + gutter[1]) / 2
    const left: Segment[] = []
    const right: Segment[] = []
    for (const row of rows.slice(i, end)) {
      for (const s of row.segments) (s.bbox.x1 <= split ? left : right).push(s)
    }
    if (right.length === 1 && left.length > 0) {
      // One piece on the right is a hole in a line of prose (a word OCR lost), not a column: rows as they are.
      for (let k = i; k < end; k++) zones.push({start: k, end: k + 1, left: rows[k].segments, right: []})
    } else zones.push({start: i, end, left, right})
    i = end
  }
  return zones
}

function subtract(free: Array<[number, number]>, segments: Segment[], min: number): Array<[number, number]> {
  let result = free
  for (const s of segments) {
    const next: Array<[number, number]> = []
    for (const [a, b] of result) {
      if (s.bbox.x1 <= a || s.bbox.x0 >= b) next.push([a, b])
      else {
        if (s.bbox.x0 - a >= min) next.push([a, s.bbox.x0])
        if (b - s.bbox.x1 >= min) next.push([s.bbox.x1, b])
      }
    }
    result = next
  }
  return result.filter(([a, b]) => b - a >= min)
}
