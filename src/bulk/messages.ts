/**
 * The messages between the bulk scheduler (main thread) and its parse
 * workers. OCR goes through the main thread so that every worker shares
 * one pool of tesseract workers.
 */
import type {OcrResult, RecognizeOptions} from '../read/index.js'
import type {Route} from '../read/types.js'
import type {Limits} from './limits.js'
import type {FailureRule, Stage} from '../rules/registry.js'

/** One file to parse. */
export interface Job {
  /** Unique within a run. */
  id: number
  /** The input path, as discovered (also the output's `source.path`). */
  path: string
  limits: Limits
  /** JSON indentation of the output (0: one line). */
  indent: number
  /** Digitization outputs to write before the JSON (`--pdf`, `--review`): paths, and whether to flush them. */
  outputs?: {pdf?: string; review?: string; fsync?: boolean}
}

/** What a worker reports for a job. */
export type JobOutcome =
  | {
      ok: true
      /** The output, serialized. */
      json: string
      pages: number
      route: Route
      diagnostics: {error: number; warning: number; info: number}
    }
  | {ok: false; reason: string; source: Stage; ruleId: FailureRule}

/** Main thread → worker. */
export type ToWorker =
  | {type: 'job'; job: Job}
  | {type: 'ocr-done'; request: number; result: OcrResult}
  | {type: 'ocr-failed'; request: number; message: string}

/** Worker → main thread. */
export type FromWorker =
  | {type: 'started'; id: number}
  | {type: 'done'; id: number; outcome: JobOutcome}
  | {type: 'page'; id: number; page: number; pages: number}
  | {type: 'ocr'; request: number; image: Uint8Array; options: RecognizeOptions}
