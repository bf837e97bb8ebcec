/**
 * What the routes of `read` share: the options and the name to put in errors.
 */
import type {Route} from './types.js'
import type {PageInput} from './layout/compose.js'
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
  /**
   * A store of pages as read (before they are composed into text), for
   * callers that read the same files again and again (evaluations): a page
   * found under its key is not rendered nor OCR'd again. The key names the
   * file's bytes, the page and the options that change what is read; the
   * store must add the version of the reader it was filled by.
   */
  pageCache?: PageCache
}

/** See `ReadOptions.pageCache`. */
export interface PageCache {
  get(key: string): PageInput | undefined
  set(key: string, page: PageInput): void
}

/** The key of page `page` of the file in `context` for `ReadOptions.pageCache`. */
export function pageKey(context: ReadContext, page: number): string {
  const {dpi, maxPixels, preprocess, textLayer, render} = context.options
  return `${context.sha256}:${page}:${JSON.stringify({dpi, maxPixels, preprocess, textLayer, render})}`
}

/** Shared state of one `read` call. */
export interface ReadContext {
  /** The file name for errors (the path, or `<bytes>`). */
  name: string
  /** The sha256 of the file's bytes (hex). */
  sha256: string
  options: ReadOptions
  /** The OCR pool, created on first use when none was given. */
  pool: () => OcrPool
}
