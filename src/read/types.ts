/**
 * What `read` puts in `file.data`: the source description and the layout.
 */
import type {Source} from '../output/schema.js'
import type {BBox} from '../tree/types.js'

/** How the text of a file (or page) was obtained (the output's `RouteSchema`). */
export type Route = Source['route']

/** The encoding the text was converted from, when not Unicode (the output's `SourceEncodingSchema`). */
export type SourceEncoding = NonNullable<Source['encoding']>

/** A recognised word with its box and confidence (0..1). */
export interface LayoutWord {
  text: string
  bbox: BBox
  confidence: number
}

/** A line of a page. `text` is exactly the line of `file.value` it became. */
export interface LayoutLine {
  text: string
  bbox: BBox
  confidence: number
  words?: LayoutWord[]
}

/** A page of a laid-out input (PDF or image). */
export interface LayoutPage {
  /** 1-based. */
  number: number
  width: number
  height: number
  route: Route
  /** Mean word confidence of the page when OCR'd, 0..1. */
  confidence?: number
  /** The skew (degrees, clockwise) the page image was straightened by before OCR, 180 more for a page read upside down; boxes are on the page as it is. */
  skew?: number
  lines: LayoutLine[]
}

/** How the reader found a table: the page's own rules (`lattice`) or run alignment (`stream`) in a PDF text layer, the rules of a page image (`grid`), word boxes of a page image (`boxes`), a Word file's table (`docx`, `doc`). */
export type TableMethod = 'lattice' | 'stream' | 'grid' | 'boxes' | 'docx' | 'doc'

/**
 * One cell of a table the reader saw. `row`/`column` are 0-based in the
 * table's grid; a merged cell spans `rowSpan` rows and `colSpan` columns from
 * there and appears once. `text` keeps the cell's own line breaks (`\n`).
 */
export interface LayoutCell {
  row: number
  column: number
  rowSpan: number
  colSpan: number
  text: string
  /** Page (1-based) and box of the cell, when the input has pages. */
  page?: number
  bbox?: BBox
  /** 0..1: 1 for text the file states (PDF text layer, Word), OCR confidence otherwise. */
  confidence: number
  words?: LayoutWord[]
}

/**
 * A table as cells. The reader also writes it into `file.value`, one line per
 * grid row (`lines.start` … `lines.end - 1`), the text of each cell that
 * starts in the row at its column, tab-separated, its own line breaks as
 * spaces — for people and for `sohoa text`; the parser builds the table node
 * from `cells`, not from that text.
 */
export interface LayoutTable {
  method: TableMethod
  /** Page (1-based) of its first row, when the input has pages. */
  page?: number
  bbox?: BBox
  rows: number
  columns: number
  cells: LayoutCell[]
  /** Lines of `file.value` (0-based, end exclusive) the table was written on. */
  lines: {start: number; end: number}
}

/**
 * Layout of a file: pages, and for every line of `file.value` (0-based, by
 * line index) where it stands, so every node can point back to the page.
 */
export interface Layout {
  pages: LayoutPage[]
  /** `lines[i]` is the provenance of line `i` of `file.value` (undefined for blank or synthetic lines). */
  lines: Array<{page: number; bbox: BBox; confidence: number} | undefined>
  /** Tables the reader saw as cells, in reading order (absent when it saw none). */
  tables?: LayoutTable[]
}

/** What is known of the input file itself: the output's `source` (`SourceSchema`). */
export type SourceInfo = Source
