/**
 * What `read` puts in `file.data`: the source description and the layout.
 */
import type {BBox} from '../tree/types.js'

/** How the text of a file (or page) was obtained. */
export type Route = 'text' | 'pdf-text' | 'ocr' | 'ocr-text'

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

/**
 * Layout of a file: pages, and for every line of `file.value` (0-based, by
 * line index) where it stands, so every node can point back to the page.
 */
export interface Layout {
  pages: LayoutPage[]
  /** `lines[i]` is the provenance of line `i` of `file.value` (undefined for blank or synthetic lines). */
  lines: Array<{page: number; bbox: BBox; confidence: number} | undefined>
}

/** What is known of the input file itself (the output's `source`). */
export interface SourceInfo {
  path: string | null
  sha256: string
  mediaType: string
  pages: number
  route: Route
  ocrConfidence?: number
}
