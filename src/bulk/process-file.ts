/**
 * The per-file step of an import, one implementation for `bulkParse` and
 * the queue's workers: parse one input on a parse worker (within the run's
 * limits), write its output atomically (or append it to a JSONL sink), and
 * set the file's report entry from the outcome — status, or the reason and
 * `stage:rule` of a failure.
 */
import {writeFileAtomic} from './atomic-write.js'
import type {JsonlSink} from './jsonl-sink.js'
import type {Limits} from './limits.js'
import type {JobOutcome} from './messages.js'
import type {FileReport} from './report.js'
import type {ParseWorkers} from './worker-pool.js'

/**
 * The per-run options of the per-file step: the same for every file of a
 * run, and carried as they are by each queue job (`JobData.options`), so an
 * option added here reaches queue workers too.
 */
export interface FileOptions {
  /** Per-file limits. */
  limits: Limits
  /** JSON indentation of the output (0: one line). */
  indent: number
}

/** Where and how `processFile` writes, and whom it tells of pages read. */
export interface ProcessFileContext {
  /** The JSONL sink, for an entry without an `output` file. */
  sink?: JsonlSink
  /** Flush each output to disk before renaming it into place (default true). */
  fsync?: boolean
  /** Called after each page read. */
  onPage?: (page: number, pages: number) => void
}

let nextId = 0

/**
 * Parse `entry.path` on `workers` and write its output to `entry.output`
 * (or `context.sink`), and the searchable PDF and review page the entry
 * names (`entry.pdf`, `entry.review`); fills in the entry's status, reason, rule, pages,
 * route, diagnostics and seconds. Never rejects: failures are statuses.
 */
export async function processFile(workers: ParseWorkers, entry: FileReport, options: FileOptions, context: ProcessFileContext = {}): Promise<FileReport> {
  const started = performance.now()
  const outputs = entry.pdf || entry.review ? {pdf: entry.pdf, review: entry.review, fsync: context.fsync} : undefined
  const outcome = await workers.run({id: nextId++, path: entry.path, limits: options.limits, indent: options.indent, outputs}, context.onPage)
  await record(entry, outcome, context)
  entry.seconds = Math.round(performance.now() - started) / 1000
  return entry
}

/** Write the output of a parsed file and set the entry's status from the outcome. */
async function record(entry: FileReport, outcome: JobOutcome, context: ProcessFileContext): Promise<void> {
  if (!outcome.ok) {
    entry.status = outcome.ruleId === 'interrupted' ? 'interrupted' : 'failed'
    entry.reason = outcome.reason
    entry.rule = `${outcome.source}:${outcome.ruleId}`
    return
  }
  try {
    if (entry.output) await writeFileAtomic(entry.output, outcome.json + '\n', {fsync: context.fsync})
    else if (context.sink) await context.sink.append(outcome.json)
    else throw new Error('no output file and no JSONL sink')
  } catch (error) {
    entry.status = 'failed'
    entry.reason = `cannot write the output: ${(error as Error).message}`
    entry.rule = 'bulk:write-failed'
    return
  }
  const d = outcome.diagnostics
  entry.status = d.warning + d.error > 0 ? 'warnings' : 'parsed'
  entry.pages = outcome.pages
  entry.route = outcome.route
  entry.diagnostics = d
}
