/**
 * What the routes of `read` share: the options and the name to put in errors.
 */
import type {Route} from './types.js'
import type {PreprocessOptions} from './ocr-page.js'
import type {OcrPool} from './ocr-pool.js'

/** Progress of a read, page by page. */
export interface ReadProgress {
  page: number
  pages: number
  route: Route
}

/** Options of `read`. */
export interface ReadOptions {
  /** A shared OCR pool; when absent `read` creates one when it needs it and terminates it before returning. */
  ocr?: OcrPool
  /** Resolution to render PDF pages at for OCR (default 300). */
  dpi?: number
  /** Read at most this many pages (a warning says so). */
  maxPages?: number
  /** Scale page images down to at most this many pixels before OCR (default 40 million). */
  maxPixels?: number
  /** Stop between pages when aborted. */
  signal?: AbortSignal
  /** Called after each page. */
  onProgress?: (progress: ReadProgress) => void
  /** Preprocessing before OCR (each step on by default). */
  preprocess?: PreprocessOptions
  /**
   * PDF text layers: `auto` judges each page (default), `always` trusts it,
   * `never` renders and OCRs every page.
   */
  textLayer?: 'auto' | 'always' | 'never'
  /** Render PDF pages for OCR (default true); when false a bad text layer is kept as `ocr-text`. */
  render?: boolean
  /** The size limit of the input (bulk's `--max-bytes`, default 32 MiB): a part of a Word file may inflate to 20 times this. */
  maxBytes?: number
}

/** Shared state of one `read` call. */
export interface ReadContext {
  /** The file name for errors (the path, or `<bytes>`). */
  name: string
  options: ReadOptions
  /** The OCR pool, created on first use when none was given. */
  pool: () => OcrPool
}
