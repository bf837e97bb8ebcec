/**
 * How `sohoa queue status` shows a queue on stderr: one status line; with
 * `--wait` a progress bar on a terminal (jobs finished/total, waiting,
 * running, pages/s, files/s, ETA, failures) and plain lines elsewhere at
 * most every `intervalSeconds`. Each failure is printed once, as a bulk
 * run prints it (`path  error  reason  stage:rule`).
 */
import cliProgress from 'cli-progress'
import {formatDuration, type ProgressMode} from '../bulk/progress.js'
import {failureLine, type FileReport} from '../bulk/report.js'
import type {QueueStatus} from './status.js'

/** One line for a status: counts, workers, rates, ETA. */
export function statusText(status: QueueStatus): string {
  const rates =
    status.pagesPerSecond === null ? 'no job finished yet' : `${status.pagesPerSecond.toFixed(1)} pages/s, ${status.filesPerSecond?.toFixed(1)} files/s`
  const eta = status.drained ? 'drained' : `ETA ${etaText(status)}`
  return (
    `sohoa: queue ${status.queue} at ${status.url}: ${status.waiting} waiting, ${status.active} active, ${status.delayed} to retry, ` +
    `${status.done} done, ${status.failed} failed (${status.total} jobs); ${status.workers} worker(s); ${rates}; ${eta}`
  )
}

function etaText(status: QueueStatus): string {
  return status.etaSeconds === null ? '—' : formatDuration(status.etaSeconds)
}

/** Options of `createQueueProgress`. */
export interface QueueProgressOptions {
  /** Where to write (stderr). */
  stream: NodeJS.WriteStream
  /** `bar` on a terminal, `lines` otherwise, `none` for quiet. */
  mode: ProgressMode
  /** Seconds between plain status lines (default 10). */
  intervalSeconds?: number
}

/** A display of a queue being drained: feed it statuses and failures, stop it before the last line. */
export interface QueueProgress {
  onStatus(status: QueueStatus): void
  onFailure(file: FileReport): void
  stop(): void
}

/** Create the display for `options.mode`. */
export function createQueueProgress(options: QueueProgressOptions): QueueProgress {
  if (options.mode === 'none') return {onStatus() {}, onFailure() {}, stop() {}}
  if (options.mode === 'lines') return lineProgress(options.stream, options.intervalSeconds ?? 10)
  const bar = new cliProgress.SingleBar(
    {
      stream: options.stream,
      format:
        ' {bar} {value}/{total} jobs | {waiting} waiting | {active} active | {pagesPerSecond} pages/s | {filesPerSecond} files/s | ETA {remaining} | {failed} failed | {workers} worker(s)',
      hideCursor: true,
      clearOnComplete: false,
      fps: 5
    },
    cliProgress.Presets.shades_classic
  )
  let started = false
  return {
    onStatus(status) {
      const payload = {
        waiting: status.waiting,
        active: status.active,
        pagesPerSecond: status.pagesPerSecond?.toFixed(1) ?? '—',
        filesPerSecond: status.filesPerSecond?.toFixed(1) ?? '—',
        remaining: etaText(status),
        failed: status.failed,
        workers: status.workers
      }
      const value = status.done + status.failed
      if (!started) {
        started = true
        bar.start(status.total, value, payload)
      } else {
        bar.setTotal(status.total)
        bar.update(value, payload)
      }
    },
    onFailure(file) {
      // Above the bar: clear its line, print, let the bar redraw.
      options.stream.write(`\r\x1b[K${failureLine(file)}\n`)
    },
    stop() {
      bar.stop()
    }
  }
}

function lineProgress(stream: NodeJS.WriteStream, intervalSeconds: number): QueueProgress {
  let last = -Infinity
  return {
    onStatus(status) {
      const now = performance.now()
      if (now - last < intervalSeconds * 1000 && !status.drained) return
      last = now
      stream.write(statusText(status) + '\n')
    },
    onFailure(file) {
      stream.write(failureLine(file) + '\n')
    },
    stop() {}
  }
}
