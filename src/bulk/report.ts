/**
 * The account of a bulk run: a status per file, the totals, every failure
 * with its reason (written as `report.json`), and the summary printed on
 * stderr at the end.
 */
import {messageLine} from '../output/message-line.js'
import type {Route} from '../read/types.js'
import type {Limits} from './limits.js'

/** What became of one input. */
export type FileStatus =
  /** Parsed, no warning or error message. */
  | 'parsed'
  /** Parsed with warnings (or error messages): see the output's `diagnostics`. */
  | 'warnings'
  /** Not parsed: `reason` says why. */
  | 'failed'
  /** `--resume`: its output is there and records the same sha256. */
  | 'skipped'
  /** Started, then abandoned when the run was interrupted. */
  | 'interrupted'
  /** Never started (the run was interrupted first). */
  | 'pending'

/** One input of the run. */
export interface FileReport {
  /** The input path (also the output's `source.path`). */
  path: string
  /** The output file under `--out`, null with `--jsonl`. */
  output: string | null
  /** With `--pdf`: the searchable PDF beside the output. */
  pdf?: string
  /** With `--review`: the review page beside the output. */
  review?: string
  status: FileStatus
  /** Why it failed or was interrupted. */
  reason?: string
  /** `stage:rule` of the failure (`read:unreadable`, `limits:max-bytes`, `limits:timeout`, `bulk:crashed`, …). */
  rule?: string
  /** Pages read (0 for text). */
  pages?: number
  route?: Route
  /** Messages by severity, as in the output's `diagnostics`. */
  diagnostics?: {error: number; warning: number; info: number}
  /** Time from start to output written. */
  seconds?: number
}

/** Counts and rates of a run. */
export interface BulkTotals {
  files: number
  /** Parsed, with or without warnings. */
  parsed: number
  /** Parsed with warnings (counted in `parsed` too). */
  warnings: number
  failed: number
  skipped: number
  interrupted: number
  pending: number
  /** Pages read (PDF and image pages; text files have none). */
  pages: number
  /** Wall time of the run. */
  seconds: number
  /** Files parsed or failed per second of wall time. */
  filesPerSecond: number
  pagesPerSecond: number
  /** Peak resident memory of the process (all its threads), MB; for a queue run, the largest of its workers'. */
  peakRssMb: number
}

/** `report.json`. */
export interface BulkReport {
  version: 1
  startedAt: string
  finishedAt: string
  /** True when Ctrl-C (or a signal) stopped the run before every file was done. */
  interrupted: boolean
  out: string | null
  jsonl: string | null
  /** For a queue run: the sum over its workers of files at once and of OCR workers. */
  settings: {concurrency: number; ocrWorkers: number; resume: boolean; limits: Limits}
  totals: BulkTotals
  /** Every failed file with its reason (also in `files`). */
  failures: Array<{path: string; reason: string; rule: string}>
  files: FileReport[]
  /** A queue run's (`sohoa queue report`): the queue's name and how many worker processes took part. */
  queue?: {name: string; workers: number}
}

/** Totals of `files` over `seconds`; `peakRssMb` defaults to this process's. */
export function totalsOf(files: readonly FileReport[], seconds: number, peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)): BulkTotals {
  const count = (status: FileStatus) => files.filter((f) => f.status === status).length
  const parsed = count('parsed') + count('warnings')
  const failed = count('failed')
  const pages = files.reduce((n, f) => n + (f.status === 'parsed' || f.status === 'warnings' ? (f.pages ?? 0) : 0), 0)
  const rate = (n: number) => (seconds > 0 ? round(n / seconds) : 0)
  return {
    files: files.length,
    parsed,
    warnings: count('warnings'),
    failed,
    skipped: count('skipped'),
    interrupted: count('interrupted'),
    pending: count('pending'),
    pages,
    seconds: round(seconds),
    filesPerSecond: rate(parsed + failed),
    pagesPerSecond: rate(pages),
    peakRssMb
  }
}

/** The summary lines printed on stderr at the end of a run. */
export function summaryText(report: BulkReport, reportPath?: string): string {
  const t = report.totals
  const parts = [`${t.parsed} parsed (${t.warnings} with warnings)`, `${t.failed} failed`]
  if (t.skipped) parts.push(`${t.skipped} skipped (up to date)`)
  if (t.interrupted) parts.push(`${t.interrupted} interrupted`)
  if (t.pending) parts.push(`${t.pending} not started`)
  const lines = [
    `sohoa: ${report.interrupted ? 'interrupted: ' : ''}${t.files} files in ${t.seconds.toFixed(1)} s: ${parts.join(', ')}`,
    `sohoa: ${t.pages} pages (${t.pagesPerSecond.toFixed(1)} pages/s), ${t.filesPerSecond.toFixed(1)} files/s, peak RSS ${t.peakRssMb} MB`
  ]
  if (reportPath) lines.push(`sohoa: report: ${reportPath}`)
  return lines.join('\n')
}

/** One line for a failed file, like a linter's: `path  error  reason  stage:rule` (as every command prints a failure). */
export function failureLine(file: FileReport): string {
  return messageLine({file: file.path}, 'error', file.reason ?? 'failed', file.rule ?? 'bulk:failed')
}

function round(x: number): number {
  return Math.round(x * 100) / 100
}
