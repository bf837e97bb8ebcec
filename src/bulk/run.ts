/**
 * `bulkParse`: parse many files unattended. Inputs are found (files,
 * folders, globs), `--resume` skips those whose output is up to date, the
 * rest are parsed by a pool of worker threads sharing one OCR pool, and
 * every output is written atomically (`--out DIR`: one JSON file per
 * input, mirroring sub-folders; `--jsonl FILE`: one line per input). A
 * file that fails is recorded with its reason and the batch goes on; the
 * run ends with a report.
 */
import {mkdir} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {createOcrPool, type OcrPool} from '../read/index.js'
import {forEachLimit} from '../util/for-each-limit.js'
import {removeStaleTemporaries, writeFileAtomic} from './atomic-write.js'
import type {BulkEvent} from './events.js'
import {indexJsonl, JsonlSink, resumeKey} from './jsonl-sink.js'
import {checkedLimits, type Limits} from './limits.js'
import {checkOutputFile, checkOutputFolder} from './output-places.js'
import {planFiles} from './plan.js'
import {processFile, type FileOptions} from './process-file.js'
import {totalsOf, type BulkReport, type FileReport} from './report.js'
import {extraOutputsPresent, hashFile, recordedSha256} from './resume.js'
import {UsageError} from './usage-error.js'
import {ParseWorkers} from './worker-pool.js'

/** Options of `bulkParse`. */
export interface BulkOptions {
  /** Files, folders (searched recursively) and globs. */
  inputs: string[]
  /** Write `<name>.json` per input under this folder, mirroring sub-folders. */
  out?: string
  /** Append one JSON line per input to this file (`-`: stdout) instead. */
  jsonl?: string
  /** Where to write the report (default `<out>/report.json`, or `<jsonl without .jsonl>.report.json`). */
  report?: string
  /** Skip inputs whose output exists and records the input's current sha256. */
  resume?: boolean
  /** Files parsed at once (default: the number of cores). */
  concurrency?: number
  /** Workers of the shared OCR pool (default: the number of cores). Ignored when `ocr` is given. */
  ocrWorkers?: number
  /** A shared OCR pool to use (the caller terminates it); by default the run makes one. */
  ocr?: OcrPool
  /** Per-file limits (see `defaultLimits`). */
  limits?: Partial<Limits>
  /** Outputs under `out` on one line instead of indented. */
  compact?: boolean
  /** Also write a searchable PDF of each PDF or image input beside its JSON (`x.pdf`; needs `out`). */
  pdf?: boolean
  /** Also write a review page of each input beside its JSON (`x.html`; needs `out`). */
  review?: boolean
  /** Flush every output to disk before renaming it into place (default true). */
  fsync?: boolean
  /** Seconds the running files get to finish after `signal` aborts, before they are abandoned (default 30). */
  graceSeconds?: number
  /** When aborted: take no new files, let the running ones finish (within `graceSeconds`). */
  signal?: AbortSignal
  /** When aborted: abandon the running files at once. */
  abandonSignal?: AbortSignal
  /** Heap limit of each parse worker, MB (default 2048). */
  workerMemoryMb?: number
  /** Replace a parse worker after this many files (default 500). */
  recycleAfter?: number
  /** Told of the run's progress. */
  onEvent?: (event: BulkEvent) => void
}

