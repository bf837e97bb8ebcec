/**
 * The parse workers of a batch: a fixed number of worker threads, each
 * parsing one file at a time, all sharing the main thread's OCR pool.
 * A worker that overruns the deadline, runs out of heap or crashes is
 * stopped and replaced; its file fails with a one-line reason and the
 * batch goes on.
 */
import type {Worker} from 'node:worker_threads'
import type {OcrPool} from '../read/index.js'
import type {FromWorker, Job, JobOutcome, ToWorker} from './messages.js'
import type {WorkerData} from './worker.js'
import {startWorker} from './worker-entry.js'
import {rules, type FailureRule} from '../rules/registry.js'

/** Options of `ParseWorkers`. */
export interface ParseWorkersOptions {
  /** Number of workers: files parsed at once. */
  size: number
  /** The shared OCR pool that answers every worker's OCR requests. */
  ocr: OcrPool
  /** Heap limit of each worker, in MB (default 2048): a file that needs more fails alone. */
  memoryMb?: number
  /** Replace a worker after this many files, to bound any slow leak (default 500). */
  recycleAfter?: number
  /** Time a worker gets beyond a job's own timeout to report it before it is stopped by force, ms (default 1000). */
  killSlackMs?: number
  /** Time a worker gets to start a job it was handed (a fresh worker loads its modules first), ms (default 60000). */
  startMs?: number
}

interface Busy {
  job: Job
  resolve: (outcome: JobOutcome) => void
  onPage?: (page: number, pages: number) => void
  timer: NodeJS.Timeout
  /** Set when the scheduler stops the worker: the job's outcome. */
  stopped?: JobOutcome
}

interface Slot {
  worker: Worker
  busy?: Busy
  done: number
  error?: Error
  /** Let go after `recycleAfter` files: takes no more jobs, exits. */
  retired?: boolean
  exited: Promise<void>
}

/** A pool of parse workers. */
export class ParseWorkers {
  readonly size: number
  readonly #options: Required<ParseWorkersOptions>
  readonly #slots = new Set<Slot>()
  #closed = false

  constructor(options: ParseWorkersOptions) {
    this.#options = {
      size: options.size,
      ocr: options.ocr,
      memoryMb: options.memoryMb ?? 2048,
      recycleAfter: options.recycleAfter ?? 500,
      killSlackMs: options.killSlackMs ?? 1000,
      startMs: options.startMs ?? 60_000
    }
    this.size = Math.max(1, options.size)
  }

  /** Number of jobs running. */
  get running(): number {
    let n = 0
    for (const slot of this.#slots) if (slot.busy) n++
    return n
  }

  /** Parse `job` on an idle worker (started when needed); never rejects: failures are outcomes. */
  run(job: Job, onPage?: (page: number, pages: number) => void): Promise<JobOutcome> {
    if (this.#closed) return Promise.resolve(failed('the worker pool is closed', 'interrupted'))
    const active = [...this.#slots].filter((s) => !s.retired)
    let slot = active.find((s) => !s.busy)
    if (!slot) {
      if (active.length >= this.size) throw new Error('ParseWorkers.run: every worker is busy')
      slot = this.#spawn()
    }
    const target = slot
    return new Promise<JobOutcome>((resolve) => {
      // Until the worker says it started the job, the timer allows for its start-up too; then the job's own --timeout runs.
      const timer = this.#jobTimer(target, job, this.#options.startMs)
      target.busy = {job, resolve, onPage, timer}
      target.worker.postMessage({type: 'job', job} satisfies ToWorker)
    })
  }

  /** Stop every worker now; running jobs resolve as interrupted. */
  async abandon(): Promise<void> {
    for (const slot of this.#slots) this.#stop(slot, failed('interrupted: abandoned before it finished', 'interrupted'))
    await Promise.all([...this.#slots].map((s) => s.exited))
  }

  /** Stop every worker (after the running jobs, if any, are abandoned). */
  async close(): Promise<void> {
    this.#closed = true
    await this.abandon()
  }

  #spawn(): Slot {
    const workerData: WorkerData = {ocrWorkers: this.#options.ocr.size}
    const worker = startWorker({workerData, resourceLimits: {maxOldGenerationSizeMb: this.#options.memoryMb}})
    let exit!: () => void
    const slot: Slot = {worker, done: 0, exited: new Promise((resolve) => (exit = resolve))}
    this.#slots.add(slot)
    worker.on('message', (message: FromWorker) => this.#receive(slot, message))
    worker.on('error', (error) => {
      slot.error = error
    })
    worker.on('exit', (code) => {
      this.#slots.delete(slot)
      const busy = slot.busy
      if (busy) {
        slot.busy = undefined
        clearTimeout(busy.timer)
        busy.resolve(busy.stopped ?? this.#crashOutcome(slot, code))
      }
      exit()
    })
    return slot
  }

  #receive(slot: Slot, message: FromWorker): void {
    const busy = slot.busy
    if (message.type === 'ocr') {
      this.#options.ocr.recognize(message.image, message.options).then(
        (result) => this.#post(slot, {type: 'ocr-done', request: message.request, result}),
        (error: Error) => this.#post(slot, {type: 'ocr-failed', request: message.request, message: error.message})
      )
      return
    }
    if (!busy || busy.stopped || message.id !== busy.job.id) return
    if (message.type === 'started') {
      clearTimeout(busy.timer)
      busy.timer = this.#jobTimer(slot, busy.job, 0)
      return
    }
    if (message.type === 'page') {
      busy.onPage?.(message.page, message.pages)
      return
    }
    clearTimeout(busy.timer)
    slot.busy = undefined
    slot.done++
    if (slot.done >= this.#options.recycleAfter) this.#retire(slot)
    busy.resolve(message.outcome)
  }

  /** A timer that stops `slot` when `job` overruns its --timeout (plus `extraMs`, and the slack to report it). */
  #jobTimer(slot: Slot, job: Job, extraMs: number): NodeJS.Timeout {
    return setTimeout(() => {
      this.#stop(slot, failed(`timed out after ${job.limits.timeoutSeconds} s (--timeout)`, 'timeout'))
    }, job.limits.timeoutSeconds * 1000 + this.#options.killSlackMs + extraMs)
  }

  #post(slot: Slot, message: ToWorker): void {
    if (this.#slots.has(slot)) slot.worker.postMessage(message)
  }

  /** Stop a worker; its job (if any) resolves with `outcome`. */
  #stop(slot: Slot, outcome: JobOutcome): void {
    if (slot.busy && !slot.busy.stopped) slot.busy.stopped = outcome
    void slot.worker.terminate()
  }

  /** Let an idle worker go (a fresh one starts on demand). */
  #retire(slot: Slot): void {
    slot.retired = true
    void slot.worker.terminate()
  }

  #crashOutcome(slot: Slot, code: number): JobOutcome {
    const error = slot.error as (Error & {code?: string}) | undefined
    if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return failed(`ran out of memory (heap limit ${this.#options.memoryMb} MB per worker)`, 'out-of-memory')
    }
    const why = error ? `${error.name}: ${error.message}` : `exit code ${code}`
    return failed(`the parse worker crashed (${why})`, 'crashed')
  }
}

function failed(reason: string, ruleId: FailureRule): JobOutcome {
  return {ok: false, reason: reason.split('\n', 1)[0], source: rules[ruleId].stage, ruleId}
}
