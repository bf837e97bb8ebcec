/**
 * What a bulk run tells its observer (the progress bar, a log, a bench)
 * while it goes.
 */
import type {FileReport} from './report.js'

/** An event of a bulk run. */
export type BulkEvent =
  /** Inputs found and `--resume` checks done: `toParse` files will be parsed. */
  | {type: 'start'; files: number; skipped: number; toParse: number}
  /** A file is done (parsed, failed or interrupted); `done` of `toParse`. */
  | {type: 'file'; file: FileReport; done: number; toParse: number; failed: number; pages: number}
  /** A page was read; `pages` in all so far. */
  | {type: 'page'; pages: number}
  /** No new files are taken; the running ones get `graceSeconds` to finish. */
  | {type: 'stopping'; running: number; graceSeconds: number}
  /** The running files are abandoned. */
  | {type: 'abandoning'; running: number}
  /** Something the user should know (a partial JSONL line cut off, a glob that matched nothing). */
  | {type: 'notice'; message: string}
