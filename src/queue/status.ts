/**
 * `queueStatus` and `waitForQueue` (`sohoa queue status [--wait]`): how
 * many jobs wait, run, are done or failed, how many worker processes are
 * connected, pages/s and files/s since the first job started, and the
 * time left at that rate; waiting polls until nothing is left to do and
 * hands over each failure as it appears.
 */
import type {FileReport} from '../bulk/report.js'
import {fileReportOf, type JobData} from './job.js'
import {openQueue, type OpenQueue, type QueueConnectionOptions} from './open-queue.js'
import {readStats} from './stats.js'

/** The state of a queue. */
export interface QueueStatus {
  /** The queue's name and Redis URL (password redacted). */
  queue: string
  url: string
  /** Jobs waiting (including prioritized ones). */
  waiting: number
  /** Jobs a worker is running. */
  active: number
  /** Jobs waiting for a retry after a crash (backoff). */
  delayed: number
  /** Jobs parsed. */
  done: number
  /** Jobs failed (bad input, or out of tries). */
  failed: number
  /** All jobs in the queue. */
  total: number
  /** Worker processes connected. */
  workers: number
  /** Pages read by parsed jobs. */
  pages: number
  /** Pages and files (parsed or failed) per second since the first job started; null before. */
  pagesPerSecond: number | null
  filesPerSecond: number | null
  /** Seconds left at that rate; null before the first job ended, 0 when drained. */
  etaSeconds: number | null
  /** True when no job waits, runs or waits for a retry. */
  drained: boolean
}

/** The status of the queue of `options`. */
export async function queueStatus(options: QueueConnectionOptions): Promise<QueueStatus> {
  const open = await openQueue(options)
  try {
    return await statusOf(open)
  } finally {
    await open.close()
  }
}

/** The status of an open queue. */
export async function statusOf(open: OpenQueue): Promise<QueueStatus> {
  const [counts, workers, stats] = await Promise.all([
    open.queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'),
    open.queue.getWorkersCount(),
    readStats(open.connection, open.name)
  ])
  const waiting = (counts.waiting ?? 0) + (counts.prioritized ?? 0)
  const active = counts.active ?? 0
  const delayed = counts.delayed ?? 0
  const done = counts.completed ?? 0
  const failed = counts.failed ?? 0
  const left = waiting + active + delayed
  const seconds = stats.startedAt && stats.lastAt ? Math.max(1e-3, (stats.lastAt - stats.startedAt) / 1000) : undefined
  const round = (x: number) => Math.round(x * 100) / 100
  const filesPerSecond = seconds ? round(stats.files / seconds) : null
  return {
    queue: open.name,
    url: open.url,
    waiting,
    active,
    delayed,
    done,
    failed,
    total: left + done + failed,
    workers,
    pages: stats.pages,
    pagesPerSecond: seconds ? round(stats.pages / seconds) : null,
    filesPerSecond,
    etaSeconds: left === 0 ? 0 : filesPerSecond ? Math.round(left / filesPerSecond) : null,
    drained: left === 0
  }
}

/** Options of `waitForQueue`. */
export interface WaitOptions extends QueueConnectionOptions {
  /** Time between two looks, ms (default 1000). */
  intervalMs?: number
  /** Stop waiting when aborted (resolves with the last status). */
  signal?: AbortSignal
  /** Told of each status polled. */
  onStatus?: (status: QueueStatus) => void
  /** Told of each job that failed while waiting (and of those failed before, at the first look). */
  onFailure?: (file: FileReport) => void
}

/** Poll the queue until it is drained (or `signal` aborts); resolves with the last status. */
export async function waitForQueue(options: WaitOptions): Promise<QueueStatus> {
  const open = await openQueue(options)
  const intervalMs = options.intervalMs ?? 1000
  const reported = new Set<string>()
  try {
    for (;;) {
      const status = await statusOf(open)
      if (options.onFailure && status.failed > reported.size) {
        const newest = await open.queue.getFailed(0, status.failed - reported.size - 1)
        for (const job of newest.reverse()) {
          if (!job.id || reported.has(job.id)) continue
          reported.add(job.id)
          options.onFailure(fileReportOf(job.data as JobData, {state: 'failed', failedReason: job.failedReason}))
        }
      }
      options.onStatus?.(status)
      if (status.drained || options.signal?.aborted) return status
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, intervalMs)
        function done() {
          clearTimeout(timer)
          options.signal?.removeEventListener('abort', done)
          resolve()
        }
        options.signal?.addEventListener('abort', done)
      })
    }
  } finally {
    await open.close()
  }
}
