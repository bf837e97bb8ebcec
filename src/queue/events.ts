/**
 * What a queue worker tells its observer (the `sohoa worker` log, a test)
 * while it runs.
 */
import type {FileReport} from '../bulk/report.js'

/** An event of a queue worker. */
export type WorkerEvent =
  /** Connected, taking jobs. */
  | {type: 'ready'; name: string; queue: string; url: string; concurrency: number; ocrWorkers: number}
  /** A job ended: parsed, or failed (`retry`: it goes back to the queue for another try). */
  | {type: 'file'; file: FileReport; retry: boolean; done: number; failed: number; pages: number}
  /** No new jobs are taken; the running ones get `graceSeconds` to finish. */
  | {type: 'stopping'; running: number; graceSeconds: number}
  /** The running jobs are abandoned: they go back to the queue for another worker. */
  | {type: 'abandoning'; running: number}
  /** Something the operator should know: Redis lost and back, more workers on this machine than its cores. */
  | {type: 'notice'; message: string}
