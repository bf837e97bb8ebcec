/**
 * Building rows from the cells of physical lines: a new row, a continuation
 * merged cell by cell (a wrapped row), or text appended to the last cell.
 */
import type {CellFragment, TableBlockCell, TableBlockRow} from './types.js'

/** Start a row from the cells of one line. */
export function newRow(line: number, cells: CellFragment[]): TableBlockRow {
  return {lines: [line], cells: cells.map((cell) => ({...cell}))}
}

/** Append a fragment to a cell (or fill it when it is empty). */
export function appendToCell(cell: TableBlockCell, fragment: CellFragment): void {
  if (fragment.text === '') return
  if (cell.text === '') {
    cell.text = fragment.text
    cell.line = fragment.line
    cell.column = fragment.column
    return
  }
  const fragments = cell.fragments ?? [{text: cell.text, line: cell.line, column: cell.column}]
  fragments.push({...fragment})
  cell.fragments = fragments
  cell.text = fragments.map((f) => f.text).join('\n')
}

/** Merge the cells of a continuation line into `row`, column by column. */
export function mergeColumns(row: TableBlockRow, line: number, cells: CellFragment[]): void {
  if (!row.lines.includes(line)) row.lines.push(line)
  cells.forEach((fragment, index) => {
    const cell = row.cells[index]
    if (cell) appendToCell(cell, fragment)
    else row.cells[index] = {...fragment}
  })
}

/**
 * Merge a line that continues the last cell of `row` (a cell broken by a
 * newline): its first cell joins the row's last cell, the others follow.
 * A line of one cell after trailing empty cells continues the last non-empty cell.
 */
export function continueLastCell(row: TableBlockRow, line: number, cells: CellFragment[]): void {
  if (!row.lines.includes(line)) row.lines.push(line)
  const [first, ...rest] = cells
  if (row.cells.length === 0) {
    row.cells.push(...cells.map((cell) => ({...cell})))
    return
  }
  let last = row.cells.length - 1
  if (rest.length === 0) {
    while (last > 0 && row.cells[last].text === '') last--
  }
  appendToCell(row.cells[last], first)
  row.cells.push(...rest.map((cell) => ({...cell})))
}

/** Drop trailing empty cells beyond `count` columns. */
export function trimRow(row: TableBlockRow, count: number): void {
  while (row.cells.length > count && row.cells[row.cells.length - 1].text === '') row.cells.pop()
}
