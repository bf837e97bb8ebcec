/**
 * A table node as a grid: for every row, the text in each column. A cell
 * stands in the column of its `data.column` (its index in the row when the
 * table came from text); a cell merged across columns gives its text to its
 * first column only (a group title over the whole row is not a lead or a
 * time frame). A cell merged down over later rows is remembered in those
 * rows (`above`): whether it belongs to each of them is for the reader of
 * the grid to say (`withMergedAbove`).
 */
import type {Table, TableCell, TableRow} from '../tree/types.js'

/** One row of a table's grid. */
export interface GridRow {
  node: TableRow
  /** Text of the cell starting in this row at each column ('' where none does). */
  texts: string[]
  /** The cell merged down from an earlier row over each column, at the column where it starts. */
  above: Array<TableCell | undefined>
}

/** The grid of `table`: its rows, each as wide as the table. */
export function tableGrid(table: Table): GridRow[] {
  const rows = table.children.filter((row) => row.type === 'tableRow')
  const width = Math.max(table.data?.columns ?? 0, ...rows.map((row) => row.children.reduce((w, cell, i) => Math.max(w, columnOf(cell, i) + (cell.data?.colSpan ?? 1)), 0)))
  const open: Array<{cell: TableCell; until: number; column: number}> = []
  return rows.map((node, r) => {
    const rowIndex = node.children[0]?.data?.row ?? r
    const texts: string[] = Array.from({length: width}, () => '')
    const above: GridRow['above'] = Array.from({length: width}, () => undefined)
    for (const span of open) if (span.until > rowIndex) above[span.column] = span.cell
    node.children.forEach((cell, i) => {
      const column = columnOf(cell, i)
      texts[column] = cell.value ?? ''
      const rowSpan = cell.data?.rowSpan ?? 1
      if (rowSpan > 1) open.push({cell, until: rowIndex + rowSpan, column})
    })
    return {node, texts, above}
  })
}

/**
 * The texts of a row with the cells merged down over it from above filled
 * in — unless the row's `key` column (its number) is itself covered by a
 * cell from above: then the row goes on with the task above (a task whose
 * number spans two rows, one per product or time frame) and keeps its own
 * texts only.
 */
export function withMergedAbove(row: GridRow, key: number | undefined, valueOf: (cell: TableCell) => string = (cell) => cell.value ?? ''): string[] {
  if (key !== undefined && row.above[key]) return row.texts
  return row.texts.map((text, column) => (text === '' && row.above[column] ? valueOf(row.above[column]!) : text))
}

/** Does the row go on with the row above through a cell merged over its `key` column? */
export function continuesAbove(row: GridRow, key: number | undefined): boolean {
  return key !== undefined && row.above[key] !== undefined
}

function columnOf(cell: TableCell, index: number): number {
  return cell.data?.column ?? index
}
