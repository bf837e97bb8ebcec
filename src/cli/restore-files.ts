/**
 * `sohoa restore FILES… --out DIR`: restore many text files in one process,
 * the model read and the code warmed up once (a `sohoa restore` per file
 * pays both for each file). Each restored text is written under DIR with
 * its name kept (`.json` with `--json`), sub-folders mirrored, whole or not
 * at all. A file that cannot be read or written is one failure line and the
 * others go on.
 */
import {realpath} from 'node:fs/promises'
import path from 'node:path'
import {removeStaleTemporaries, writeFileAtomic} from '../bulk/atomic-write.js'
import {InputError} from '../bulk/input-error.js'
import {findInputs, textExtensions} from '../bulk/inputs.js'
import {defaultLimits} from '../bulk/limits.js'
import {outputPaths} from '../bulk/output-paths.js'
import {readInputBytes} from '../bulk/read-input-bytes.js'
import {UsageError} from '../bulk/usage-error.js'
import {loadModel, type Restorer} from '../diacritics/load-model.js'
import {restore, type RestoreMode} from '../diacritics/restore.js'
import {failureLine} from '../output/message-line.js'
import {fileSystemReason, ReadError} from '../read/read-error.js'
import {countLetterRuns, decodeText} from './restore-input.js'

/** Options of `restoreFiles`. */
export interface RestoreFilesOptions {
  /** The output folder. */
  out: string
  mode: RestoreMode
  /** Path of a model file (default: the shipped model). */
  model?: string
  /** Write `{text, tokens}` as JSON (`x.json`) instead of the text. */
  json?: boolean
  /** Where progress, failure lines and notices go (default: none). */
  log?: (line: string) => void
  /** Larger files fail unread (default `defaultLimits.maxBytes`, as in bulk). */
  maxBytes?: number
  /** Seconds between progress lines (default 10). */
  progressSeconds?: number
}

/** What a run did. */
export interface RestoreFilesResult {
  /** Inputs found. */
  files: number
  /** Inputs that could not be read (or were too large), decoded or written. */
  failed: number
  /** Words (runs of letters) of the restored inputs. */
  syllables: number
}

/** Restore every text file `inputs` name (files, folders searched for `textExtensions`, globs) into `options.out`. */
export async function restoreFiles(inputs: string[], options: RestoreFilesOptions): Promise<RestoreFilesResult> {
  const log = options.log ?? (() => {})
  if (inputs.length === 0) throw new UsageError('restore --out: name the files or folders to restore')
  const files = await findInputs(inputs, {exclude: [options.out], extensions: textExtensions, onNotice: (message) => log(`sohoa: ${message}`)})
  const targets = outputPaths(files, [], options.json ? '.json' : null).map((relative) => path.join(options.out, relative))
  // `sohoa restore . --out .`: the names are kept, so an output can be an input.
  const real = async (file: string) => realpath(file).catch(() => path.resolve(file))
  const inputPaths = new Set(await Promise.all(files.map((f) => real(f.path))))
  for (const [i, target] of targets.entries()) {
    if (inputPaths.has(await real(target))) throw new UsageError(`--out ${options.out} would write over the input ${files[i].path}: name another folder`)
  }

  const stale = await removeStaleTemporaries(options.out)
  if (stale) log(`sohoa: removed ${stale} temporary file(s) a killed run left in ${options.out}`)
  const restorer = loadModel(options.model)
  const started = performance.now()
  let last = started
  const every = (options.progressSeconds ?? 10) * 1000
  const result: RestoreFilesResult = {files: files.length, failed: 0, syllables: 0}
  for (const [i, file] of files.entries()) {
    const done = await restoreOne(file.path, targets[i], restorer, options)
    if (typeof done === 'number') result.syllables += done
    else {
      result.failed++
      log(done.failure)
    }
    const now = performance.now()
    if (now - last >= every && i + 1 < files.length) {
      last = now
      log(`sohoa: ${i + 1} of ${files.length} files, ${result.failed} failed, ${rate(result.syllables, now - started)} words/s`)
    }
  }
  return result
}

/** Restore `file` into `target`: its word count, or its failure line (unreadable, too large, not UTF-8, not written, a bug). */
async function restoreOne(file: string, target: string, restorer: Restorer, options: RestoreFilesOptions): Promise<number | {failure: string}> {
  const maxBytes = options.maxBytes ?? defaultLimits.maxBytes
  let output: string
  let words: number
  try {
    const text = decodeText(await readInputBytes(file, maxBytes), file)
    const restored = restore(text, {mode: options.mode, restorer, details: options.json === true})
    output = options.json ? JSON.stringify(restored) + '\n' : restored.text
    words = countLetterRuns(text)
  } catch (error) {
    if (error instanceof ReadError || error instanceof InputError) return {failure: failureLine(error)}
    // A bug: reported as is, and the batch goes on.
    return {failure: failureLine(new InputError(file, error instanceof Error ? error.message : String(error), 'internal'))}
  }
  try {
    await writeFileAtomic(target, output)
  } catch (error) {
    return {failure: failureLine(new InputError(file, `cannot write the output: ${fileSystemReason(error)} (${target})`, 'write-failed'))}
  }
  return words
}

/** `words` in `ms` as words per second, rounded to hundreds (`26,500`). */
export function rate(words: number, ms: number): string {
  const perSecond = words / (Math.max(ms, 1) / 1000)
  return (Math.round(perSecond / 100) * 100).toLocaleString('en-US')
}
