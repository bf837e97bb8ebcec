/**
 * `queueReport` (`sohoa queue report`): the account of a queue run in the
 * bulk report format (`report.json`): an entry per job — parsed with its
 * pages, route and diagnostics, failed with its reason and rule, pending
 * while it waits or runs — the totals over the time from the first job to
 * the last, and the workers' settings summed.
 */
import path from 'node:path'
import type {JobType} from 'bullmq'
import {writeFileAtomic} from '../bulk/atomic-write.js'
import {defaultLimits} from '../bulk/limits.js'
import {totalsOf, type BulkReport, type FileReport} from '../bulk/report.js'
import {fileReportOf, type JobData, type JobEnd, type JobResult} from './job.js'
import {openQueue, type QueueConnectionOptions} from './open-queue.js'
import {readStats, type RunStats} from './stats.js'

/** Options of `queueReport`. */
export interface QueueReportOptions extends QueueConnectionOptions {
  /** The output folder: the report goes to `<out>/report.json`. */
  out?: string
  /** Write the report here instead. */
  report?: string
  /** Flush the report to disk before renaming it into place (default true). */
  fsync?: boolean
}

/** Jobs read per round trip. */
const pageSize = 1000

/** Build the report of the queue of `options` (and write it when `out` or `report` is given). */
export async function queueReport(options: QueueReportOptions): Promise<BulkReport> {
  const open = await openQueue(options)
  const entries: FileReport[] = []
  let limits = {...defaultLimits}
  let earliest = Infinity
  let stats: RunStats = {files: 0, pages: 0, workers: []}
  try {
    stats = await readStats(open.connection, open.name)
    const states: Array<[JobType[], JobEnd['state']]> = [
      [['completed'], 'completed'],
      [['failed'], 'failed'],
      [['active', 'waiting', 'prioritized', 'delayed'], 'pending']
    ]
    let first = true
    for (const [types, state] of states) {
      for (let start = 0; ; start += pageSize) {
        const jobs = await open.queue.getJobs(types, start, start + pageSize - 1, true)
        for (const job of jobs) {
          const data = job.data as JobData
          if (data?.version !== 1) continue
          if (first) {
            limits = data.options.limits
            first = false
          }
          if (job.processedOn) earliest = Math.min(earliest, job.processedOn)
          const seconds = job.processedOn && job.finishedOn ? (job.finishedOn - job.processedOn) / 1000 : undefined
          const end: JobEnd =
            state === 'completed'
              ? {state, result: job.returnvalue as JobResult}
              : state === 'failed'
                ? {state, failedReason: job.failedReason, seconds}
                : {state}
          entries.push(fileReportOf(data, end))
        }
        if (jobs.length < pageSize) break
      }
    }
  } finally {
    await open.close()
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const now = Date.now()
  const startedAt = stats.startedAt ?? (Number.isFinite(earliest) ? earliest : now)
  const finishedAt = stats.lastAt ?? now
  const sum = (pick: (w: RunStats['workers'][number]) => number) => stats.workers.reduce((n, w) => n + pick(w), 0)
  const out = options.out ?? null
  const report: BulkReport = {
    version: 1,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(finishedAt).toISOString(),
    interrupted: false,
    out,
    jsonl: null,
    settings: {concurrency: sum((w) => w.concurrency), ocrWorkers: sum((w) => w.ocrWorkers), resume: true, limits},
    totals: totalsOf(entries, Math.max(0, finishedAt - startedAt) / 1000, Math.max(0, ...stats.workers.map((w) => w.peakRssMb))),
    failures: entries.filter((e) => e.status === 'failed').map((e) => ({path: e.path, reason: e.reason ?? '', rule: e.rule ?? ''})),
    files: entries,
    queue: {name: open.name, workers: stats.workers.length}
  }
  const target = queueReportPath(options)
  if (target) await writeFileAtomic(target, JSON.stringify(report, null, 2) + '\n', {fsync: options.fsync})
  return report
}

/** Where `queueReport` writes: `report`, else `<out>/report.json`, else nowhere. */
export function queueReportPath(options: Pick<QueueReportOptions, 'out' | 'report'>): string | undefined {
  return options.report ?? (options.out ? path.join(options.out, 'report.json') : undefined)
}
