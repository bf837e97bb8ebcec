/**
 * What a queue worker tells its observer (the `sohoa worker` log, a test)
 * while it runs.
 */
import type {FileReport} from '../bulk/report.js'

/** An event of a queue worker. */
export type WorkerEvent =
  /** Connected, taking jobs (or, holding no slot, waiting as a standby). `hostSlots`: the machine's slots (0: no limit). */
  | {type: 'ready'; name: string; queue: string; url: string; concurrency: number; ocrWorkers: number; hostSlots: number}
  /**
   * Jobs at once (`held` slots of the machine's `hostSlots`) differ from the
   * `concurrency` asked for, at the start or since: other workers of the
   * machine hold the rest (0: a standby), or there are fewer slots.
   */
  | {type: 'slots'; queue: string; held: number; concurrency: number; hostSlots: number}
  /** A job ended: parsed, or failed (`retry`: it goes back to the queue for another try). */
  | {type: 'file'; file: FileReport; retry: boolean; done: number; failed: number; pages: number}
  /** No new jobs are taken; the running ones get `graceSeconds` to finish. */
  | {type: 'stopping'; running: number; graceSeconds: number}
  /** The running jobs are abandoned: they go back to the queue for another worker. */
  | {type: 'abandoning'; running: number}
  /** Something the operator should know: Redis lost and back. */
  | {type: 'notice'; message: string}
