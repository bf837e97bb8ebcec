/**
 * The one error `read` throws: the input cannot be read at all. Its rules
 * (`read:<ruleId>`) and the words for file-system failures live here, so
 * that a missing file reads the same in every command and in bulk.
 */

import {VFileMessage} from 'vfile-message'
import {rules, type FailureRule, type RuleOf} from '../rules/registry.js'

/** Why an input cannot be read: a failure rule of the read stage (reported as `read:<id>`; `src/rules/registry.ts`). */
export type ReadFailure = RuleOf<'read'> & FailureRule

/** The read failures with what each means (from the rule registry). */
export const readFailures: Record<ReadFailure, string> = {unreadable: rules.unreadable.description, 'no-text': rules['no-text'].description}

/**
 * An unreadable input, as a fatal vfile message (`fatal: true`, `source`
 * `read`, its `ruleId`); `message` names the file and the reason
 * (`read: x.pdf: encrypted PDF (password required)`), `reason` is the reason alone.
 */
export class ReadError extends VFileMessage {
  /** The file name as given (or `<bytes>` for anonymous input). */
  declare file: string
  /** The stage that failed: always `read`. */
  declare source: 'read'
  /** What kind of failure it is (see `readFailures`). */
  declare ruleId: ReadFailure
  declare fatal: true

  constructor(file: string, reason: string, options?: {cause?: unknown; ruleId?: ReadFailure}) {
    super(reason, {source: 'read', ruleId: options?.ruleId ?? 'unreadable'})
    if (options?.cause !== undefined) this.cause = options.cause
    this.name = 'ReadError'
    this.message = `read: ${file}: ${reason}`
    this.file = file
    this.fatal = true
    Error.captureStackTrace(this, ReadError)
  }
}

/** The words for the common file-system failures. */
export const fileSystemReasons = {
  missing: 'no such file',
  directory: 'is a directory',
  denied: 'permission denied'
} as const

/**
 * The reason a file-system call failed, in the words every command uses:
 * `no such file`, `is a directory`, `permission denied`; other errors keep
 * node's words without the path (`EIO: i/o error`).
 */
export function fileSystemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') return fileSystemReasons.missing
  if (code === 'EISDIR') return fileSystemReasons.directory
  if (code === 'EACCES' || code === 'EPERM') return fileSystemReasons.denied
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/, \w+ '[^']*'(?: -> '[^']*')?$/u, '')
}

/** A `ReadError` for a file-system call on `file` that failed with `error`. */
export function fileSystemError(file: string, error: unknown): ReadError {
  return new ReadError(file, fileSystemReason(error), {cause: error})
}
