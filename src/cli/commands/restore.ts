/**
 * `sohoa restore [FILE]`: restore Vietnamese diacritics (and repair OCR damage) in a text file or
 * stdin; the restored text goes to stdout with every line break and non-word character in place.
 * `sohoa restore FILES… --out DIR` restores many files in one process (`../restore-files.ts`).
 */
import {readFileSync} from 'node:fs'
import {Option, type Command} from 'commander'
import {defaultLimits} from '../../bulk/limits.js'
import {UsageError} from '../../bulk/usage-error.js'
import {loadModel} from '../../diacritics/load-model.js'
import {restore, type RestoreOptions} from '../../diacritics/restore.js'
import {fileSystemError} from '../../read/read-error.js'
import {byteSize} from '../arguments.js'
import {countLetterRuns, decodeText} from '../restore-input.js'

/** Read all of stdin. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** The options of `sohoa restore`. */
interface RestoreCommandOptions {
  mode: NonNullable<RestoreOptions['mode']>
  model?: string
  json?: boolean
  stats?: boolean
  out?: string
  maxBytes?: number
  quiet?: boolean
}

/** Register `restore` on the program. */
export function register(program: Command): void {
  program
    .command('restore')
    .description('restore Vietnamese diacritics and repair OCR damage: a file or stdin to stdout, or many files into a folder (--out) in one run')
    .argument('[files...]', 'text file (UTF-8); stdin when absent; with --out: files, folders (searched for .txt .text .md) and globs')
    .addOption(
      new Option('-m, --mode <mode>', 'stripped | ocr (an engine without Vietnamese) | marks (an engine with Vietnamese: marks only) | auto (decide per line)')
        .choices(['stripped', 'ocr', 'marks', 'auto'])
        .default('auto')
    )
    .option('--model <path>', 'model file (default: the shipped model)')
    .option('--json', 'write {text, tokens} as JSON instead of the text')
    .option('-o, --out <dir>', 'restore every input into this folder in one run: names kept (.json with --json), sub-folders mirrored, each file written whole or not at all; needed for more than one file')
    .option('--max-bytes <size>', `with --out: larger files fail unread (default: ${defaultLimits.maxBytes / 1024 ** 2}M; units K, M, G are powers of 1024)`, byteSize)
    .option('-q, --quiet', 'with --out: no progress, failure lines or summary (the exit code still tells)')
    .option('--stats', 'print timings, CPU time (whole process), word count and peak memory to stderr as JSON (with --out: of the whole run)')
    .action((files: string[], options: RestoreCommandOptions) => {
      if (options.out !== undefined) return restoreMany(files, options.out, options)
      if (files.length > 1) throw new UsageError(`restore: ${files.length} files need --out DIR (one file, or stdin, is written to stdout)`)
      return restoreToStdout(files[0], options)
    })
}

/** One file or stdin to stdout. */
async function restoreToStdout(file: string | undefined, options: RestoreCommandOptions): Promise<void> {
  const mode = options.mode
  const started = performance.now()
  const bytes = file === undefined ? await readStdin() : readInput(file)
  const text = decodeText(bytes, file ?? 'stdin')
  const read = performance.now()
  const restorer = loadModel(options.model)
  const loaded = performance.now()
  // Confidences are only computed when they are written (--json).
  const result = restore(text, {mode, restorer, details: options.json === true} satisfies RestoreOptions)
  const done = performance.now()
  process.stdout.write(options.json ? JSON.stringify(result) + '\n' : result.text)
  if (options.stats) {
    writeStats({
      syllables: countLetterRuns(text),
      readMs: round(read - started),
      loadMs: round(loaded - read),
      restoreMs: round(done - loaded),
      modelLoadMs: round(restorer.loadMs)
    })
  }
}

/** Many files into `out`; exit code 1 when one failed. */
async function restoreMany(files: string[], out: string, options: RestoreCommandOptions): Promise<void> {
  const started = performance.now()
  // Imported here: finding files (globs, folders) and writing them is not loaded for one file.
  const {restoreFiles, rate} = await import('../restore-files.js')
  const log = options.quiet ? undefined : (line: string) => process.stderr.write(line + '\n')
  const result = await restoreFiles(files, {out, mode: options.mode, model: options.model, json: options.json, maxBytes: options.maxBytes, log})
  const ms = performance.now() - started
  const failed = result.failed > 0 ? `, ${result.failed} failed` : ''
  log?.(`sohoa: ${result.files - result.failed} of ${result.files} files restored into ${out}${failed}; ${result.syllables.toLocaleString('en-US')} words in ${(ms / 1000).toFixed(1)} s, ${rate(result.syllables, ms)} words/s`)
  if (options.stats) writeStats({files: result.files, failed: result.failed, syllables: result.syllables, wallMs: round(ms)})
  if (result.failed > 0) process.exitCode = 1
}

/** `--stats`: `fields`, then the CPU time of the whole process and its peak memory, as one JSON line on stderr. */
function writeStats(fields: Record<string, number>): void {
  const cpu = process.cpuUsage()
  const stats = {...fields, cpuMs: round((cpu.user + cpu.system) / 1000), maxRssMB: round(process.resourceUsage().maxRSS / 1024)}
  process.stderr.write(JSON.stringify(stats) + '\n')
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    throw fileSystemError(file, error)
  }
}

const round = (x: number) => Math.round(x * 10) / 10
