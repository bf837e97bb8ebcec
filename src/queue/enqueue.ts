/**
 * `enqueue` (`sohoa queue add`): one job per input. The inputs are found
 * as `sohoa parse` finds them, each output path is the one `--out` would
 * give it, and each input is hashed: an input whose output records the
 * same sha256 is skipped (as `--resume` does), an input already in the
 * queue (same job id) is left alone, the rest are added.
 */
import path from 'node:path'
import {checkedLimits, type Limits} from '../bulk/limits.js'
import {checkOutputFolder} from '../bulk/output-places.js'
import {planFiles} from '../bulk/plan.js'
import type {FileOptions} from '../bulk/process-file.js'
import {extraOutputsPresent, hashFile, recordedSha256} from '../bulk/resume.js'
import {UsageError} from '../bulk/usage-error.js'
import {forEachLimit} from '../util/for-each-limit.js'
import {jobIdOf, jobName, type JobData} from './job.js'
import {openQueue, type QueueConnectionOptions} from './open-queue.js'

/** Options of `enqueue`. */
export interface EnqueueOptions extends QueueConnectionOptions {
  /** Files, folders (searched recursively) and globs, on storage every worker sees. */
  inputs: string[]
  /** The output folder, on storage every worker sees. */
  out: string
  /** BullMQ priority of these jobs: 1 is the highest; unset jobs go before any prioritized one. */
  priority?: number
  /** Per-file limits (see `defaultLimits`). */
  limits?: Partial<Limits>
  /** Outputs on one line instead of indented. */
  compact?: boolean
  /** Also write a searchable PDF (`x.pdf`) of each PDF or image input beside its JSON. */
  pdf?: boolean
  /** Also write a review page (`x.html`) beside each JSON. */
  review?: boolean
  /** Tries of a job whose parse worker crashed or whose output could not be written (default 3); bad input is tried once. */
  attempts?: number
  /** First wait before a retry, ms, doubled at each try (default 5000). */
  backoffMs?: number
  /** Told of globs and folders that matched nothing. */
  onNotice?: (message: string) => void
}

/** What `enqueue` did. */
export interface EnqueueResult {
  /** Inputs found. */
  files: number
  /** Jobs added. */
  added: number
  /** Inputs whose output records their current sha256: not queued. */
  skipped: number
  /** Inputs with a job in the queue already (any state): left as they are. */
  queued: number
  /** The queue's name and Redis URL. */
  queue: string
  url: string
}

/** Jobs added per round trip. */
const batchSize = 500

/** Add one job per input; throws `UsageError` (bad options, no input) or `RedisUnreachableError`. */
export async function enqueue(options: EnqueueOptions): Promise<EnqueueResult> {
  const limits = checkedLimits(options.limits)
  const attempts = options.attempts ?? 3
  if (!Number.isInteger(attempts) || attempts < 1) throw new UsageError(`attempts must be a positive integer, not ${attempts}`)
  const priority = options.priority
  if (priority !== undefined && (!Number.isInteger(priority) || priority < 1 || priority > 2_097_152)) {
    throw new UsageError(`--priority must be an integer from 1 (highest) to 2097152, not ${priority}`)
  }
  const out = path.resolve(options.out)
  await checkOutputFolder(options.out, '--out')
  const {entries} = await planFiles({inputs: options.inputs, out, report: path.join(out, 'report.json'), pdf: options.pdf, review: options.review, onNotice: options.onNotice})
  const fileOptions: FileOptions = {limits, indent: options.compact ? 0 : 2}

  const open = await openQueue(options)
  try {
    const jobs: Array<{id: string; data: JobData}> = []
    let skipped = 0
    await forEachLimit(entries, 16, async (entry) => {
      const input = path.resolve(entry.path)
      const output = entry.output!
      const sha256 = await hashFile(input).catch(() => null)
      if (sha256 && (await recordedSha256(output)) === sha256 && (await extraOutputsPresent(entry))) {
        skipped++
        return
      }
      const extras = {...(entry.pdf ? {pdf: entry.pdf} : {}), ...(entry.review ? {review: entry.review} : {})}
      jobs.push({id: jobIdOf(sha256, output), data: {version: 1, path: input, output, sha256, options: fileOptions, ...extras}})
    })
    jobs.sort((a, b) => a.data.path.localeCompare(b.data.path))
    let added = 0
    for (let start = 0; start < jobs.length; start += batchSize) {
      const batch = jobs.slice(start, start + batchSize)
      const known = await Promise.all(batch.map((job) => open.queue.getJobState(job.id)))
      const fresh = batch.filter((_, i) => known[i] === 'unknown')
      await open.queue.addBulk(
        fresh.map((job) => ({
          name: jobName,
          data: job.data,
          opts: {
            jobId: job.id,
            priority,
            attempts,
            backoff: {type: 'exponential', delay: options.backoffMs ?? 5000},
            removeOnComplete: false,
            removeOnFail: false
          }
        }))
      )
      added += fresh.length
    }
    return {files: entries.length, added, skipped, queued: jobs.length - added, queue: open.name, url: open.url}
  } finally {
    await open.close()
  }
}

