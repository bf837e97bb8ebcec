/**
 * Parse one input of a batch within its limits: refuse a file that is too
 * large or an image that claims too many pixels before reading it, read it
 * (at most `maxPages` pages, until the deadline), flag text that is not
 * Vietnamese, and parse it. Every failure is an `InputError` naming the
 * file with a one-line reason.
 */
import {VFile} from 'vfile'
import {parseSync, type ParseResult} from '../parse.js'
import {read, ReadError, sniff, type OcrPool, type ReadProgress} from '../read/index.js'
import {imageSize} from './image-size.js'
import {InputError} from './input-error.js'
import type {Limits} from './limits.js'
import {readInputBytes} from './read-input-bytes.js'

/** Options of `parseInput`. */
export interface ParseInputOptions {
  /** The limits (see `resolveLimits`). */
  limits: Limits
  /** A shared OCR pool; `read` makes (and ends) its own when absent. */
  ocr?: OcrPool
  /** Stop between pages when aborted (the deadline of `limits.timeoutSeconds` is added). */
  signal?: AbortSignal
  /** Called after each page read. */
  onProgress?: (progress: ReadProgress) => void
}

/** What `parseInput` returns: the parse, and the bytes it was read from (for outputs made from the input itself, like a searchable PDF). */
export interface ParsedInput extends ParseResult {
  bytes: Uint8Array
}

/** Parse the file at `path`; throws an `InputError` when it cannot be. */
export async function parseInput(path: string, options: ParseInputOptions): Promise<ParsedInput> {
  const {limits} = options
  const bytes = await readInputBytes(path, limits.maxBytes)
  const sniffed = sniff(bytes)
  if (sniffed.supported && !['text', 'pdf', 'docx', 'doc'].includes(sniffed.kind)) {
    const size = imageSize(bytes, sniffed.kind)
    if (size && size.width * size.height > limits.maxPixels) {
      const mp = (n: number) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MP`
      throw new InputError(
        path,
        `image too large: ${size.width} × ${size.height} px = ${mp(size.width * size.height)} (over --max-pixels ${mp(limits.maxPixels)})`,
        'max-pixels'
      )
    }
  }
  const deadline = AbortSignal.timeout(limits.timeoutSeconds * 1000)
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline
  let file: VFile
  try {
    file = await read(new VFile({path, value: bytes}), {
      ocr: options.ocr,
      maxPages: limits.maxPages,
      maxBytes: limits.maxBytes,
      signal,
      onProgress: options.onProgress
    })
  } catch (error) {
    throw toInputError(path, error, limits, deadline)
  }
  try {
    return {...parseSync(file), bytes}
  } catch (error) {
    throw toInputError(path, error, limits, deadline)
  }
}

/** An `InputError` for whatever reading or parsing `path` threw. */
export function toInputError(path: string, error: unknown, limits: Limits, deadline?: AbortSignal): InputError {
  if (error instanceof InputError) return error
  if (deadline?.aborted || (error as Error)?.name === 'TimeoutError') {
    return new InputError(path, `timed out after ${limits.timeoutSeconds} s (--timeout)`, 'timeout', {cause: error})
  }
  if ((error as Error)?.name === 'AbortError') return new InputError(path, 'interrupted', 'interrupted', {cause: error})
  if (error instanceof ReadError) return new InputError(path, error.reason, error.ruleId, {cause: error})
  const e = error as Error
  return new InputError(path, `internal error: ${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`, 'internal', {cause: error})
}
