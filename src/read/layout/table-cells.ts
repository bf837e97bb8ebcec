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
import type {FoundTable, TableCellWords} from './tables.js'
import type {CellRepair} from './repair-markers.js'

/** A table of one page as cells, before it is placed in the text (`LayoutTable` without `page` and `lines`). */
export interface PageTable {
  method: TableMethod
  bbox: BBox
  rows: number
  columns: number
  /** Row-major: by `row`, then `column`. */
  cells: LayoutCell[]
  /** Cells the reader put right (OCR'd column numbers, `repairColumnNumbers`), to be reported. */
  repairs?: CellRepair[]
}

/** The cells of a table found from word boxes or rules; `method` says which. */
export function cellsFromFound(found: FoundTable, method: TableMethod): PageTable {
  if (found.cells) return cellsFromGrid(found.cells, found.boundaries.length + 1, method)
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

/**
 * The cells of a table read from a grid of rules, spans kept: grid rows in
 * which nothing is written (the sliver between a doubled rule, a rule broken
 * into two) are dropped, and the spans over them shortened.
 */
function cellsFromGrid(found: TableCellWords[], columns: number, method: TableMethod): PageTable {
  const written = new Set<number>()
  for (const cell of found) if (cell.words.length > 0) for (let r = cell.row; r < cell.row + cell.rowSpan; r++) written.add(r)
  const kept = found.filter((cell) => cell.words.length > 0 || cell.rowSpan > 1 || written.has(cell.row))
  const rows = Math.max(0, ...found.map((c) => c.row + c.rowSpan))
  const cells = kept
    .map((c) => makeCell(c.row, c.column, c.rowSpan, c.colSpan, c.words, c.bbox))
    .sort((a, b) => a.row - b.row || a.column - b.column)
  return compactRows({method, bbox: roundBox(union(found.map((c) => c.bbox))), rows, columns, cells})
}

/** A cell from its words (in reading order) and box; confidence is the words' (1 for an empty cell). */
export function makeCell(row: number, column: number, rowSpan: number, colSpan: number, words: LayoutWord[], bbox: BBox): LayoutCell {
  const cell: LayoutCell = {
    row,
    column,
    rowSpan,
    colSpan,
    text: cellText(words, bbox),
    bbox: roundBox(bbox),
    confidence: Math.round(meanConfidence(words) * 1000) / 1000
  }
  if (words.length > 0) cell.words = words.map((w) => ({...w, bbox: roundBox(w.bbox), confidence: Math.round(w.confidence * 1000) / 1000}))
  return cell
}

/** A token of capitals (an abbreviation: `HĐND&UBND`, `TTHC`), which a narrow column may have to break inside. */
const capitals = /^[\p{Lu}&/.-]+$/u

/**
 * The text of a cell from its words in reading order: a word that starts
 * left of the one before, on a lower line, opens a new line of the cell —
 * unless the line before is one abbreviation as wide as the cell and this
 * word goes on in capitals: a token too long for its column, broken inside
 * (`HĐND&UBN` / `D xã` is `HĐND&UBND xã`).
 */
export function cellText(words: LayoutWord[], bbox?: BBox): string {
  if (words.length === 0) return ''
  const lineHeight = Math.max(1, median(words.map((w) => w.bbox.y1 - w.bbox.y0)))
  let text = words[0].text
  let lineStart = 0
  for (let i = 1; i < words.length; i++) {
    const previous = words[i - 1].bbox
    const word = words[i].bbox
    const lower = (word.y0 + word.y1) / 2 - (previous.y0 + previous.y1) / 2 > 0.5 * lineHeight
    if (lower && word.x0 < previous.x1) {
      const alone = lineStart === i - 1
      const full = bbox !== undefined && previous.x1 - previous.x0 >= 0.75 * (bbox.x1 - bbox.x0)
      text += alone && full && capitals.test(words[i - 1].text) && capitals.test(words[i].text) ? '' : '\n'
      lineStart = i
    } else text += ' '
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
  // Most cells are one line with single spaces: trimming is all there is to do (no copy made by a replace).
  if (!/[\t\n\r]| {2}/.test(text)) return text.trim()
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
