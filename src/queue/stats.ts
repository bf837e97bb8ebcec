/**
 * The counters of a queue run that BullMQ does not keep: pages read, when
 * the first job started and the last one ended (for pages/s and the ETA),
 * and each worker process's settings and peak memory (for the report).
 * One Redis hash per queue, updated by the workers after each job.
 */
import type {Redis} from 'ioredis'

/** The key of a queue's counters (beside, not inside, BullMQ's own keys). */
export function statsKey(queue: string): string {
  return `sohoa-stats:${queue}`
}

/** What a worker process records about itself. */
export interface WorkerRecord {
  /** `host:pid`. */
  name: string
  concurrency: number
  ocrWorkers: number
  /** Peak resident memory of the process so far, MB. */
  peakRssMb: number
  /** Jobs it finished (parsed or failed). */
  files: number
}

/** The counters of a queue run. */
export interface RunStats {
  /** When the first job started, ms since the epoch (undefined before). */
  startedAt?: number
  /** When the last job ended. */
  lastAt?: number
  /** Jobs finished, parsed or failed (retries count once per try). */
  files: number
  /** Pages read by parsed jobs. */
  pages: number
  workers: WorkerRecord[]
}

/** Record a job that ended: its pages, when it started, and the worker's record. */
export async function recordJob(client: Redis, queue: string, job: {startedAt: number; pages: number}, worker: WorkerRecord): Promise<void> {
  const key = statsKey(queue)
  await client
    .multi()
    .hsetnx(key, 'startedAt', String(job.startedAt))
    .hincrby(key, 'files', 1)
    .hincrby(key, 'pages', job.pages)
    .hset(key, 'lastAt', String(Date.now()), `worker:${worker.name}`, JSON.stringify(worker))
    .exec()
}

/** Read the counters of `queue`. */
export async function readStats(client: Redis, queue: string): Promise<RunStats> {
  const hash = await client.hgetall(statsKey(queue))
  const number = (field: string) => (hash[field] === undefined ? undefined : Number(hash[field]))
  const workers = Object.entries(hash)
    .filter(([field]) => field.startsWith('worker:'))
    .map(([, value]) => JSON.parse(value) as WorkerRecord)
  return {startedAt: number('startedAt'), lastAt: number('lastAt'), files: number('files') ?? 0, pages: number('pages') ?? 0, workers}
}

/** Forget the counters of `queue` (a new run starts from zero). */
export async function clearStats(client: Redis, queue: string): Promise<void> {
  await client.del(statsKey(queue))
}
