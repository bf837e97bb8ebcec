/**
 * Find tables in the lines of a text. Each layout lives in its own file.
 */
import {detectTabTables} from './tabs.js'

/** A cell of a detected table row. */
export interface TableCellBlock {
  text: string
  /** 0-based index of the physical line holding the cell. */
  line: number
  /** 0-based column of the cell text in that line. */
  column: number
}

/** A row of a detected table: one or more physical lines. */
export interface TableRowBlock {
  lines: number[]
  cells: TableCellBlock[]
}

/** A table found in the text. */
export interface TableBlock {
  /** First line (0-based). */
  start: number
  /** Line after the last (exclusive). */
  end: number
  layout: 'tabs' | 'pipes' | 'aligned'
  rows: TableRowBlock[]
}

/** Find every table in `lines`, in order, not overlapping. */
export function detectTables(lines: string[]): TableBlock[] {
  return detectTabTables(lines)
}
