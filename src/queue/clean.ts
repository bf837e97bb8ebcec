/**
 * `cleanQueue` (`sohoa queue clean`): forget a finished run — its parsed
 * and failed jobs and its counters — so the queue takes the next import
 * from zero; with `all`, also the jobs still waiting (the whole queue).
 * The outputs stay where they are: adding the same inputs again skips
 * those whose output is up to date.
 */
import {UsageError} from '../bulk/usage-error.js'
import {openQueue, type QueueConnectionOptions} from './open-queue.js'
import {clearStats} from './stats.js'

/** Options of `cleanQueue`. */
export interface CleanOptions extends QueueConnectionOptions {
  /** Remove every job, waiting ones too (refused while a worker runs one). */
  all?: boolean
}

/** What `cleanQueue` removed. */
export interface CleanResult {
  /** Parsed jobs removed. */
  done: number
  failed: number
  /** Waiting and delayed jobs removed (with `all`). */
  waiting: number
}

/** Remove the finished jobs (with `all`: every job) and the run's counters. */
export async function cleanQueue(options: CleanOptions): Promise<CleanResult> {
  const open = await openQueue(options)
  try {
    const counts = await open.queue.getJobCounts('completed', 'failed', 'waiting', 'prioritized', 'delayed', 'active')
    const result: CleanResult = {done: counts.completed ?? 0, failed: counts.failed ?? 0, waiting: 0}
    if (options.all) {
      if ((counts.active ?? 0) > 0) throw new UsageError(`${counts.active} job(s) of queue ${open.name} are running: stop the workers (or let them finish) before cleaning all`)
      result.waiting = (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0)
      await open.queue.obliterate()
      await clearStats(open.connection, open.name)
      return result
    }
    // 0 ms grace, no limit: every finished job, in batches BullMQ sizes.
    while ((await open.queue.clean(0, 10_000, 'completed')).length > 0);
    while ((await open.queue.clean(0, 10_000, 'failed')).length > 0);
    const left = await open.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active')
    if (Object.values(left).every((n) => !n)) await clearStats(open.connection, open.name)
    return result
  } finally {
    await open.close()
  }
}
