/**
 * A queue job: one input file. Its data (input, output, sha256, the run's
 * per-file options), its id (from the sha256 and the output, so adding the
 * same input twice is a no-op), what a worker stores when it is done, how
 * a failure's reason and rule travel in BullMQ's `failedReason`, and which
 * failures are worth a retry.
 */
import {createHash} from 'node:crypto'
import type {FileOptions} from '../bulk/process-file.js'
import type {FileReport} from '../bulk/report.js'
import type {Route} from '../read/types.js'

/** The BullMQ job name of a parse job. */
export const jobName = 'parse'

/** The data of a job (stored in Redis, read by the worker). */
export interface JobData {
  /** Version of this shape. */
  version: 1
  /** The input, an absolute path every worker sees (shared storage). */
  path: string
  /** Where the JSON goes, an absolute path on the same storage. */
  output: string
  /** sha256 of the input when it was added (null when it could not be read: the worker fails it with the reason). */
  sha256: string | null
  /** With `queue add --pdf`: the searchable PDF beside the output (absent otherwise). */
  pdf?: string
  /** With `queue add --review`: the review page beside the output (absent otherwise). */
  review?: string
  /** The run's per-file options, passed as they are to the per-file step (limits, indentation, and any output option added to `FileOptions`). */
  options: FileOptions
}

/** What a worker stores for a parsed file (BullMQ's return value): the report entry without path and output. */
export interface JobResult {
  status: 'parsed' | 'warnings'
  pages: number
  route: Route
  diagnostics: {error: number; warning: number; info: number}
  seconds: number
}

/**
 * The job id of an input: its sha256 and a hash of its output path. The
 * same file added twice for the same output is one job; a changed file is
 * a new job; two copies of one file at two paths are two jobs.
 */
export function jobIdOf(sha256: string | null, output: string): string {
  const where = createHash('sha256').update(output).digest('hex').slice(0, 16)
  return `${sha256 ?? 'unread'}-${where}`
}

/** BullMQ's `failedReason` for a failure: the reason, two spaces, the `stage:rule` (as on a failure line). */
export function failedReasonOf(reason: string, rule: string): string {
  return `${reason}  ${rule}`
}

const rulePattern = /^(.*?)\s\s([a-z][a-z-]*:[a-z0-9-]+)$/s

/** BullMQ's own reasons, mapped to rules: a job whose worker kept dying, or that kept starting. */
const queueReasons: Array<[RegExp, string]> = [
  [/stalled more than allowable limit/, 'queue:stalled'],
  [/started more than allowable limit/, 'queue:restarted']
]

/** The reason and rule of a failed job (BullMQ's reasons get `queue:` rules). */
export function failureOf(failedReason: string | undefined): {reason: string; rule: string} {
  const text = (failedReason ?? '').trim() || 'failed'
  const match = rulePattern.exec(text)
  if (match) return {reason: match[1], rule: match[2]}
  for (const [pattern, rule] of queueReasons) if (pattern.test(text)) return {reason: `the job's worker stopped answering too often (${text})`, rule}
  return {reason: text, rule: 'queue:failed'}
}

/**
 * Failures that may pass on another try: the parse worker crashed, or the
 * output could not be written (a full disk, a share gone away). Bad input
 * (unreadable, over a limit, timed out, out of memory) and bugs fail the
 * same way every time and are not retried.
 */
export function isRetryable(rule: string): boolean {
  return rule === 'bulk:crashed' || rule === 'bulk:write-failed'
}

/** Where a job stands, for its report entry. */
export type JobEnd =
  | {state: 'completed'; result: JobResult}
  | {state: 'failed'; failedReason?: string; seconds?: number}
  | {state: 'pending'}

/** The report entry of a job: parsed (with the stored result), failed (with reason and rule), or `pending` while it waits or runs. */
export function fileReportOf(data: JobData, end: JobEnd): FileReport {
  const entry: FileReport = {path: data.path, output: data.output, status: 'pending'}
  if (end.state === 'failed') {
    const {reason, rule} = failureOf(end.failedReason)
    return {...entry, status: 'failed', reason, rule, ...(end.seconds === undefined ? {} : {seconds: end.seconds})}
  }
  if (end.state === 'completed') {
    const r = end.result
    return {...entry, status: r.status, pages: r.pages, route: r.route, diagnostics: r.diagnostics, seconds: r.seconds}
  }
  return entry
}
