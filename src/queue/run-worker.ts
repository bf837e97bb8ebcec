/**
 * `runWorker` (`sohoa worker`): take jobs from the queue and run each
 * through the per-file step of a bulk run — the same parse workers (worker
 * threads, one shared OCR pool, limits, timeouts) and the same atomic
 * writer — until told to stop. A parsed file's job completes with its
 * report entry; bad input fails at once with its reason and rule
 * (`UnrecoverableError`); a crash or a failed write fails the try and
 * BullMQ retries it with backoff. The first stop signal drains (no new
 * jobs, running ones finish within the grace time); then the running jobs
 * are abandoned back to the queue. A worker that dies holding jobs loses
 * their locks, and another worker takes them again after the stall interval.
 * Workers of one machine share its host slots (`host-slots.ts`): a worker
 * runs as many jobs at once as it holds slots, and one that holds none
 * waits as a standby, starting nothing, until a slot frees.
 */
import {randomUUID} from 'node:crypto'
import {hostname, availableParallelism} from 'node:os'
import type {Job} from 'bullmq'
import {removeTemporariesOf} from '../bulk/atomic-write.js'
import {processFile} from '../bulk/process-file.js'
import type {FileReport} from '../bulk/report.js'
import {UsageError} from '../bulk/usage-error.js'
import {ParseWorkers} from '../bulk/worker-pool.js'
import {createOcrPool, type OcrPool} from '../read/ocr-pool.js'
import {connectRedis, redactUrl, redisUrlOf} from './connection.js'
import type {WorkerEvent} from './events.js'
import {HostSlots} from './host-slots.js'
import {failedReasonOf, isRetryable, type JobData, type JobResult} from './job.js'
import {bullmq} from './libraries.js'
import {defaultQueueName, type QueueConnectionOptions} from './open-queue.js'
import {recordJob, type WorkerRecord} from './stats.js'

/** Options of `runWorker`. */
export interface WorkerOptions extends QueueConnectionOptions {
  /** Files parsed at once (default: the number of cores). */
  concurrency?: number
  /**
   * Jobs of the queue that run at once on this machine, over all its
   * workers (default: the number of cores; 0: no limit). A worker runs as
   * many as it holds slots of these; one that holds none waits as a
   * standby and takes a slot when one frees. Give every worker of a
   * machine the same number.
   */
  hostSlots?: number
  /** Workers of this process's shared OCR pool (default: the number of cores). Ignored when `ocr` is given. */
  ocrWorkers?: number
  /** A shared OCR pool to use (the caller terminates it). */
  ocr?: OcrPool
  /**
   * Seconds a job's lock lasts without renewal, and between two checks for
   * jobs whose worker died (default 30): a killed worker's jobs are taken
   * again after one to two of these.
   */
  stallSeconds?: number
  /** How often a job may be found abandoned by a dead worker before it fails as `queue:stalled` (default 2). */
  maxStalls?: number
  /** Seconds the running jobs get to finish after `signal` aborts, before they are abandoned back to the queue (default 30). */
  graceSeconds?: number
  /** When aborted: take no new jobs, let the running ones finish (within `graceSeconds`), then resolve. */
  signal?: AbortSignal
  /** When aborted: abandon the running jobs back to the queue at once. */
  abandonSignal?: AbortSignal
  /** Flush every output to disk before renaming it into place (default true). */
  fsync?: boolean
  /** Heap limit of each parse worker, MB (default 2048). */
  workerMemoryMb?: number
  /** Replace a parse worker after this many files (default 500). */
  recycleAfter?: number
  /** This worker's name in the queue (default `host:pid`). */
  name?: string
  /** Told of the worker's progress. */
  onEvent?: (event: WorkerEvent) => void
}

/** What a worker did, when it stops. */
export interface WorkerSummary {
  name: string
  /** Jobs ended: parsed or failed (a failed try that is retried counts too). */
  files: number
  parsed: number
  failed: number
  /** Failed tries that went back to the queue for another. */
  retried: number
  pages: number
  seconds: number
}

