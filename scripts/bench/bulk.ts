/**
 * Bulk import: `sohoa parse DIR --out OUT` as users run it, a child process
 * running the built CLI (`dist/`, built first with `tsconfig.build.json`;
 * `--sources` runs the sources through tsx instead). Text throughput
 * (files/s) and peak RSS over N generated decisions, the process's RSS
 * sampled through the run (flat or growing?), the time of a `--resume`
 * rerun over the finished outputs, and OCR throughput (pages/s) over
 * scanned fixtures with one file at a time and with one per core.
 *
 *   npm run bench -- bulk [--files 1000] [--ocr-pages 12] [--skip-ocr] [--sources]
 *
 * The inputs are generated in a temporary folder and deleted afterwards.
 * RSS sampling reads /proc/<pid>/status (Linux); elsewhere it is skipped.
 */
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {availableParallelism, loadavg, tmpdir} from 'node:os'
import path from 'node:path'
import type {BulkReport} from '../../src/bulk/index.js'
import {table} from '../table.js'
import {cliCommand, numberOption, root, startCli} from './cli.js'

/** One-line title of this benchmark. */
export const title = 'Bulk import: text files/s, peak RSS, --resume rerun, OCR pages/s'

/** How to start the CLI: node arguments before the sohoa arguments. */
let command: string[] = []

/** Run the benchmark and print its tables. */
export async function run(args: string[]): Promise<void> {
  const option = (name: string, fallback: number) => numberOption(args, name, fallback)
  const files = option('--files', 1000)
  const ocrPages = option('--ocr-pages', 12)
  command = cliCommand(args)
  const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-bench-bulk-'))
  const loadBefore = loadavg()[0]
  try {
    const rows: Array<Record<string, string | number | null>> = []
    const text = path.join(tmp, 'text')
    const bytes = makeDecisions(text, files)
    const out = path.join(tmp, 'text-out')
    const first = await sohoa(['parse', text, '--out', out, '-q'])
    rows.push(row(`text: ${files} decisions (${(bytes / 1e6).toFixed(1)} MB)`, first))
    const resumed = await sohoa(['parse', text, '--out', out, '--resume', '-q'])
    rows.push(row(`--resume over ${files} finished outputs`, resumed))
    if (!args.includes('--skip-ocr')) {
      const scans = path.join(tmp, 'scans')
      makeScans(scans, ocrPages)
      for (const concurrency of [1, availableParallelism()]) {
        const run = await sohoa(['parse', scans, '--out', path.join(tmp, `scans-out-${concurrency}`), '-q', '--concurrency', String(concurrency)])
        rows.push(row(`OCR: ${ocrPages} scanned pages, ${concurrency} file(s) at once`, run))
      }
    }
    process.stdout.write(table(rows))
    if (first.samples.length > 0) {
      process.stdout.write(`\nRSS of the ${files}-file text run, sampled every ${sampleMs} ms (MB), by tenth of the run:\n\n`)
      process.stdout.write(table([rssByTenth(first.samples)]))
      const rest = first.samples.slice(Math.floor(first.samples.length / 10))
      const [low, high] = [Math.min(...rest), Math.max(...rest)].map(Math.round)
      process.stdout.write(`\nAfter the first tenth (workers starting) RSS stays between ${low} and ${high} MB.\n`)
    }
    const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`
    process.stdout.write(`\n${availableParallelism()} cores, shared machine (${load}); node ${process.version}; ${args.includes('--sources') ? 'the sources through tsx' : 'the built CLI (dist/)'}.\n`)
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
}

/** Write `n` decisions (the seeds, each with its own year so every hash differs) in 10 sub-folders; returns their bytes. */
export function makeDecisions(dir: string, n: number): number {
  const seeds = [0, 1, 2, 3, 4].map((i) => readFileSync(path.join(root, `fixtures/seed-00${i}/input.txt`), 'utf8'))
  let bytes = 0
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `d${i % 10}`)
    mkdirSync(sub, {recursive: true})
    const text = seeds[i % 5].replace(/năm 20(\d\d)/, `năm ${1900 + (i % 200)}`) + `\n<!-- ${i} -->\n`
    writeFileSync(path.join(sub, `qd-${i}.txt`), text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}

/** Copy one-page scans (a scanned PDF, a PNG, a phone photo) until there are `pages`. */
export function makeScans(dir: string, pages: number): void {
  mkdirSync(dir, {recursive: true})
  const sources = ['scanned-pdf/input.pdf', 'table-png/input.png', 'phone-jpeg/input.jpg']
  for (let i = 0; i < pages; i++) {
    const source = sources[i % sources.length]
    copyFileSync(path.join(root, 'fixtures/read', source), path.join(dir, `scan-${i}${path.extname(source)}`))
  }
}

const sampleMs = 250

interface Measured {
  code: number | null
  seconds: number
  report: BulkReport
  /** RSS samples (MB) of the child process. */
  samples: number[]
}

/** Run the CLI, sampling its RSS; returns the report it wrote. */
async function sohoa(args: string[]): Promise<Measured> {
  const started = performance.now()
  const run = startCli(command, args)
  const samples: number[] = []
  const timer = setInterval(() => {
    const rss = rssOf(run.child.pid)
    if (rss !== undefined) samples.push(rss)
  }, sampleMs)
  const code = await run.exit.finally(() => clearInterval(timer))
  const seconds = (performance.now() - started) / 1000
  const out = args[args.indexOf('--out') + 1]
  try {
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BulkReport
    return {code, seconds, report, samples}
  } catch (error) {
    throw new Error(`sohoa ${args.join(' ')} exited ${code} without a report:\n${run.stderr()}`, {cause: error})
  }
}

/** Resident memory of a process in MB (Linux /proc), or undefined. */
function rssOf(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1]
    return kb ? Number(kb) / 1024 : undefined
  } catch {
    return undefined
  }
}

function row(name: string, m: Measured): Record<string, string | number | null> {
  const t = m.report.totals
  return {
    run: name,
    exit: m.code,
    'wall s': m.seconds.toFixed(1),
    parsed: t.parsed,
    skipped: t.skipped,
    failed: t.failed,
    pages: t.pages,
    'files/s': t.parsed + t.failed > 0 ? t.filesPerSecond.toFixed(1) : null,
    'pages/s': t.pages > 0 ? t.pagesPerSecond.toFixed(2) : null,
    'peak RSS MB': t.peakRssMb
  }
}

/** The largest sample in each tenth of the run. */
function rssByTenth(samples: number[]): Record<string, number> {
  const row: Record<string, number> = {}
  for (let i = 0; i < 10; i++) {
    const part = samples.slice(Math.floor((i * samples.length) / 10), Math.max(Math.floor(((i + 1) * samples.length) / 10), Math.floor((i * samples.length) / 10) + 1))
    row[`${(i + 1) * 10}%`] = Math.round(Math.max(...part))
  }
  return row
}
