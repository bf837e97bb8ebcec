/**
 * Rebuild tables from word boxes: a row with three or more separated
 * segments is a header candidate; its segments give the columns; the table
 * goes on over the following rows as long as no word crosses a column
 * boundary. Column boundaries fall in the gutters (x-ranges no word of the
 * table covers) between the header's segments. A logical row starts at a
 * physical row whose first cell is filled (TT, "I.", "1") — or, when the
 * page's ruling lines are known, at each horizontal rule — so cells wrapped
 * over several physical lines come out whole.
 */
import type {BBox} from '../../tree/types.js'
import type {LayoutWord} from '../types.js'
import {median, union} from './geometry.js'
import type {Row} from './segments.js'

/** A table found on a page: rows of cells, each cell the words it holds. */
export interface FoundTable {
  /** Index of the first and one past the last physical row it covers. */
  start: number
  end: number
  /** Column boundaries (x), between columns: `columns - 1` values. */
  boundaries: number[]
  /**
   * Logical rows: cells (one per column) of words in reading order;
   * `spans[c]`, when given, is how many columns the cell starting at `c`
   * covers (0 for a column a merged cell to its left covers).
   */
  rows: Array<{cells: LayoutWord[][]; bbox: BBox; spans?: number[]}>
  /** The table as cells with their row and column spans and words, when it came from a grid of rules (`grid-tables.ts`). */
  cells?: TableCellWords[]
}

/** A cell of a found table: where it starts in the grid (0-based), its spans, its box and its words in reading order. */
export interface TableCellWords {
  row: number
  column: number
  rowSpan: number
  colSpan: number
  bbox: BBox
  words: LayoutWord[]
}

/** Options: horizontal ruling lines (y) known from the image, if any. */
export interface TableOptions {
  horizontalRules?: number[]
}

/** Minimum columns for a table. */
export const minTableColumns = 3

/** Find the tables among a page's rows (top to bottom, not overlapping). */
export function findTables(rows: Row[], options: TableOptions = {}): FoundTable[] {
  const tables: FoundTable[] = []
  let i = 0
  while (i < rows.length) {
    // Pieces without a letter or digit (a speck read as ".") do not make a column.
    const columns = rows[i].segments.filter((s) => s.words.some((w) => /[\p{L}\p{N}]/u.test(w.text))).length
    const table = columns >= minTableColumns ? tableFrom(rows, i, options) : undefined
    if (table) {
      tables.push(table)
      i = table.end
    } else i++
  }
  return tables
}

function tableFrom(rows: Row[], start: number, options: TableOptions): FoundTable | undefined {
  const header = rows[start].segments
  // The free x-ranges between adjacent header segments, narrowed by every row taken in.
  let free: Array<Array<[number, number]>> = []
  for (let k = 0; k + 1 < header.length; k++) free.push([[header[k].bbox.x1, header[k + 1].bbox.x0]])
  // A column gutter is wider than a word space: half the height of the header's words.
  const minGutter = 0.5 * median(header.flatMap((s) => s.words.map((w) => w.bbox.y1 - w.bbox.y0)))
  let end = start + 1
  for (; end < rows.length; end++) {
    const narrowed = free.map((intervals) => subtractWords(intervals, rows[end].segments.flatMap((s) => s.words)).filter(([a, b]) => b - a >= minGutter))
    if (narrowed.some((intervals) => intervals.length === 0)) break
    free = narrowed
  }
  if (end - start < 2) return undefined
  const boundaries = free.map((intervals) => {
    const widest = intervals.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a))
    return (widest[0] + widest[1]) / 2
  })
  const physical = rows.slice(start, end).map((row) => {
    const cells: LayoutWord[][] = boundaries.map(() => [])
    cells.push([])
    for (const word of row.segments.flatMap((s) => s.words)) {
      const x = (word.bbox.x0 + word.bbox.x1) / 2
      let c = 0
      while (c < boundaries.length && x > boundaries[c]) c++
      cells[c].push(word)
    }
    return {cells, bbox: row.bbox}
  })
  // A table, not two columns of prose: at least two rows fill two or more cells.
  if (physical.filter((r) => r.cells.filter((c) => c.length > 0).length >= 2).length < 2) return undefined
  const logical: FoundTable['rows'] = []
  const rules = options.horizontalRules ?? []
  for (const [index, row] of physical.entries()) {
    const previous = logical[logical.length - 1]
    const startsRow =
      rules.length > 0 && index > 0
        ? rules.some((y) => y > physical[index - 1].bbox.y1 - 1 && y < row.bbox.y0 + 1)
        : row.cells[0].length > 0
    if (!previous || startsRow) logical.push({cells: row.cells.map((c) => [...c]), bbox: row.bbox})
    else {
      row.cells.forEach((c, k) => previous.cells[k].push(...c))
      previous.bbox = union([previous.bbox, row.bbox])
    }
  }
  return {start, end, boundaries, rows: logical}
}

/** Remove the x-extents of `words` from `intervals`, dropping slivers narrower than 1 unit. */
function subtractWords(intervals: Array<[number, number]>, words: LayoutWord[]): Array<[number, number]> {
  let result = intervals
  for (const w of words) {
    const next: Array<[number, number]> = []
    for (const [a, b] of result) {
      if (w.bbox.x1 <= a || w.bbox.x0 >= b) next.push([a, b])
      else {
        if (w.bbox.x0 - a >= 1) next.push([a, w.bbox.x0])
        if (b - w.bbox.x1 >= 1) next.push([w.bbox.x1, b])
      }
    }
    result = next
  }
  return result
}