/** Run a batch; resolves with the report (also written to `report`). Throws `UsageError` on impossible options. */
export async function bulkParse(options: BulkOptions): Promise<BulkReport> {
  const startedAt = new Date()
  const settings = checkOptions(options)
  const {limits, concurrency, ocrWorkers} = settings
  const emit = (event: BulkEvent) => options.onEvent?.(event)
  const reportPath = reportPathOf(options)
  if (options.out) await checkOutputFolder(options.out, '--out')
  if (options.jsonl && options.jsonl !== '-') await checkOutputFile(options.jsonl, '--jsonl')
  if (options.report) await checkOutputFile(options.report, '--report')
  const {entries} = await planFiles({
    inputs: options.inputs,
    out: options.out,
    jsonl: options.jsonl,
    report: reportPath,
    pdf: options.pdf,
    review: options.review,
    onNotice: (message) => emit({type: 'notice', message})
  })

  let stopping = false
  let sink: JsonlSink | undefined
  let jsonlDone: Map<string, Set<string>> | undefined
  if (options.out) {
    await mkdir(options.out, {recursive: true})
    const stale = await removeStaleTemporaries(options.out)
    if (stale) emit({type: 'notice', message: `removed ${stale} temporary file(s) a killed run left in ${options.out}`})
  }
  if (options.jsonl) {
    if (options.resume) {
      const index = await indexJsonl(options.jsonl)
      if (index.cut) emit({type: 'notice', message: `${options.jsonl}: cut off a partial last line (${index.cut} bytes) a killed run left`})
      jsonlDone = new Map()
      for (const key of index.keys) {
        const [p, sha] = key.split('\u0000')
        if (!jsonlDone.has(p)) jsonlDone.set(p, new Set())
        jsonlDone.get(p)!.add(sha)
      }
    }
    sink = await JsonlSink.open(options.jsonl, Boolean(options.resume))
  }

  if (options.resume) {
    await forEachLimit(entries, 16, async (entry) => {
      if (options.signal?.aborted) return
      const recorded = entry.output ? await recordedSha256(entry.output) : undefined
      const candidates = jsonlDone?.get(entry.path)
      if (!recorded && !candidates) return
      const sha256 = await hashFile(entry.path).catch(() => undefined)
      // The outputs asked for must be there too.
      if (sha256 && (sha256 === recorded || candidates?.has(sha256)) && (await extraOutputsPresent(entry))) entry.status = 'skipped'
    })
  }

  const queue = entries.filter((e) => e.status === 'pending')
  emit({type: 'start', files: entries.length, skipped: entries.length - queue.length, toParse: queue.length})

  const ownOcr = options.ocr ? undefined : createOcrPool({workers: ocrWorkers})
  const ocr = options.ocr ?? ownOcr!
  const workers = new ParseWorkers({size: concurrency, ocr, memoryMb: options.workerMemoryMb, recycleAfter: options.recycleAfter})
  const fileOptions: FileOptions = {limits, indent: options.jsonl || options.compact ? 0 : 2}
  let done = 0
  let failed = 0
  let pagesRead = 0

  const parseOne = async (entry: FileReport): Promise<void> => {
    await processFile(workers, entry, fileOptions, {
      sink,
      fsync: options.fsync,
      onPage: () => {
        pagesRead++
        emit({type: 'page', pages: pagesRead})
      }
    })
    if (entry.status !== 'interrupted') done++
    if (entry.status === 'failed') failed++
    emit({type: 'file', file: entry, done, toParse: queue.length, failed, pages: pagesRead})
  }

  try {
    await new Promise<void>((resolve) => {
      const running = new Set<Promise<void>>()
      let next = 0
      let graceTimer: NodeJS.Timeout | undefined
      let abandoned = false
      const finish = () => {
        if (running.size > 0) return
        clearTimeout(graceTimer)
        options.signal?.removeEventListener('abort', stop)
        options.abandonSignal?.removeEventListener('abort', abandon)
        resolve()
      }
      const pump = () => {
        while (!stopping && running.size < concurrency && next < queue.length) {
          const task: Promise<void> = parseOne(queue[next++]).finally(() => {
            running.delete(task)
            pump()
          })
          running.add(task)
        }
        finish()
      }
      const abandon = () => {
        stopping = true
        if (abandoned) return
        abandoned = true
        clearTimeout(graceTimer)
        emit({type: 'abandoning', running: running.size})
        void workers.abandon()
      }
      const stop = () => {
        if (stopping) return
        stopping = true
        const graceSeconds = options.graceSeconds ?? 30
        emit({type: 'stopping', running: running.size, graceSeconds})
        if (running.size > 0) graceTimer = setTimeout(abandon, graceSeconds * 1000)
        finish()
      }
      options.signal?.addEventListener('abort', stop)
      options.abandonSignal?.addEventListener('abort', abandon)
      if (options.signal?.aborted) stop()
      if (options.abandonSignal?.aborted) abandon()
      pump()
    })
  } finally {
    await workers.close()
    await ownOcr?.terminate()
    await sink?.close()
  }

  const finishedAt = new Date()
  const report: BulkReport = {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    interrupted: entries.some((e) => e.status === 'interrupted' || e.status === 'pending'),
    out: options.out ?? null,
    jsonl: options.jsonl ?? null,
    settings: {concurrency, ocrWorkers: ocr.size, resume: Boolean(options.resume), limits},
    totals: totalsOf(entries, (finishedAt.getTime() - startedAt.getTime()) / 1000),
    failures: entries.filter((e) => e.status === 'failed').map((e) => ({path: e.path, reason: e.reason ?? '', rule: e.rule ?? ''})),
    files: entries
  }
  if (reportPath) await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n', {fsync: options.fsync})
  return report
}

/** The report's path for `options` (undefined when the JSONL goes to stdout and none is named). */
export function reportPathOf(options: Pick<BulkOptions, 'out' | 'jsonl' | 'report'>): string | undefined {
  if (options.report) return options.report
  if (options.out) return path.join(options.out, 'report.json')
  if (options.jsonl && options.jsonl !== '-') return options.jsonl.replace(/\.jsonl$/i, '') + '.report.json'
  return undefined
}

function checkOptions(options: BulkOptions): {limits: Limits; concurrency: number; ocrWorkers: number} {
  if (options.out && options.jsonl) throw new UsageError('give --out DIR or --jsonl FILE, not both')
  if (!options.out && !options.jsonl) throw new UsageError('give --out DIR or --jsonl FILE for the outputs')
  if (options.resume && options.jsonl === '-') throw new UsageError('--resume needs a JSONL file, not stdout')
  if ((options.pdf || options.review) && !options.out) throw new UsageError('--pdf and --review write beside each JSON: give --out DIR')
  const cores = availableParallelism()
  const concurrency = options.concurrency ?? cores
  const ocrWorkers = options.ocr?.size ?? options.ocrWorkers ?? cores
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a positive integer, not ${concurrency}`)
  if (!Number.isInteger(ocrWorkers) || ocrWorkers < 1) throw new UsageError(`OCR workers must be a positive integer, not ${ocrWorkers}`)
  const limits = checkedLimits(options.limits)
  return {limits, concurrency, ocrWorkers}
}
