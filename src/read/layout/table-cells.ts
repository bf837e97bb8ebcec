/**
 * Tables as cells (`LayoutTable`, `src/tree/README.md`): the form every
 * table the reader sees takes, whichever way it was found. Tables found
 * from word boxes or image rules (`FoundTable`) are turned into cells here;
 * the PDF route builds its cells itself (`src/read/pdf/`). Each table is also
 * rendered into the text, one line per grid row, for people and for
 * `sohoa text` — the parser takes the cells, not that rendering.
 */
import type {BBox} from '../../tree/types.js'
import type {LayoutCell, LayoutWord, TableMethod} from '../types.js'
import {meanConfidence, median, roundBox, union} from './geometry.js'
import type {FoundTable} from './tables.js'

/** A table of one page as cells, before it is placed in the text (`LayoutTable` without `page` and `lines`). */
export interface PageTable {
  method: TableMethod
  bbox: BBox
  rows: number
  columns: number
  /** Row-major: by `row`, then `column`. */
  cells: LayoutCell[]
}

/** The cells of a table found from word boxes or rules; `method` says which. */
export function cellsFromFound(found: FoundTable, method: TableMethod): PageTable {
  const columns = found.boundaries.length + 1
  const x0 = Math.min(...found.rows.map((r) => r.bbox.x0))
  const x1 = Math.max(...found.rows.map((r) => r.bbox.x1))
  const edges = [x0, ...found.boundaries, x1]
  const cells: LayoutCell[] = []
  found.rows.forEach((row, r) => {
    for (let c = 0; c < columns; c++) {
      const span = row.spans?.[c] ?? 1
      if (span === 0) continue
      const words = row.cells[c] ?? []
      const bbox = {x0: edges[c], y0: row.bbox.y0, x1: edges[Math.min(columns, c + span)], y1: row.bbox.y1}
      cells.push(makeCell(r, c, 1, span, words, bbox))
    }
  })
  return {method, bbox: roundBox(union(found.rows.map((r) => r.bbox))), rows: found.rows.length, columns, cells}
}

/** A cell from its words (in reading order) and box; confidence is the words' (1 for an empty cell). */
export function makeCell(row: number, column: number, rowSpan: number, colSpan: number, words: LayoutWord[], bbox: BBox): LayoutCell {
  const cell: LayoutCell = {
    row,
    column,
    rowSpan,
    colSpan,
    text: cellText(words),
    bbox: roundBox(bbox),
    confidence: Math.round(meanConfidence(words) * 1000) / 1000
  }
  if (words.length > 0) cell.words = words.map((w) => ({...w, bbox: roundBox(w.bbox), confidence: Math.round(w.confidence * 1000) / 1000}))
  return cell
}

/**
 * The text of a cell from its words in reading order: a word that starts
 * left of the one before, on a lower line, opens a new line of the cell.
 */
export function cellText(words: LayoutWord[]): string {
  if (words.length === 0) return ''
  const lineHeight = Math.max(1, median(words.map((w) => w.bbox.y1 - w.bbox.y0)))
  let text = words[0].text
  for (let i = 1; i < words.length; i++) {
    const previous = words[i - 1].bbox
    const word = words[i].bbox
    const lower = (word.y0 + word.y1) / 2 - (previous.y0 + previous.y1) / 2 > 0.5 * lineHeight
    text += lower && word.x0 < previous.x1 ? '\n' : ' '
    text += words[i].text
  }
  return text
}

/**
 * Drop grid rows in which no cell starts (every slot covered by a cell
 * merged from above), shortening the spans over them; renumber the rest.
 */
export function compactRows(table: PageTable): PageTable {
  const starts = new Set(table.cells.map((c) => c.row))
  if (starts.size === table.rows) return table
  const newIndex: number[] = []
  let next = 0
  for (let r = 0; r < table.rows; r++) newIndex.push(starts.has(r) ? next++ : -1)
  const cells = table.cells.map((cell) => {
    let span = 0
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) if (newIndex[r] >= 0) span++
    return {...cell, row: newIndex[cell.row], rowSpan: Math.max(1, span)}
  })
  return {...table, rows: next, cells}
}

/**
 * The line a grid row is written as: one slot per column, tab-separated,
 * the text of the cell that starts at (row, column) in its slot, its line
 * breaks (and any tab) as spaces; slots covered by a merged cell are empty.
 */
export function renderRow(table: {columns: number; cells: LayoutCell[]}, row: number): string {
  const slots: string[] = Array.from({length: table.columns}, () => '')
  for (const cell of table.cells) if (cell.row === row) slots[cell.column] = flatText(cell.text)
  return slots.join('\t')
}

/** A cell's text on one line: line breaks and tabs as single spaces. */
export function flatText(text: string): string {
  return text.replace(/[\t\n\r ]+/gu, ' ').trim()
}

/** The box of grid row `row` (the union of the cells that start in it). */
export function rowBox(table: PageTable, row: number): BBox {
  const boxes = table.cells.filter((c) => c.row === row && c.bbox).map((c) => c.bbox!)
  return boxes.length > 0 ? union(boxes) : table.bbox
}

/** The words of grid row `row`, cell by cell. */
export function rowWords(table: PageTable, row: number): LayoutWord[] {
  return table.cells.filter((c) => c.row === row).flatMap((c) => c.words ?? [])
}
