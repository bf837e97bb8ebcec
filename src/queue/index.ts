/**
 * Bulk import on a job queue (BullMQ on Redis): `enqueue` adds one job per
 * input, `runWorker` runs jobs through the bulk per-file step on any number
 * of machines that share the inputs and the output folder, `queueStatus`,
 * `waitForQueue`, `queueReport` (the bulk report format), `retryFailed`
 * and `cleanQueue` look after the queue; `slotsText` words a worker's
 * `slots` event.
 */
export {enqueue, type EnqueueOptions, type EnqueueResult} from './enqueue.js'
export {runWorker, type WorkerOptions, type WorkerSummary} from './run-worker.js'
export {queueStatus, waitForQueue, type QueueStatus, type WaitOptions} from './status.js'
export {queueReport, queueReportPath, type QueueReportOptions} from './report.js'
export {retryFailed} from './retry-failed.js'
export {cleanQueue, type CleanOptions, type CleanResult} from './clean.js'
export {defaultQueueName, type QueueConnectionOptions} from './open-queue.js'
export {defaultRedisUrl, redisUrlOf, redactUrl, RedisUnreachableError} from './connection.js'
export {jobIdOf, failureOf, isRetryable, type JobData, type JobResult} from './job.js'
export {createQueueProgress, statusText, type QueueProgress, type QueueProgressOptions} from './progress.js'
export {slotsText} from './host-slots.js'
export type {WorkerEvent} from './events.js'
