/**
 * `sohoa parse`: one file → its JSON (contract v1) on stdout, messages on
 * stderr like a linter; many files, folders or globs → `--out DIR` (one
 * JSON per input) or `--jsonl FILE`, with a progress bar, `--resume`,
 * per-file limits and a report (`src/bulk/`).
 *
 * Exit codes: 0 every file parsed, 1 some failed, 2 usage error,
 * 130 interrupted (Ctrl-C).
 */
import {stat} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import type {Command} from 'commander'
import {isDynamicPattern} from 'tinyglobby'
import {bulkParse, createProgress, parseInput, reportPathOf, summaryText, UsageError, type Limits} from '../../bulk/index.js'
import {summarize} from '../../output/summary.js'
import {addLimitOptions, limitsOf, nonNegativeNumber, positiveInteger, type LimitCommandOptions} from '../arguments.js'
import {formatMessages} from '../report.js'

/** The options of `sohoa parse`, as commander hands them over. */
interface ParseCommandOptions extends LimitCommandOptions {
  out?: string
  jsonl?: string
  report?: string
  resume?: boolean
  concurrency?: number
  grace?: number
  summary?: boolean
  compact?: boolean
  pdf?: boolean
  review?: boolean
  quiet?: boolean
}

/** Register `parse` on the program. */
export function register(program: Command): void {
  const cores = availableParallelism()
  const parse = program
    .command('parse')
    .description(
      'parse documents to JSON (schema: `sohoa schema`). One file: the JSON on stdout, messages on stderr. ' +
        'Many files, folders or globs: --out DIR or --jsonl FILE, a progress bar, a summary and a report. ' +
        'Exit 0 when every file parsed, 1 when some failed, 2 on a usage error, 130 when interrupted.'
    )
    .argument('<inputs...>', 'files (text, PDF, PNG, JPEG, TIFF, WebP, DOCX, DOC: recognised by content), folders (searched recursively for .txt .md .pdf .png .jpg .tif .webp .docx .doc) or globs')
    .option('-o, --out <dir>', 'write one <name>.json per input here, mirroring sub-folders, and report.json')
    .option('--jsonl <file>', 'write one JSON line per input to this file instead ("-": stdout); started afresh, or appended to with --resume')
    .option('--report <file>', 'where to write the report (default: <dir>/report.json; with --jsonl x.jsonl: x.report.json)')
    .option('--resume', 'skip inputs whose output exists and records the same source.sha256')
    .option('-j, --concurrency <n>', `files parsed at once (default: ${cores}, the number of cores); OCR uses one shared pool of ${cores} workers`, positiveInteger)
  addLimitOptions(parse)
    .option('--grace <seconds>', 'after Ctrl-C, how long files in progress may finish before they are abandoned (default: 30; Ctrl-C twice: at once)', nonNegativeNumber)
    .option('--summary', 'one file: print a short summary instead of the whole JSON (date: ISO or null; dateRaw: as written)')
    .option('--compact', 'print (or write under --out) the JSON on one line')
    .option('--pdf', 'with --out: also write a searchable PDF of each PDF or image input beside its JSON (x.pdf; x.searchable.pdf when x.pdf is an input); see `sohoa pdf`')
    .option('--review', 'with --out: also write a review page beside each JSON (x.html); see `sohoa review`')
    .option('-q, --quiet', 'one file: do not print messages; many: no progress and no failure lines (the summary stays)')
    .action(async (inputs: string[], options: ParseCommandOptions) => {
      const limits = limitsOf(options)
      if (!options.out && !options.jsonl) await parseOne(inputs, options, limits)
      else await parseMany(inputs, options, limits)
    })
}

/** One file, no sink: the JSON (or its summary) on stdout, messages on stderr. */
async function parseOne(inputs: string[], options: ParseCommandOptions, limits: Limits): Promise<void> {
  const [input] = inputs
  const isFolder = inputs.length === 1 && (await stat(input).then((s) => s.isDirectory(), () => false))
  const isGlob = inputs.length === 1 && !isFolder && isDynamicPattern(input) && !(await stat(input).catch(() => undefined))
  if (inputs.length > 1 || isFolder || isGlob) {
    throw new UsageError('several inputs, a folder or a glob need --out DIR or --jsonl FILE')
  }
  if (options.resume || options.report) throw new UsageError('--resume and --report need --out DIR or --jsonl FILE')
  if (options.pdf || options.review) throw new UsageError('--pdf and --review need --out DIR; for one file use `sohoa pdf` or `sohoa review`')
  const {output, messages} = await parseInput(input, {limits})
  const value = options.summary ? summarize(output) : output
  process.stdout.write(JSON.stringify(value, null, options.compact ? undefined : 2) + '\n')
  const report = formatMessages(input, messages)
  if (report && !options.quiet) process.stderr.write(report + '\n')
}

/** A batch: outputs to --out or --jsonl, progress and summary on stderr, the exit code from the report. */
async function parseMany(inputs: string[], options: ParseCommandOptions, limits: Limits): Promise<void> {
  if (options.summary) throw new UsageError('--summary prints one file\'s summary; with --out or --jsonl see the report')
  const stop = new AbortController()
  const abandon = new AbortController()
  let interrupts = 0
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++
    if (signal === 'SIGTERM' || interrupts > 1) abandon.abort()
    else stop.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const progress = createProgress({
    stream: process.stderr,
    mode: options.quiet ? 'none' : process.stderr.isTTY ? 'bar' : 'lines'
  })
  try {
    const report = await bulkParse({
      inputs,
      out: options.out,
      jsonl: options.jsonl,
      report: options.report,
      resume: options.resume,
      concurrency: options.concurrency,
      limits,
      compact: options.compact,
      pdf: options.pdf,
      review: options.review,
      graceSeconds: options.grace,
      signal: stop.signal,
      abandonSignal: abandon.signal,
      onEvent: (event) => progress.onEvent(event)
    })
    progress.stop()
    process.stderr.write(summaryText(report, reportPathOf(options)) + '\n')
    process.exitCode = report.interrupted ? 130 : report.totals.failed > 0 ? 1 : 0
  } finally {
    progress.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
