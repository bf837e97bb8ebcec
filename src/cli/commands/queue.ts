/**
 * `sohoa queue add|status|report|retry-failed|clean`: a bulk import on a
 * job queue (BullMQ on Redis) that `sohoa worker` processes run on any
 * number of machines sharing the inputs and the output folder
 * (`src/queue/`).
 *
 * Exit codes: 0 done, 1 some files failed (`status --wait`, `report`) or
 * Redis unreachable, 2 usage error.
 */
import type {Command} from 'commander'
import {summaryText} from '../../bulk/report.js'
import {
  cleanQueue,
  createQueueProgress,
  defaultQueueName,
  defaultRedisUrl,
  enqueue,
  queueReport,
  queueReportPath,
  queueStatus,
  retryFailed,
  statusText,
  waitForQueue,
  type QueueConnectionOptions
} from '../../queue/index.js'
import {addLimitOptions, limitsOf, positiveInteger, positiveNumber, type LimitCommandOptions} from '../arguments.js'

/** The options every queue command takes. */
interface QueueCommandOptions {
  redis?: string
  queue?: string
}

/** Add `--redis` and `--queue` to `command`. */
export function addQueueOptions(command: Command): Command {
  return command
    .option('--redis <url>', `Redis URL (default: $SOHOA_REDIS_URL, else ${defaultRedisUrl})`)
    .option('--queue <name>', `queue name: one per import, or shared (default: ${defaultQueueName})`)
}

/** The connection options of a command. */
export function connectionOf(options: QueueCommandOptions): QueueConnectionOptions {
  return {redis: options.redis, queue: options.queue}
}


/** Register `queue` and its sub-commands on the program. */
export function register(program: Command): void {
  const queue = program
    .command('queue')
    .description(
      'a bulk import on a job queue (BullMQ on Redis): `queue add` files, run `sohoa worker` on any number of machines that see ' +
        'the inputs and the output folder at the same paths, follow with `queue status --wait`, then `queue report`'
    )

  const add = queue
    .command('add')
    .description(
      'add one job per input (files, folders searched recursively, globs); an input whose output already records its sha256 is ' +
        'skipped, one already in the queue is left alone. Prints how many were added and skipped.'
    )
    .argument('<inputs...>', 'files, folders or globs, on storage every worker sees at the same path')
    .requiredOption('-o, --out <dir>', 'the output folder (one <name>.json per input, mirroring sub-folders), on storage every worker sees')
  addQueueOptions(add)
    .option('--priority <n>', 'BullMQ priority of these jobs: 1 is the highest; jobs without one go first', positiveInteger)
    .option('--attempts <n>', 'tries of a job whose parse worker crashed or whose output could not be written (default: 3); bad input is tried once', positiveInteger)
    .option('--backoff <seconds>', 'wait before the second try, doubled before each next one (default: 5)', positiveNumber)
  addLimitOptions(add)
    .option('--compact', 'write the JSON on one line')
    .option('--pdf', 'also write a searchable PDF of each PDF or image input beside its JSON (x.pdf); see `sohoa pdf`')
    .option('--review', 'also write a review page beside each JSON (x.html); see `sohoa review`')
    .action(async (inputs: string[], options: QueueCommandOptions & LimitCommandOptions & {out: string; priority?: number; attempts?: number; backoff?: number; compact?: boolean; pdf?: boolean; review?: boolean}) => {
      const result = await enqueue({
        ...connectionOf(options),
        inputs,
        out: options.out,
        priority: options.priority,
        attempts: options.attempts,
        backoffMs: options.backoff === undefined ? undefined : options.backoff * 1000,
        limits: limitsOf(options),
        compact: options.compact,
        pdf: options.pdf,
        review: options.review,
        onNotice: (message) => process.stderr.write(`sohoa: ${message}\n`)
      })
      process.stderr.write(
        `sohoa: ${result.files} inputs: ${result.added} added, ${result.skipped} skipped (output up to date), ` +
          `${result.queued} already in the queue; queue ${result.queue} at ${result.url}\n`
      )
    })

  const status = queue
    .command('status')
    .description(
      'jobs waiting, active, waiting for a retry, done and failed; worker processes; pages/s, files/s and ETA. ' +
        'With --wait: a progress bar (a line every 10 s off a terminal) until nothing is left, then exit 0 when every job parsed, 1 when some failed.'
    )
  addQueueOptions(status)
    .option('--wait', 'follow the queue until it is drained')
    .option('--interval <seconds>', 'with --wait: seconds between two looks (default: 1)', positiveNumber)
    .option('--json', 'print the status as JSON on stdout')
    .option('-q, --quiet', 'with --wait: no progress and no failure lines')
    .action(async (options: QueueCommandOptions & {wait?: boolean; interval?: number; json?: boolean; quiet?: boolean}) => {
      if (!options.wait) {
        const result = await queueStatus(connectionOf(options))
        process.stdout.write((options.json ? JSON.stringify(result) : statusText(result)) + '\n')
        return
      }
      const progress = createQueueProgress({stream: process.stderr, mode: options.quiet ? 'none' : process.stderr.isTTY ? 'bar' : 'lines'})
      const stop = new AbortController()
      const onSignal = () => stop.abort()
      process.on('SIGINT', onSignal)
      try {
        const result = await waitForQueue({
          ...connectionOf(options),
          intervalMs: (options.interval ?? 1) * 1000,
          signal: stop.signal,
          onStatus: (s) => progress.onStatus(s),
          onFailure: (file) => progress.onFailure(file)
        })
        progress.stop()
        process.stdout.write((options.json ? JSON.stringify(result) : statusText(result)) + '\n')
        process.exitCode = !result.drained ? 130 : result.failed > 0 ? 1 : 0
      } finally {
        progress.stop()
        process.off('SIGINT', onSignal)
      }
    })

  const report = queue
    .command('report')
    .description('write report.json in the bulk report format: every job\'s status, every failure with its reason and rule, totals. Exit 1 when some failed.')
    .requiredOption('-o, --out <dir>', 'the output folder: the report goes to <dir>/report.json')
    .option('--report <file>', 'write the report here instead')
  addQueueOptions(report)
    .option('-q, --quiet', 'no summary')
    .action(async (options: QueueCommandOptions & {out: string; report?: string; quiet?: boolean}) => {
      const result = await queueReport({...connectionOf(options), out: options.out, report: options.report})
      if (!options.quiet) process.stderr.write(summaryText(result, queueReportPath(options)) + '\n')
      process.exitCode = result.totals.failed > 0 ? 1 : 0
    })

  const retry = queue.command('retry-failed').description('put every failed job back in the queue, its tries counted afresh (after fixing the cause)')
  addQueueOptions(retry).action(async (options: QueueCommandOptions) => {
    const n = await retryFailed(connectionOf(options))
    process.stderr.write(`sohoa: ${n} failed job(s) back in the queue\n`)
  })

  const clean = queue
    .command('clean')
    .description('forget a finished run: remove the done and failed jobs and the counters (outputs stay); --all removes the waiting jobs too')
  addQueueOptions(clean)
    .option('--all', 'remove every job, waiting ones too (refused while a worker runs one)')
    .action(async (options: QueueCommandOptions & {all?: boolean}) => {
      const result = await cleanQueue({...connectionOf(options), all: options.all})
      const waiting = options.all ? `, ${result.waiting} waiting` : ''
      process.stderr.write(`sohoa: removed ${result.done} done and ${result.failed} failed job(s)${waiting}\n`)
    })
}
