/**
 * Tables rebuilt from the grid of their rules (`grid.ts`): every word goes
 * to the cell its centre falls in; a row of the grid is a row of the table,
 * however many lines its cells wrap over; a merged cell's words go to its
 * first column. Word boxes and grid share the page's (straightened) units.
 */
import type {LayoutWord} from '../types.js'
import {median} from './geometry.js'
import {gridCells, type Grid} from './grid.js'
import type {Row} from './segments.js'
import type {FoundTable, TableCellWords} from './tables.js'

/** The tables of `grids` among a page's `rows` (top to bottom, not overlapping). */
export function tablesFromGrids(rows: Row[], grids: Grid[]): FoundTable[] {
  const tables: FoundTable[] = []
  let from = 0
  for (const grid of [...grids].sort((a, b) => a.ys[0] - b.ys[0])) {
    const top = grid.ys[0]
    const bottom = grid.ys[grid.ys.length - 1]
    const left = grid.xs[0]
    const right = grid.xs[grid.xs.length - 1]
    const inside = (row: Row) => {
      const cy = (row.bbox.y0 + row.bbox.y1) / 2
      return cy > top && cy < bottom && row.bbox.x1 > left && row.bbox.x0 < right
    }
    let start = from
    while (start < rows.length && !inside(rows[start])) start++
    if (start === rows.length) continue
    let end = start
    for (let i = start; i < rows.length; i++) if (inside(rows[i])) end = i + 1
    const words = rows.slice(start, end).flatMap((row) => row.segments.flatMap((s) => s.words))
    tables.push({start, end, boundaries: grid.xs.slice(1, -1), rows: gridRows(grid, words), cells: gridTableCells(grid, words)})
    from = end
  }
  return tables
}

/** The rows of `grid` filled with `words`; rows without a word are left out. */
export function gridRows(grid: Grid, words: LayoutWord[]): FoundTable['rows'] {
  const columns = grid.xs.length - 1
  const bands: LayoutWord[][][] = grid.ys.slice(1).map(() => Array.from({length: columns}, () => []))
  for (const word of words) {
    let r = slot(grid.ys, (word.bbox.y0 + word.bbox.y1) / 2)
    let c = slot(grid.xs, (word.bbox.x0 + word.bbox.x1) / 2)
    // Merged cells: back to the first column of the span, and up to its first row.
    while (c > 0 && grid.open[r][c - 1]) c--
    while (r > 0 && grid.openBelow?.[r - 1]?.[c]) r--
    bands[r][c].push(word)
  }
  const out: FoundTable['rows'] = []
  for (const [r, cells] of bands.entries()) {
    if (cells.every((cell) => cell.length === 0)) continue
    out.push({
      cells: cells.map(readingOrder),
      bbox: {x0: grid.xs[0], y0: grid.ys[r], x1: grid.xs[columns], y1: grid.ys[r + 1]},
      spans: spanCounts(grid.open[r], columns)
    })
  }
  return out
}

/**
 * The cells of `grid` with their spans, each with its words in reading order:
 * a cell spans the columns its row leaves open (`open`) and the rows under it
 * whose rule is broken off there (`openBelow`). Cells without a word are kept
 * (an empty cell is a fact of the table).
 */
export function gridTableCells(grid: Grid, words: LayoutWord[]): TableCellWords[] {
  const cells: TableCellWords[] = gridCells(grid).map((cell) => ({
    row: cell.row,
    column: cell.columns[0],
    rowSpan: cell.rowSpan,
    colSpan: cell.columns[1] - cell.columns[0],
    words: [],
    bbox: cell.bbox
  }))
  const owner = new Map<string, TableCellWords>()
  for (const cell of cells) for (let i = cell.row; i < cell.row + cell.rowSpan; i++) for (let k = cell.column; k < cell.column + cell.colSpan; k++) owner.set(`${i},${k}`, cell)
  for (const word of words) {
    const r = slot(grid.ys, (word.bbox.y0 + word.bbox.y1) / 2)
    const c = slot(grid.xs, (word.bbox.x0 + word.bbox.x1) / 2)
    owner.get(`${r},${c}`)?.words.push(word)
  }
  for (const cell of cells) cell.words = readingOrder(cell.words)
  return cells
}

/** How many columns the cell starting at each column covers (0 where a merged cell covers it), from a row's open interior edges. */
function spanCounts(open: boolean[], columns: number): number[] {
  const spans = new Array<number>(columns).fill(0)
  let start = 0
  for (let c = 0; c < columns; c++) {
    if (c > 0 && open[c - 1]) spans[start]++
    else {
      start = c
      spans[c] = 1
    }
  }
  return spans
}

/** Index of the interval of `edges` that holds `v` (clamped to the first and last). */
function slot(edges: number[], v: number): number {
  let i = 0
  while (i < edges.length - 2 && v >= edges[i + 1]) i++
  return i
}

/** The words of a cell line by line, top to bottom, each line left to right. */
function readingOrder(words: LayoutWord[]): LayoutWord[] {
  if (words.length < 2) return words
  const lineHeight = Math.max(1, median(words.map((w) => w.bbox.y1 - w.bbox.y0)))
  const centre = (w: LayoutWord) => (w.bbox.y0 + w.bbox.y1) / 2
  const lines: Array<{y: number; words: LayoutWord[]}> = []
  for (const word of [...words].sort((a, b) => centre(a) - centre(b))) {
    const line = lines.find((l) => Math.abs(l.y - centre(word)) < 0.5 * lineHeight)
    if (line) line.words.push(word)
    else lines.push({y: centre(word), words: [word]})
  }
  return lines.sort((a, b) => a.y - b.y).flatMap((l) => l.words.sort((a, b) => a.bbox.x0 - b.bbox.x0))
}
