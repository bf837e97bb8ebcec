/**
 * Word blocks → the text of `file.value` and the tables as cells
 * (`layout.tables`, method `docx` or `doc`).
 *
 * - A paragraph is a line (its soft line breaks make more lines), with a
 *   blank line after it, so that the parser does not join two paragraphs —
 *   except between centered paragraphs (a title set as several) and between
 *   the paragraphs of a cell.
 * - Paragraphs laid out in two columns with tabs ("Số: 12/QĐ-UBND⇥⇥Hà Nội,
 *   ngày …") come out as a left column then a right column, as the PDF
 *   reader writes a two-column zone; other tabs become spaces.
 * - A layout table (header, signature block: `layout-table.ts`) comes out
 *   as text, column by column (left column first), rows spanning the whole
 *   width in place.
 * - A data table becomes a `LayoutTable` and is written as one
 *   tab-separated line per grid row (each cell that starts in the row at
 *   its column, its line breaks as spaces), with a blank line before and
 *   after.
 */
import type {LayoutCell, LayoutTable, TableMethod} from '../types.js'
import {collapseSpaces} from '../../normalize/fold.js'
import {isLayoutTable} from './layout-table.js'
import type {WordBlock, WordCell, WordTable} from './model.js'

/** The text and the tables of a Word document. */
export interface Rendered {
  text: string
  tables: LayoutTable[]
}

/** A list marker that a tab follows ("1.⇥Mục đích"): the tab is a space, not a column gap. */
const marker = /^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[a-zđ]|\(?\d{1,3}\)?|Điều\s+\d+)[.):]?$|^[-+•*–]$/u

/** Render `blocks`. */
export function renderWord(blocks: WordBlock[], method: TableMethod): Rendered {
  const lines: string[] = []
  const tables: LayoutTable[] = []
  // A cell's lines are asked for twice (is the table a layout one? its text): made once.
  const linesOf = new Map<WordCell, string[]>()
  const cellLines = (cell: WordCell): string[] => {
    let out = linesOf.get(cell)
    if (out === undefined) linesOf.set(cell, (out = linesOfCell(cell)))
    return out
  }
  const blank = () => {
    if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('')
  }
  const push = (line: string) => {
    if (line === '') blank()
    else lines.push(line)
  }
  const emitText = (blockLines: string[]) => {
    // A two-column zone laid out with tabs: left column, then right column. It starts at a line with text on
    // both sides of a tab and takes the lines after it that are two-column too, right-only (indented with
    // tabs), or list items of the left column (the recipients beside a signature), blank lines between them.
    for (let i = 0; i < blockLines.length; ) {
      if (!splitColumns(blockLines[i])) {
        push(collapseSpaces(blockLines[i]))
        i++
        continue
      }
      const left: string[] = []
      const right: string[] = []
      let end = i
      for (let j = i; j < blockLines.length; j++) {
        const line = blockLines[j]
        if (line.trim() === '') continue
        const split = splitColumns(line)
        if (split) {
          left.push(split[0])
          right.push(split[1])
        } else if (/^\t+\S/u.test(line)) right.push(collapseSpaces(line))
        else if (/^\s*[-+•]\s/u.test(line) && zoneFollows(blockLines, j)) left.push(collapseSpaces(line))
        else break
        end = j + 1
      }
      blank()
      for (const line of left) push(line)
      blank()
      for (const line of right) push(line)
      blank()
      i = end
    }
  }
  const emitBlocks = (items: WordBlock[], inCell = false) => {
    let run: string[] = []
    const flush = () => {
      emitText(run)
      run = []
    }
    for (let i = 0; i < items.length; i++) {
      const block = items[i]
      if (block.kind === 'paragraph') {
        if (block.text.includes('\n')) run.push(...block.text.split('\n'))
        else run.push(block.text)
        const after = items[i + 1]
        const keepTogether = inCell || (block.centered && after?.kind === 'paragraph' && after.centered)
        if (!keepTogether) run.push('')
        continue
      }
      flush()
      if (isLayoutTable(block, (r, i) => cellLines(block.rows[r][i]).join('\n'))) emitLayout(block)
      else emitData(block)
    }
    flush()
  }
  const emitLayout = (table: WordTable) => {
    blank()
    let band: WordCell[][] = []
    const flushBand = () => {
      for (let column = 0; column < table.columns; column++) {
        const cells = band.flatMap((row) => row.filter((cell) => cell.column === column))
        if (cells.length === 0) continue
        blank()
        for (const cell of cells) emitBlocks(cell.blocks, true)
      }
      blank()
      band = []
    }
    for (const row of table.rows) {
      if (row.length === 1 && row[0].colSpan >= table.columns) {
        flushBand()
        emitBlocks(row[0].blocks, true)
        blank()
      } else band.push(row)
    }
    flushBand()
  }
  const emitData = (table: WordTable) => {
    blank()
    const start = lines.length
    const cells: LayoutCell[] = []
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r]
      const fields = new Array<string>(table.columns).fill('')
      for (const cell of row) {
        const text = cellLines(cell).join('\n')
        cells.push({row: r, column: cell.column, rowSpan: cell.rowSpan, colSpan: cell.colSpan, text, confidence: 1})
        if (cell.column < fields.length) fields[cell.column] = text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text
      }
      lines.push(fields.join('\t'))
    }
    tables.push({method, rows: table.rows.length, columns: table.columns, cells, lines: {start, end: lines.length}})
    lines.push('')
  }
  emitBlocks(blocks)
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return {text: lines.join('\n'), tables}
}

/** The text lines of a cell: its paragraphs (tabs as spaces), nested tables row by row; no blank lines. */
function linesOfCell(cell: WordCell): string[] {
  const out: string[] = []
  const add = (line: string) => {
    if (line !== '') out.push(line)
  }
  for (const block of cell.blocks) {
    if (block.kind === 'paragraph') {
      if (block.text.includes('\n')) for (const line of block.text.split('\n')) add(collapseSpaces(line))
      else add(collapseSpaces(block.text))
    } else for (const row of block.rows) add(row.map((c) => linesOfCell(c).join(' ')).filter((t) => t !== '').join(' '))
  }
  return out
}

/** `[left, right]` of a line laid out in two columns with tabs, or null. */
function splitColumns(line: string): [string, string] | null {
  if (!line.includes('\t')) return null
  const match = /^[ \t]*([^\t]*[^\s])[ ]*\t[ \t]*(\S.*)$/u.exec(line)
  if (!match || marker.test(match[1])) return null
  return [collapseSpaces(match[1]), collapseSpaces(match[2])]
}

/** Whether a two-column or right-only line comes within the next few lines after `index` (the zone goes on). */
function zoneFollows(lines: string[], index: number): boolean {
  for (let k = index + 1, seen = 0; k < lines.length && seen < 6; k++) {
    if (lines[k].trim() === '') continue
    seen++
    if (splitColumns(lines[k]) || /^\t+\S/u.test(lines[k])) return true
    if (!/^\s*[-+•]\s/u.test(lines[k])) return false
  }
  return false
}
