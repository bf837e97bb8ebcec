/**
 * The per-file limits of a bulk run, their defaults, and how they read.
 */
import {UsageError} from './usage-error.js'

/** Limits that protect a batch from one file: size, pages, pixels, time. */
export interface Limits {
  /** Larger files fail before they are read (default 32 MiB). */
  maxBytes: number
  /** Read at most this many pages of a PDF or TIFF; the rest is dropped with a warning (default 100). */
  maxPages: number
  /** Images whose header claims more pixels fail before they are decoded (default 100 million). */
  maxPixels: number
  /** A file still unfinished after this many seconds fails and its worker is stopped (default 600). */
  timeoutSeconds: number
}

/** The defaults: a commune decision with its plan is a few pages and well under a MiB of text. */
export const defaultLimits: Readonly<Limits> = {
  maxBytes: 32 * 1024 ** 2,
  maxPages: 100,
  maxPixels: 100_000_000,
  timeoutSeconds: 600
}

/** The defaults with `overrides` applied (undefined values ignored). */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const limits = {...defaultLimits}
  for (const key of Object.keys(limits) as Array<keyof Limits>) {
    const value = overrides[key]
    if (value !== undefined) limits[key] = value
  }
  return limits
}

/** `resolveLimits(overrides)`, throwing a `UsageError` when a limit is not positive. */
export function checkedLimits(overrides: Partial<Limits> = {}): Limits {
  const limits = resolveLimits(overrides)
  for (const [key, value] of Object.entries(limits)) {
    if (!(value > 0)) throw new UsageError(`limit ${key} must be positive, not ${value}`)
  }
  return limits
}
