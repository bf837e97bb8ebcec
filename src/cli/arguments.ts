/**
 * Option values as commander reads them (positive integers, sizes, pixel
 * counts, seconds) and the per-file limit options that `sohoa parse` and
 * `sohoa queue add` share.
 */
import {InvalidArgumentError, type Command} from 'commander'
import {parseByteSize} from '../bulk/byte-size.js'
import {defaultLimits, resolveLimits, type Limits} from '../bulk/limits.js'

/**
 * A commander reader for a number that is finite, an integer when `integer`,
 * and at least `min` (above it when `above`); otherwise it fails with
 * "`expected` is expected".
 */
function numberReader(rule: {integer: boolean; min: number; above?: boolean}, expected: string): (value: string) => number {
  return (value) => {
    const n = Number(value)
    const whole = rule.integer ? Number.isInteger(n) : Number.isFinite(n)
    if (!whole || n < rule.min || (rule.above && n === rule.min)) throw new InvalidArgumentError(`${expected} is expected`)
    return n
  }
}

/** A positive integer. */
export const positiveInteger = numberReader({integer: true, min: 1}, 'a positive integer')

/** A positive number. */
export const positiveNumber = numberReader({integer: false, min: 0, above: true}, 'a positive number')

/** A number ≥ 0. */
export const nonNegativeNumber = numberReader({integer: false, min: 0}, 'a number ≥ 0')

/** An integer ≥ 0. */
export const nonNegativeInteger = numberReader({integer: true, min: 0}, 'an integer ≥ 0')

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
