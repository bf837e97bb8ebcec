/**
 * From engine lines (a PDF text layer's runs, tesseract's lines) to rows of
 * segments: a line is cut where a wide horizontal gap separates its words
 * (two columns side by side, table cells), and segments standing at the same
 * height form a row.
 */
import type {BBox} from '../../tree/types.js'
import type {LayoutWord} from '../types.js'
import {height, median, union} from './geometry.js'

/** Words of one engine line that stand together. */
export interface Segment {
  words: LayoutWord[]
  bbox: BBox
}

/** Segments standing at the same height, left to right. */
export interface Row {
  segments: Segment[]
  bbox: BBox
}

/** A gap wider than this many line heights cuts a line into segments. */
export const segmentGapFactor = 1.2

/** Cut a line's words (any order) into segments at gaps wider than `segmentGapFactor` line heights. */
export function splitAtGaps(words: LayoutWord[]): Segment[] {
  const sorted = words.filter((w) => w.text.trim() !== '').sort((a, b) => a.bbox.x0 - b.bbox.x0)
  if (sorted.length === 0) return []
  const lineHeight = Math.max(1, median(sorted.map((w) => height(w.bbox))))
  const segments: Segment[] = []
  let current: LayoutWord[] = [sorted[0]]
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i].bbox.x0 - current[current.length - 1].bbox.x1
    if (gap > segmentGapFactor * lineHeight) {
      segments.push(makeSegment(current))
      current = []
    }
    current.push(sorted[i])
  }
  segments.push(makeSegment(current))
  return segments
}

function makeSegment(words: LayoutWord[]): Segment {
  return {words, bbox: union(words.map((w) => w.bbox))}
}

/** The vertical extent of a segment's typical word: the medians of its words' tops and bottoms. */
function core(segment: Segment): [number, number] {
  return [median(segment.words.map((w) => w.bbox.y0)), median(segment.words.map((w) => w.bbox.y1))]
}

/** Group segments into rows (vertical overlap of at least half the smaller height), top to bottom. */
export function groupRows(segments: Segment[]): Row[] {
  const sorted = [...segments].sort((a, b) => a.bbox.y0 + a.bbox.y1 - (b.bbox.y0 + b.bbox.y1))
  const rows: Row[] = []
  for (const segment of sorted) {
    const row = rows.find((r) => sameRow(r, segment))
    if (row) {
      row.segments.push(segment)
      row.bbox = union([row.bbox, segment.bbox])
    } else rows.push({segments: [segment], bbox: segment.bbox})
  }
  for (const row of rows) row.segments.sort((a, b) => a.bbox.x0 - b.bbox.x0)
  return rows.sort((a, b) => a.bbox.y0 + a.bbox.y1 - (b.bbox.y0 + b.bbox.y1))
}

function sameRow(row: Row, segment: Segment): boolean {
  // Compare with the row's segments, not its (growing) box; by their usual word height, not their box,
  // which one word swollen by a speck or a stamp stretches over two lines.
  const b = core(segment)
  return row.segments.some((s) => {
    const a = core(s)
    const overlap = Math.min(a[1], b[1]) - Math.max(a[0], b[0])
    const smaller = Math.min(a[1] - a[0], b[1] - b[0])
    const horizontalOverlap = Math.min(s.bbox.x1, segment.bbox.x1) - Math.max(s.bbox.x0, segment.bbox.x0)
    return overlap >= 0.5 * smaller && horizontalOverlap <= 0
  })
}
