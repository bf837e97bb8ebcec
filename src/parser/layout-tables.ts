/**
 * Table nodes from the tables the reader saw as cells
 * (`file.data.layout.tables`): rows hold the cells that start in them,
 * each with its grid place, spans, page, box and confidence; positions
 * point at the cell's text on the line the reader wrote its row as.
 */
import type {VFile} from 'vfile'
import type {LayoutTable} from '../read/types.js'
import type {CellData, Table, TableCell, TableRow} from '../tree/types.js'
import {collapseSpaces} from '../normalize/fold.js'
import {flatText, renderRow} from '../read/layout/table-cells.js'
import type {SourceLine} from './lines.js'
import {provenance} from './provenance.js'
import {report} from '../rules/report.js'

/**
 * The reader's tables whose rendering is still in `lines` (a table whose
 * lines were edited since is left to text detection, with a message), in
 * text order, not overlapping.
 */
export function usableTables(tables: LayoutTable[] | undefined, lines: SourceLine[], file?: VFile): LayoutTable[] {
  const out: LayoutTable[] = []
  for (const table of tables ?? []) {
    const {start, end} = table.lines
    const intact =
      end - start === table.rows &&
      start >= (out.at(-1)?.lines.end ?? 0) &&
      end <= lines.length &&
      rowsIntact(table, lines)
    if (intact) out.push(table)
    else if (file) {
      report(file, 'layout-table-mismatch', `The reader's table on lines ${start + 1}–${end} no longer matches the text: read as text`)
    }
  }
  return out
}

/** Whether each row of `table` is still written on its line (`renderRow`, given each row's cells only: a long table has thousands). */
function rowsIntact(table: LayoutTable, lines: SourceLine[]): boolean {
  const byRow = cellsByRow(table)
  for (let r = 0; r < table.rows; r++) if (lines[table.lines.start + r].text !== renderRow({columns: table.columns, cells: byRow[r]}, r)) return false
  return true
}

/** The cells of `table` by the row they start in, in order. */
function cellsByRow(table: LayoutTable): LayoutTable['cells'][] {
  const byRow: LayoutTable['cells'][] = Array.from({length: table.rows}, () => [])
  for (const cell of table.cells) byRow[cell.row]?.push(cell)
  return byRow
}

/** The table node of a reader's table whose rows stand on `lines`. */
export function layoutTableNode(table: LayoutTable, lines: SourceLine[], layout: Parameters<typeof provenance>[0]): Table {
  const rows: TableRow[] = []
  const byRow = cellsByRow(table)
  for (let r = 0; r < table.rows; r++) {
    const line = lines[table.lines.start + r]
    const offsets = slotOffsets(line.text)
    const cells = byRow[r]
      .sort((a, b) => a.column - b.column)
      .map((cell): TableCell => {
        const column = offsets[cell.column] ?? 0
        const length = flatText(cell.text).length
        const data: CellData = {row: cell.row, column: cell.column, rowSpan: cell.rowSpan, colSpan: cell.colSpan, confidence: cell.confidence}
        if (cell.page !== undefined) data.page = cell.page
        if (cell.bbox) data.bbox = cell.bbox
        return {
          type: 'tableCell',
          value: cellValue(cell.text),
          data,
          position: {
            start: {line: line.index + 1, column: column + 1, offset: line.offset + column},
            end: {line: line.index + 1, column: column + length + 1, offset: line.offset + column + length}
          }
        }
      })
    const node: TableRow = {
      type: 'tableRow',
      children: cells,
      position: {
        start: {line: line.index + 1, column: 1, offset: line.offset},
        end: {line: line.index + 1, column: line.text.length + 1, offset: line.offset + line.text.length}
      }
    }
    const data = provenance(layout, [line.index])
    if (data) node.data = data
    rows.push(node)
  }
  const first = lines[table.lines.start]
  const last = lines[table.lines.end - 1]
  const indices = Array.from({length: table.rows}, (_, r) => table.lines.start + r)
  const data: Table['data'] = {layout: table.method, rows: table.rows, columns: table.columns, ...provenance(layout, indices)}
  if (table.page !== undefined) data.page = table.page
  if (table.bbox) data.bbox = table.bbox
  return {
    type: 'table',
    children: rows,
    data,
    position: {
      start: {line: first.index + 1, column: 1, offset: first.offset},
      end: {line: last.index + 1, column: last.text.length + 1, offset: last.offset + last.text.length}
    }
  }
}

/** Where each tab-separated slot of a row line starts. */
function slotOffsets(text: string): number[] {
  const offsets = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\t') offsets.push(i + 1)
  return offsets
}

/** A cell's value: its lines trimmed, spaces collapsed, line breaks kept. */
function cellValue(text: string): string {
  // One line (most cells): nothing to split.
  if (!text.includes('\n')) return collapseSpaces(text)
  return text
    .split('\n')
    .map(collapseSpaces)
    .filter((part) => part !== '')
    .join('\n')
}
