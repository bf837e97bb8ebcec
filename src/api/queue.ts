/**
 * `sohoa/queue`: the bulk import on a job queue (BullMQ on Redis), many
 * workers: `enqueue` the inputs, `runWorker` on each machine, then
 * `queueStatus`, `waitForQueue`, `queueReport`, `retryFailed`, `cleanQueue`.
 *
 *     import {enqueue, runWorker} from 'sohoa/queue'
 *     await enqueue({inputs: ['archive/'], out: 'json/', redis: 'redis://localhost:6379'})
 */
import '../vfile-data.js'

export {enqueue, runWorker, queueStatus, waitForQueue, queueReport, retryFailed, cleanQueue, RedisUnreachableError} from '../queue/index.js'
export type {EnqueueOptions, EnqueueResult, WorkerOptions, WorkerSummary, WorkerEvent, QueueStatus, QueueReportOptions, QueueConnectionOptions, CleanOptions, JobData} from '../queue/index.js'
