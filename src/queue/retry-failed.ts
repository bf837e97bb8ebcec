/**
 * `retryFailed` (`sohoa queue retry-failed`): put every failed job back in
 * the queue, its tries counted afresh — after the cause is fixed (a file
 * replaced, a limit raised by adding it again, a disk freed).
 */
import {openQueue, type QueueConnectionOptions} from './open-queue.js'

/** Move every failed job of the queue back to waiting; resolves with how many. */
export async function retryFailed(options: QueueConnectionOptions): Promise<number> {
  const open = await openQueue(options)
  try {
    const failed = await open.queue.getFailedCount()
    if (failed > 0) await open.queue.retryJobs({state: 'failed', count: 1000})
    return failed
  } finally {
    await open.close()
  }
}
