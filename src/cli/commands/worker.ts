/**
 * `sohoa worker`: take jobs from a queue (`sohoa queue add`) and parse
 * them as `sohoa parse --out` would, until stopped. Logs to stderr: a line
 * when ready, each failure as it happens, a progress line every minute,
 * a summary when stopped. SIGTERM or Ctrl-C drains (no new jobs, running
 * ones finish within --grace); a second signal hands the running jobs back
 * to the queue at once.
 *
 * Exit codes: 0 stopped, 1 Redis unreachable at the start, 2 usage error.
 */
import {availableParallelism} from 'node:os'
import type {Command} from 'commander'
import {failureLine} from '../../bulk/report.js'
import {runWorker, slotsText, type WorkerEvent} from '../../queue/index.js'
import {nonNegativeInteger, nonNegativeNumber, positiveInteger, positiveNumber} from '../arguments.js'
import {addQueueOptions, connectionOf} from './queue.js'

/** The options of `sohoa worker`, as commander hands them over. */
interface WorkerCommandOptions {
  redis?: string
  queue?: string
  concurrency?: number
  ocrWorkers?: number
  hostSlots?: number
  stall?: number
  maxStalls?: number
  grace?: number
  quiet?: boolean
}

/** Seconds between two progress lines. */
const progressSeconds = 60

/** Register `worker` on the program. */
export function register(program: Command): void {
  const cores = availableParallelism()
  const worker = program
    .command('worker')
    .description(
      'parse the jobs of a queue (`sohoa queue add`) as `sohoa parse --out` does — worker threads, one shared OCR pool, the same limits, ' +
        'atomic outputs, the same failure reasons and rules — until stopped. Workers of one machine share its job slots (--host-slots): one that holds none ' +
        'waits as a standby and takes a slot when one frees. Every worker must see the inputs and the output folder at the same paths. ' +
        'SIGTERM or Ctrl-C: finish the running files (within --grace), take no new ones; twice: hand them back.'
    )
  addQueueOptions(worker)
    .option('-j, --concurrency <n>', `files parsed at once (default: ${cores}, the number of cores)`, positiveInteger)
    .option(
      '--host-slots <n>',
      `files of the queue parsed at once on this machine, over all its workers (default: ${cores}, the number of cores; 0: no limit); give every worker of the machine the same`,
      nonNegativeInteger
    )
    .option('--ocr-workers <n>', `tesseract workers of this process's shared OCR pool (default: ${cores})`, positiveInteger)
    .option('--stall <seconds>', 'a job\'s lock lasts this long without renewal, and jobs of a worker that died are looked for this often: they run again after one to two of these (default: 30)', positiveNumber)
    .option('--max-stalls <n>', 'a job found abandoned more often than this fails as queue:stalled (default: 2)', nonNegativeInteger)
    .option('--grace <seconds>', 'after SIGTERM or Ctrl-C, how long files in progress may finish before they go back to the queue (default: 30)', nonNegativeNumber)
    .option('-q, --quiet', 'log only the start, notices (Redis outages, job slots held) and the summary (no failure or progress lines)')
    .action(async (options: WorkerCommandOptions) => {
      const stop = new AbortController()
      const abandon = new AbortController()
      let signals = 0
      const onSignal = () => {
        signals++
        if (signals > 1) abandon.abort()
        else stop.abort()
      }
      process.on('SIGINT', onSignal)
      process.on('SIGTERM', onSignal)
      const log = (line: string) => process.stderr.write(`${line}\n`)
      let lastProgress = performance.now()
      const onEvent = (event: WorkerEvent) => {
        if (event.type === 'ready') {
          const slots = event.hostSlots ? `; ${event.hostSlots} job slots on this machine` : ''
          log(`sohoa: worker ${event.name} ready: queue ${event.queue} at ${event.url}, ${event.concurrency} file(s) at once, ${event.ocrWorkers} OCR worker(s)${slots}`)
        } else if (event.type === 'slots') {
          log(`sohoa: ${slotsText(event)}`)
        } else if (event.type === 'file') {
          if (options.quiet) return
          if (event.file.status === 'failed') log(failureLine(event.file) + (event.retry ? '  (will retry)' : ''))
          if (performance.now() - lastProgress >= progressSeconds * 1000) {
            lastProgress = performance.now()
            log(`sohoa: ${event.done} files (${event.failed} failed), ${event.pages} pages`)
          }
        } else if (event.type === 'stopping') {
          log(`sohoa: stopping: waiting up to ${event.graceSeconds} s for ${event.running} file(s) in progress (signal again to hand them back to the queue)`)
        } else if (event.type === 'abandoning') {
          log(`sohoa: handing ${event.running} file(s) in progress back to the queue`)
        } else {
          log(`sohoa: ${event.message}`)
        }
      }
      try {
        const summary = await runWorker({
          ...connectionOf(options),
          concurrency: options.concurrency,
          ocrWorkers: options.ocrWorkers,
          hostSlots: options.hostSlots,
          stallSeconds: options.stall,
          maxStalls: options.maxStalls,
          graceSeconds: options.grace,
          signal: stop.signal,
          abandonSignal: abandon.signal,
          onEvent
        })
        log(
          `sohoa: worker ${summary.name} stopped after ${summary.seconds.toFixed(1)} s: ${summary.files} files ` +
            `(${summary.parsed} parsed, ${summary.failed} failed, ${summary.retried} to retry), ${summary.pages} pages`
        )
      } finally {
        process.off('SIGINT', onSignal)
        process.off('SIGTERM', onSignal)
      }
    })
}
