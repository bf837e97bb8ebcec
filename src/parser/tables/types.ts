/**
 * What table detection returns: blocks of physical lines that form a table,
 * with rows and cells pointing back into the lines.
 */

/** A piece of cell text on one physical line. */
export interface CellFragment {
  /** The text, trimmed. */
  text: string
  /** 0-based index of the physical line. */
  line: number
  /** 0-based column of `text` in that line. */
  column: number
}

/**
 * A cell. `text`/`line`/`column` are those of its first fragment when the
 * cell is wrapped over several lines; `text` then joins the fragments with
 * `\n` and `fragments` lists them (absent for a one-line cell).
 */
export interface TableBlockCell extends CellFragment {
  fragments?: CellFragment[]
}

/** A row: the physical lines it spans and its cells, left to right. */
export interface TableBlockRow {
  lines: number[]
  cells: TableBlockCell[]
}

/** How a table is drawn in text. */
export type TableLayout = 'tabs' | 'pipes' | 'aligned'

/** A table found in text lines. */
export interface TableBlock {
  /** First line (0-based, inclusive). */
  start: number
  /** Line after the last (exclusive). Rule lines, page breaks and repeated headers inside are part of the block but of no row. */
  end: number
  layout: TableLayout
  rows: TableBlockRow[]
  /** Lines inside the block that mark a page break (form feed, page number). */
  breaks: number[]
}
