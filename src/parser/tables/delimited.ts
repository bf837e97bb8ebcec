/**
 * Scanning a table whose cells are delimited by a character (tabs, pipes):
 * one physical line per row, except
 * - a line whose first cell is empty continues the row above, cell by cell
 *   (a row wrapped over several lines, also across a page break);
 * - a line that completes a short row (a cell broken by a newline) or a
 *   plain line between rows continues the row's last cell;
 * - in grid tables (`+----+`) the lines between two rule lines are one row.
 * Blank lines, page breaks, rule lines and repeated header rows inside the
 * table belong to the block but to no row.
 */
import {continueLastCell, mergeColumns, newRow, trimRow} from './rows.js'
import {hasFormFeed, isBlank, isPageBreak, isRule, isTableBreak, rowKey, startsWithMarker} from './lines.js'
import type {CellFragment, TableBlock, TableBlockRow, TableLayout} from './types.js'

/** How one delimited layout reads a line. */
export interface DelimitedSpec {
  layout: TableLayout
  /** The cells of `line` (index `index`), or null when the line is not a row of this layout. */
  split: (line: string, index: number) => CellFragment[] | null
  /** Whether a line (with its cells) may open a table, besides the general rule (`canOpen`). */
  opens?: (line: string, cells: CellFragment[]) => boolean
}

/** How many plain lines a table may hold between two rows (cells broken by newlines). */
const maxPlainRun = 2

/** Is `cells` a row that can open a table: 3+ cells, 2+ of them filled? */
export function canOpen(cells: CellFragment[] | null): cells is CellFragment[] {
  if (!cells || cells.length < 3) return false
  return cells.filter((cell) => cell.text !== '').length >= 2
}

/** Does a plain line go on with the bulleted list (`+ …`, `- …`) that ends the row's last filled cell? */
function continuesList(row: TableBlockRow, text: string): boolean {
  const bullet = /^\s*([-+•])\s/u.exec(text)?.[1]
  if (!bullet) return false
  const last = [...row.cells].reverse().find((cell) => cell.text !== '')
  const lastLine = last?.text.split('\n').at(-1) ?? ''
  return lastLine.trimStart().startsWith(bullet)
}

/** Scan a delimited table starting at line `start`; null when none starts there. */
export function scanDelimited(lines: string[], start: number, spec: DelimitedSpec): TableBlock | null {
  const read = (index: number) => lines[index].replace(/\f/g, ' ')
  const opener = isRule(read(start)) ? null : spec.split(read(start), start)
  const opens =
    opener !== null && ((canOpen(opener) && opener[0].text !== '') || spec.opens?.(read(start), opener) === true)
  if (!opens) return null

  const expected = opener.length
  // Keys of the header's physical lines, to drop the header repeated on a new page.
  const headerLines = [rowKey(opener.map((cell) => cell.text))]
  let skipping = 0
  const rows: TableBlockRow[] = []
  const breaks: number[] = []
  let pendingBreaks: number[] = []
  let plainRun = 0
  let lastConsumed = start - 1
  let grid = start > 0 && /^\s*\+[-=+:]+\+?\s*$/u.test(lines[start - 1])
  let ruleBeforeRow = grid

  const tableLine = (index: number) => {
    const text = read(index)
    if (isBlank(text) || isPageBreak(text) || isRule(text)) return null
    return spec.split(text, index)
  }

  /**
   * Does a row of this table follow `index`, past blank lines, breaks and at
   * most `budget` plain lines? A row right above a rule line opens a new
   * (markdown) table instead.
   */
  const continues = (index: number, budget: number) => {
    let plain = 0
    for (let next = index + 1; next < lines.length; next++) {
      const text = read(next)
      if (isBlank(text) || isPageBreak(text) || isRule(text)) continue
      const cells = tableLine(next)
      if (cells) {
        // A wider row is another table.
        let width = cells.length
        while (width > 0 && cells[width - 1].text === '') width--
        if (width > expected) return false
        let after = next + 1
        while (after < lines.length && isBlank(read(after))) after++
        return !(after < lines.length && isRule(read(after)) && !isPageBreak(read(after)))
      }
      if (++plain > budget) return false
    }
    return false
  }

  const consume = (index: number) => {
    breaks.push(...pendingBreaks)
    pendingBreaks = []
    lastConsumed = index
  }

  for (let index = start; index < lines.length; index++) {
    const text = read(index)
    if (hasFormFeed(lines[index])) pendingBreaks.push(index)
    if (isBlank(text)) continue
    if (isPageBreak(text)) {
      if (!pendingBreaks.includes(index)) pendingBreaks.push(index)
      continue
    }
    if (isRule(text)) {
      if (/^\s*\+/u.test(text)) grid = true
      ruleBeforeRow = true
      continue
    }
    const current = rows.at(-1)
    const cells = spec.split(text, index)
    if (cells) {
      const key = rowKey(cells.map((cell) => cell.text))
      if (rows.length >= 2) {
        if (skipping > 0 && skipping < headerLines.length && key === headerLines[skipping]) skipping++
        else skipping = key === headerLines[0] ? 1 : 0
        if (skipping > 0) {
          consume(index)
          ruleBeforeRow = false
          continue
        }
      }
      if (current && grid && !ruleBeforeRow) mergeColumns(current, index, cells)
      else if (current && !grid && cells[0].text === '') mergeColumns(current, index, cells)
      else if (
        current &&
        !grid &&
        current.cells.length < expected &&
        !startsWithMarker(cells[0].text) &&
        current.cells.length + cells.length - 1 <= expected
      ) {
        continueLastCell(current, index, cells)
      } else rows.push(newRow(index, cells))
      if (rows.length === 1 && index !== start) headerLines.push(key)
      plainRun = 0
      ruleBeforeRow = false
      consume(index)
      continue
    }
    // A plain line: a group row without delimiters, or a cell broken by a newline — not a heading that ends the table.
    if (!current || plainRun >= maxPlainRun || isTableBreak(text)) break
    const short = current.cells.length < expected && !startsWithMarker(text)
    if (!short && !continuesList(current, text) && !continues(index, maxPlainRun - plainRun - 1)) break
    plainRun++
    const column = text.length - text.trimStart().length
    const fragment: CellFragment = {text: text.trim(), line: index, column}
    if (startsWithMarker(text)) rows.push(newRow(index, [fragment]))
    else continueLastCell(current, index, [fragment])
    ruleBeforeRow = false
    consume(index)
  }

  if (rows.length < 2) return null
  // Rule lines right after the last row (a closing `----`) belong to the table.
  let end = lastConsumed + 1
  for (let index = end; index < lines.length; index++) {
    const text = read(index)
    if (isBlank(text)) continue
    if (isRule(text)) end = index + 1
    else break
  }
  for (const row of rows) trimRow(row, expected)
  return {start, end, layout: spec.layout, rows, breaks: breaks.filter((line) => line < end)}
}
