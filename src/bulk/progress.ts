/**
 * Progress of a bulk run on stderr: a bar on a terminal (cli-progress:
 * files done/total, pages/s, files/s, ETA, failures so far), plain lines
 * elsewhere (a log, CI) at most every `intervalSeconds`. Each failure is
 * printed as it happens, one line naming the file.
 */
import cliProgress from 'cli-progress'
import type {BulkEvent} from './events.js'
import {failureLine} from './report.js'

/** How progress shows. */
export type ProgressMode = 'bar' | 'lines' | 'none'

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** Where to write (stderr). */
  stream: NodeJS.WriteStream
  /** `bar` on a terminal, `lines` otherwise, `none` for quiet (failures are not printed either). */
  mode: ProgressMode
  /** Seconds between plain progress lines (default 10). */
  intervalSeconds?: number
}

/** A progress display: feed it the run's events, stop it before printing the summary. */
export interface Progress {
  onEvent(event: BulkEvent): void
  stop(): void
}

/** Create the progress display for `options.mode`. */
export function createProgress(options: ProgressOptions): Progress {
  if (options.mode === 'none') return {onEvent() {}, stop() {}}
  return options.mode === 'bar' ? barProgress(options.stream) : lineProgress(options.stream, options.intervalSeconds ?? 10)
}

/** Rates since the first file started. */
function rates(started: number, done: number, pages: number): {filesPerSecond: string; pagesPerSecond: string} {
  const seconds = Math.max(1e-3, (performance.now() - started) / 1000)
  return {filesPerSecond: (done / seconds).toFixed(1), pagesPerSecond: (pages / seconds).toFixed(1)}
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const multibar = new cliProgress.MultiBar(
    {
      stream,
      format: ' {bar} {value}/{total} files | {pagesPerSecond} pages/s | {filesPerSecond} files/s | ETA {remaining} | {failed} failed',
      hideCursor: true,
      clearOnComplete: false,
      fps: 5
    },
    cliProgress.Presets.shades_classic
  )
  let bar: cliProgress.SingleBar | undefined
  let started = performance.now()
  let total = 0
  let done = 0
  let failed = 0
  let pages = 0
  const payload = () => ({...rates(started, done, pages), failed, remaining: eta(started, done, total)})
  return {
    onEvent(event) {
      if (event.type === 'start') {
        started = performance.now()
        if (event.skipped) multibar.log(`sohoa: ${event.skipped} of ${event.files} files up to date (--resume)\n`)
        total = event.toParse
        bar = multibar.create(total, 0, payload())
      } else if (event.type === 'file') {
        ;({done, failed, pages} = event)
        if (event.file.status === 'failed') multibar.log(failureLine(event.file) + '\n')
        bar?.update(done, payload())
      } else if (event.type === 'page') {
        pages = event.pages
        bar?.update(payload())
      } else if (event.type === 'stopping') {
        multibar.log(`sohoa: stopping: waiting up to ${event.graceSeconds} s for ${event.running} file(s) in progress (Ctrl-C again to abandon them)\n`)
      } else if (event.type === 'abandoning') {
        multibar.log(`sohoa: abandoning ${event.running} file(s) in progress\n`)
      } else {
        multibar.log(`sohoa: ${event.message}\n`)
      }
    },
    stop() {
      multibar.stop()
    }
  }
}

function lineProgress(stream: NodeJS.WriteStream, intervalSeconds: number): Progress {
  let started = performance.now()
  let last = started
  let toParse = 0
  const write = (line: string) => stream.write(line + '\n')
  return {
    onEvent(event) {
      if (event.type === 'start') {
        started = last = performance.now()
        toParse = event.toParse
        const skipped = event.skipped ? `, ${event.skipped} up to date (--resume)` : ''
        write(`sohoa: ${event.toParse} of ${event.files} files to parse${skipped}`)
      } else if (event.type === 'file') {
        if (event.file.status === 'failed') write(failureLine(event.file))
        const now = performance.now()
        if (now - last < intervalSeconds * 1000 && event.done < toParse) return
        last = now
        const {filesPerSecond, pagesPerSecond} = rates(started, event.done, event.pages)
        write(`sohoa: ${event.done}/${toParse} files, ${event.failed} failed, ${pagesPerSecond} pages/s, ${filesPerSecond} files/s, ETA ${eta(started, event.done, toParse)}`)
      } else if (event.type === 'stopping') {
        write(`sohoa: stopping: waiting up to ${event.graceSeconds} s for ${event.running} file(s) in progress (Ctrl-C again to abandon them)`)
      } else if (event.type === 'abandoning') {
        write(`sohoa: abandoning ${event.running} file(s) in progress`)
      } else if (event.type === 'notice') {
        write(`sohoa: ${event.message}`)
      }
    },
    stop() {}
  }
}

/** Time left at the mean rate so far (`—` before the first file is done). */
function eta(started: number, done: number, total: number): string {
  if (done === 0) return '—'
  const seconds = (performance.now() - started) / 1000
  return formatDuration(Math.round(((total - done) * seconds) / done))
}

/** `75` → `1m15s`. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = Math.floor(seconds % 60)
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`
}
