/**
 * Node types of the sohoa tree (a unist tree), in its two states: the flat
 * tree the parser makes (`FlatRoot`: root → paragraph | table) and the
 * structured tree after the sections stage (`Root`: root → part →
 * paragraph | table | section).
 *
 * The spec with examples is `src/tree/README.md`; keep the two in step.
 */
import type {Data, Literal, Node, Parent} from 'unist'
import type {PlanSection} from '../output/schema.js'
import type {TableMethod} from '../read/types.js'

/** A box on a page, in pixels of the page image (or PDF points), origin top left. */
export interface BBox {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** A word as the diacritics stage saw it: what was there, what it became, how sure. */
export interface RestoredToken {
  /** Offset of the token in the node's restored `value`. */
  start: number
  /** End offset (exclusive) in the restored `value`. */
  end: number
  /** The token as it was before restoration. */
  original: string
  /** The token after restoration. */
  value: string
  /** Confidence in `value`, 0..1. */
  confidence: number
}

/** Where a node came from, beyond its `position` in the text. */
export interface LineData extends Data {
  /** 1-based page number, when the input has pages. */
  page?: number
  /** Box on the page, when the input was laid out (PDF or OCR). */
  bbox?: BBox
  /** OCR confidence of the line, 0..1. */
  confidence?: number
  /** The text before the diacritics stage changed it (absent when unchanged). */
  raw?: string
  /** Tokens the diacritics stage changed. */
  restored?: RestoredToken[]
  /** What the sections stage recognised this paragraph as (see README). */
  role?: Role
}

/** Roles the sections stage gives paragraphs outside numbered sections (listed in `src/tree/README.md`). */
export const roles = [
  'nationalTitle',
  'motto',
  'issuer',
  'number',
  'placeDate',
  'documentType',
  'title',
  'authority',
  'basis',
  'proposal',
  'enactment',
  'article',
  'addressees',
  'recipientsHeading',
  'recipient',
  'signatureAuthority',
  'signaturePosition',
  'signatureName',
  'planType',
  'planTitle',
  'planAttachment',
  'appendixHeading',
  'closing',
  'body'
] as const

/** A role of a paragraph (one of `roles`). */
export type Role = (typeof roles)[number]

/** One logical line of text: a heading, a list item, or a paragraph joined from hard-wrapped lines. */
export interface Paragraph extends Literal {
  type: 'paragraph'
  value: string
  data?: LineData
}

/** Where a cell stands in its table's grid: 0-based row and column, spans (1 when absent). */
export interface CellData extends LineData {
  row?: number
  column?: number
  rowSpan?: number
  colSpan?: number
}

/** One cell of a table row: the cells that start in the row, left to right; a merged cell appears once, in its first row. */
export interface TableCell extends Literal {
  type: 'tableCell'
  value: string
  data?: CellData
}

/** One row of a table. */
export interface TableRow extends Parent {
  type: 'tableRow'
  children: TableCell[]
  data?: LineData
}

/** How a table was found: in text (`tabs`, `pipes`, `aligned`), or by the reader as cells (`TableMethod`). */
export type TableLayoutKind = 'tabs' | 'pipes' | 'aligned' | TableMethod

/** A table: found in the text (tab-separated, piped, aligned), or seen by the reader as cells. */
export interface Table extends Parent {
  type: 'table'
  children: TableRow[]
  data?: LineData & {
    /** How the table was found. */
    layout?: TableLayoutKind
    /** Size of the grid, when the reader saw the table as cells. */
    rows?: number
    columns?: number
  }
}

/** Section marker kinds, from the outermost (`roman`) to the innermost (`plus`): the output's `SectionKindSchema`. */
export type SectionKind = PlanSection['kind']

/** A numbered section of a plan: `I.`, `1.`, `1.1.`, `a)`, `(1)`, `-`, `+`. */
export interface Section extends Parent {
  type: 'section'
  /** The marker as written, normalised: `II.`, `1.`, `2.3.`, `a)`, `(1)`, `-`, `+`. */
  marker: string
  kind: SectionKind
  /** Dotted path of markers from the plan root: `II.3.a`. */
  id: string
  /** The heading text after the marker (null for a bare marker). */
  title: string | null
  /** Its body: paragraphs, tables and the sections inside it. */
  children: PartContent[]
  data?: LineData
}

/** What a part or a section holds. */
export type PartContent = Paragraph | Table | Section

/** A part of the document: the decision, the plan it issues, an appendix. */
export interface Part extends Parent {
  type: 'part'
  kind: 'document' | 'plan' | 'appendix'
  children: PartContent[]
  data?: Data
}

/** What the flat tree's root holds: paragraphs and tables in reading order. */
export type FlatContent = Paragraph | Table

/** The root of the flat tree, as the parser makes it and the diacritics stage restores it. */
export interface FlatRoot extends Parent {
  type: 'root'
  children: FlatContent[]
  data?: Data
}

/** The root of the structured tree, after the sections stage: the document's parts. */
export interface Root extends Parent {
  type: 'root'
  children: Part[]
  data?: Data
}

/** Any node of a sohoa tree, flat or structured. */
export type SohoaNode = FlatRoot | Root | Part | PartContent | TableRow | TableCell

export type {Node}