/** Run a queue worker until `signal` aborts; throws `UsageError` on bad options and `RedisUnreachableError` when Redis does not answer at the start. */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const started = performance.now()
  const cores = availableParallelism()
  const concurrency = options.concurrency ?? cores
  const ocrWorkers = options.ocr?.size ?? options.ocrWorkers ?? cores
  const stallSeconds = options.stallSeconds ?? 30
  const maxStalls = options.maxStalls ?? 2
  const hostSlots = options.hostSlots ?? cores
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a positive integer, not ${concurrency}`)
  if (!Number.isInteger(ocrWorkers) || ocrWorkers < 1) throw new UsageError(`--ocr-workers must be a positive integer, not ${ocrWorkers}`)
  if (!(stallSeconds > 0)) throw new UsageError(`--stall must be positive, not ${stallSeconds}`)
  if (!Number.isInteger(maxStalls) || maxStalls < 0) throw new UsageError(`--max-stalls must be an integer ≥ 0, not ${maxStalls}`)
  if (!Number.isInteger(hostSlots) || hostSlots < 0) throw new UsageError(`--host-slots must be an integer ≥ 0, not ${hostSlots}`)
  const url = redisUrlOf(options.redis)
  const queueName = options.queue ?? defaultQueueName
  const name = options.name ?? `${hostname()}:${process.pid}`
  const emit = (event: WorkerEvent) => options.onEvent?.(event)

  // The pool checks its model at once (its workers start on first use): a worker that cannot OCR takes no slot.
  const ownOcr = options.ocr ? undefined : createOcrPool({workers: ocrWorkers})
  const ocr = options.ocr ?? ownOcr!
  const connection = await connectRedis(url, {timeoutMs: options.connectTimeoutMs})
  // Jobs at once this worker asks for, and holds: its slots of the machine's, when they are limited.
  const want = hostSlots ? Math.min(concurrency, hostSlots) : concurrency
  // A job's lock, the interval between checks for dead workers' jobs, and a slot's lease: a killed worker's slots free as its jobs do.
  const stallMs = stallSeconds * 1000
  // The owner is unique even when two workers are given one name.
  const slots = hostSlots ? new HostSlots(connection, {queue: queueName, host: hostname(), slots: hostSlots, owner: `${name}/${randomUUID()}`, leaseMs: stallMs}) : undefined
  let held: number
  try {
    held = slots ? await slots.hold(want) : want
  } catch (error) {
    connection.disconnect()
    throw error
  }
  const parsers = new ParseWorkers({size: concurrency, ocr, memoryMb: options.workerMemoryMb, recycleAfter: options.recycleAfter})
  const record: WorkerRecord = {name, concurrency, ocrWorkers: ocr.size, peakRssMb: 0, files: 0}
  const summary: WorkerSummary = {name, files: 0, parsed: 0, failed: 0, retried: 0, pages: 0, seconds: 0}
  let running = 0

  const processJob = async (job: Job<JobData, JobResult>, token?: string): Promise<JobResult> => {
    const data = job.data
    if (data?.version !== 1) throw new bullmq.UnrecoverableError(failedReasonOf(`not a sohoa parse job (data version ${String(data?.version)})`, 'queue:bad-job'))
    const startedAt = Date.now()
    const entry: FileReport = {path: data.path, output: data.output, status: 'pending', ...(data.pdf ? {pdf: data.pdf} : {}), ...(data.review ? {review: data.review} : {})}
    running++
    try {
      // A job started before may have a temporary its killed worker left: this worker holds the job now.
      // (Only then: listing a folder of many outputs for every job would cost more than the job.)
      if (job.attemptsStarted > 1) await removeTemporariesOf(data.output)
      await processFile(parsers, entry, data.options, {fsync: options.fsync})
    } finally {
      running--
    }
    if (entry.status === 'interrupted') {
      await job.moveToWait(token)
      throw new bullmq.WaitingError()
    }
    summary.files++
    summary.pages += entry.pages ?? 0
    record.files++
    record.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
    await recordJob(connection, queueName, {startedAt, pages: entry.pages ?? 0}, record)
    if (entry.status === 'failed') {
      const rule = entry.rule ?? 'bulk:failed'
      const retryable = isRetryable(rule)
      const retry = retryable && job.attemptsMade + 1 < (job.opts.attempts ?? 1)
      if (retry) summary.retried++
      else summary.failed++
      emit({type: 'file', file: entry, retry, done: summary.files, failed: summary.failed, pages: summary.pages})
      const message = failedReasonOf(entry.reason ?? 'failed', rule)
      throw retryable ? new Error(message) : new bullmq.UnrecoverableError(message)
    }
    summary.parsed++
    emit({type: 'file', file: entry, retry: false, done: summary.files, failed: summary.failed, pages: summary.pages})
    return {status: entry.status as JobResult['status'], pages: entry.pages ?? 0, route: entry.route!, diagnostics: entry.diagnostics!, seconds: entry.seconds ?? 0}
  }

  const worker = new bullmq.Worker<JobData, JobResult>(queueName, processJob, {
    connection,
    concurrency: Math.max(1, held),
    name,
    lockDuration: stallMs,
    stalledInterval: stallMs,
    maxStalledCount: maxStalls,
    autorun: false
  })

  // Redis going away and coming back: say so once each way; BullMQ's own errors meanwhile are that same outage.
  let lost = false
  let lastError = 0
  connection.on('close', () => {
    if (lost || stopping) return
    lost = true
    emit({type: 'notice', message: `lost the connection to Redis at ${redactUrl(url)}; reconnecting (files in progress go on)`})
  })
  connection.on('ready', () => {
    if (!lost) return
    lost = false
    emit({type: 'notice', message: `reconnected to Redis at ${redactUrl(url)}`})
  })
  worker.on('error', (error: Error) => {
    if (lost || stopping || Date.now() - lastError < 10_000) return
    lastError = Date.now()
    emit({type: 'notice', message: `queue: ${error.message}`})
  })

  let stopping = false
  // The run loop starts once the worker holds a slot: a standby takes no job.
  let runLoop: Promise<void> | undefined
  const startRunning = () => {
    runLoop = worker.run()
    runLoop.catch(() => {}) // awaited below; not an unhandled rejection meanwhile
  }
  // Renew the slots, take free ones; start, widen, narrow or pause the run loop to match.
  let renewing = false
  const renewSlots = async () => {
    if (!slots || renewing) return
    renewing = true
    try {
      const now = await slots.hold(stopping ? Math.min(held, want) : want)
      if (now === held) return
      held = now
      if (stopping) return
      if (held > 0) {
        worker.concurrency = held
        if (!runLoop) startRunning()
        else if (worker.isPaused()) await worker.resume()
      } else if (runLoop && !worker.isPaused()) {
        await worker.pause(true)
      }
      emit({type: 'slots', queue: queueName, held, concurrency, hostSlots})
    } catch {
      // Redis away: the connection notices say so; the slots are renewed when it is back.
    } finally {
      renewing = false
    }
  }
  const slotTimer = slots ? setInterval(() => void renewSlots(), Math.min(1000, stallMs / 3)) : undefined
  try {
    if (held > 0) startRunning()
    await worker.waitUntilReady()
    emit({type: 'ready', name, queue: queueName, url: redactUrl(url), concurrency, ocrWorkers: ocr.size, hostSlots})
    if (held < concurrency) emit({type: 'slots', queue: queueName, held, concurrency, hostSlots})
    await new Promise<void>((resolve, reject) => {
      let graceTimer: NodeJS.Timeout | undefined
      let abandoned = false
      const abandon = () => {
        if (abandoned) return
        abandoned = true
        clearTimeout(graceTimer)
        emit({type: 'abandoning', running})
        // Closed, not only emptied: a job taken meanwhile that has not reached a parse thread yet is handed back too.
        void parsers.close()
        stop()
      }
      const stop = () => {
        if (stopping) return
        stopping = true
        const graceSeconds = options.graceSeconds ?? 30
        emit({type: 'stopping', running, graceSeconds})
        if (running > 0 && !abandoned) graceTimer = setTimeout(abandon, graceSeconds * 1000)
        worker.close().then(
          () => {
            clearTimeout(graceTimer)
            options.signal?.removeEventListener('abort', stop)
            options.abandonSignal?.removeEventListener('abort', abandon)
            resolve()
          },
          reject
        )
      }
      options.signal?.addEventListener('abort', stop)
      options.abandonSignal?.addEventListener('abort', abandon)
      // Signals given before the worker was ready (a job may start meanwhile) act in the order they
      // are given in: stop, then abandon.
      if (options.signal?.aborted) stop()
      if (options.abandonSignal?.aborted) abandon()
    })
    await runLoop
  } finally {
    clearInterval(slotTimer)
    await worker.close(true).catch(() => {})
    await parsers.close()
    await ownOcr?.terminate()
    await slots?.release().catch(() => {})
    connection.disconnect()
  }
  summary.seconds = Math.round(performance.now() - started) / 1000
  return summary
}
