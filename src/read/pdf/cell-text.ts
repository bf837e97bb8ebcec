/**
 * Words into cells, by position, before any line is formed: every word of
 * the text layer whose centre falls in a cell's box goes to that cell, so
 * the wrapped lines of neighbouring cells never interleave. Inside a cell,
 * words are read line by line (by their baselines), top to bottom.
 */
import type {BBox} from '../../tree/types.js'
import type {LayoutWord} from '../types.js'
import {makeCell, type PageTable} from '../layout/table-cells.js'
import type {TableMethod} from '../types.js'

/** A cell to fill: grid place, spans and box. */
export interface CellSlot {
  row: number
  column: number
  rowSpan: number
  colSpan: number
  bbox: BBox
}

/**
 * Fill `slots` (a grid of `rows` × `columns` within `bbox`) with the words
 * whose centre lies in them; returns the table and the words left over.
 */
export function fillCells(
  slots: CellSlot[],
  grid: {rows: number; columns: number; bbox: BBox; method: TableMethod},
  words: LayoutWord[]
): {table: PageTable; rest: LayoutWord[]} {
  const inside: LayoutWord[][] = slots.map(() => [])
  const rest: LayoutWord[] = []
  for (const word of words) {
    const cx = (word.bbox.x0 + word.bbox.x1) / 2
    const cy = (word.bbox.y0 + word.bbox.y1) / 2
    const k = slots.findIndex((s) => cx >= s.bbox.x0 && cx < s.bbox.x1 && cy >= s.bbox.y0 && cy < s.bbox.y1)
    if (k >= 0) inside[k].push(word)
    else rest.push(word)
  }
  const cells = slots.map((slot, k) => makeCell(slot.row, slot.column, slot.rowSpan, slot.colSpan, readingOrder(inside[k]), slot.bbox))
  return {table: {method: grid.method, bbox: grid.bbox, rows: grid.rows, columns: grid.columns, cells}, rest}
}

/** Words of a cell line by line (by baseline), top to bottom, each line left to right. */
export function readingOrder(words: LayoutWord[]): LayoutWord[] {
  if (words.length < 2) return words
  const lines: Array<{base: number; size: number; words: LayoutWord[]}> = []
  for (const word of [...words].sort((a, b) => baseline(a) - baseline(b))) {
    const size = word.bbox.y1 - word.bbox.y0
    const line = lines.find((l) => Math.abs(l.base - baseline(word)) < 0.4 * Math.min(l.size, size))
    if (line) line.words.push(word)
    else lines.push({base: baseline(word), size, words: [word]})
  }
  return lines.sort((a, b) => a.base - b.base).flatMap((l) => l.words.sort((a, b) => a.bbox.x0 - b.bbox.x0))
}

/** The baseline of a text-layer word (its box runs from 0.8 of the font size above it to 0.2 below). */
export function baseline(word: LayoutWord): number {
  return word.bbox.y0 + 0.8 * (word.bbox.y1 - word.bbox.y0)
}
