/**
 * A Word document as the reader sees it, from a DOCX (`../docx/`) or a DOC
 * (`../doc/`): paragraphs (list labels already in front, soft line breaks
 * as `\n`, tabs as `\t`) and tables of cells, in reading order. `render.ts`
 * turns it into text and `layout.tables`.
 */

/** A paragraph: its text with the list label Word draws in front of it. */
export interface WordParagraph {
  kind: 'paragraph'
  text: string
  /** Centered (a title line): consecutive centered paragraphs are written without a blank line between them. */
  centered?: boolean
}

/** A cell: where it starts in the table's grid, how far it spans, what it holds. */
export interface WordCell {
  column: number
  colSpan: number
  rowSpan: number
  blocks: WordBlock[]
}

/** A table: rows of the cells that start in them (a vertically merged cell appears once). */
export interface WordTable {
  kind: 'table'
  columns: number
  rows: WordCell[][]
  /** Whether the table draws lines (undefined: the format does not say, as in a DOC). */
  borders?: boolean
}

/** A block of a Word document. */
export type WordBlock = WordParagraph | WordTable
