/**
 * Option values as commander reads them (positive integers, sizes, pixel
 * counts, seconds) and the per-file limit options that `sohoa parse` and
 * `sohoa queue add` share.
 */
import {InvalidArgumentError, type Command} from 'commander'
import {parseByteSize} from '../bulk/byte-size.js'
import {defaultLimits, resolveLimits, type Limits} from '../bulk/limits.js'

/** A positive integer. */
export function positiveInteger(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer is expected')
  return n
}

/** A positive number. */
export function positiveNumber(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a positive number is expected')
  return n
}

/** A number ≥ 0. */
export function nonNegativeNumber(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a number ≥ 0 is expected')
  return n
}

/** An integer ≥ 0. */
export function nonNegativeInteger(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('an integer ≥ 0 is expected')
  return n
}

/** A byte size: `32M`, `500K`, `1G`, `1048576`. */
export function byteSize(value: string): number {
  const n = parseByteSize(value)
  if (n === undefined || n <= 0) throw new InvalidArgumentError('a size such as 32M, 500K or 1G is expected')
  return n
}

/** `100M`, `2.5M`, `40000000`: pixels (M = million). */
export function pixelCount(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(m|mp)?\s*$/i.exec(value)
  const n = match ? Number(match[1]) * (match[2] ? 1e6 : 1) : NaN
  if (!Number.isFinite(n) || n < 1) throw new InvalidArgumentError('a pixel count such as 100M or 40000000 is expected')
  return Math.round(n)
}

/** The limit options as commander hands them over. */
export interface LimitCommandOptions {
  maxBytes?: number
  maxPages?: number
  maxPixels?: number
  timeout?: number
}

/** Add `--max-bytes`, `--max-pages`, `--max-pixels` and `--timeout` to `command`. */
export function addLimitOptions(command: Command): Command {
  return command
    .option('--max-bytes <size>', `larger files fail unread (default: ${defaultLimits.maxBytes / 1024 ** 2}M; units K, M, G are powers of 1024)`, byteSize)
    .option('--max-pages <n>', `read at most this many pages of a PDF or TIFF, with a warning (default: ${defaultLimits.maxPages})`, positiveInteger)
    .option('--max-pixels <n>', `images (PNG, JPEG, TIFF, WebP) whose header claims more pixels fail before decoding (default: ${defaultLimits.maxPixels / 1e6}M)`, pixelCount)
    .option('--timeout <seconds>', `a file still running after this long fails, its worker stopped (default: ${defaultLimits.timeoutSeconds})`, positiveNumber)
}

/** The limits the options ask for. */
export function limitsOf(options: LimitCommandOptions): Limits {
  return resolveLimits({maxBytes: options.maxBytes, maxPages: options.maxPages, maxPixels: options.maxPixels, timeoutSeconds: options.timeout})
}
