/**
 * The one error `read` throws: the input cannot be read at all. Its rules
 * (`read:<ruleId>`) and the words for file-system failures live here, so
 * that a missing file reads the same in every command and in bulk.
 */

/** Why an input cannot be read, by rule id (reported as `read:<id>`), with what each means. */
export const readFailures = {
  unreadable: 'the input cannot be read: missing, a folder, not permitted, corrupt, encrypted, or in a format sohoa does not read',
  'no-text': 'the input holds no text: an empty file or text, only whitespace, a PDF without pages or text, an image where OCR found nothing'
} as const

/** A rule id of `readFailures`. */
export type ReadFailure = keyof typeof readFailures

/** An unreadable input; the message names the file and the reason (`read: x.pdf: encrypted PDF (password required)`). */
export class ReadError extends Error {
  /** The file name as given (or `<bytes>` for anonymous input). */
  readonly file: string
  /** The reason alone, without the file name. */
  readonly reason: string
  /** The stage that failed: always `read`. */
  readonly source = 'read'
  /** What kind of failure it is (see `readFailures`). */
  readonly ruleId: ReadFailure

  constructor(file: string, reason: string, options?: {cause?: unknown; ruleId?: ReadFailure}) {
    super(`read: ${file}: ${reason}`, options)
    this.name = 'ReadError'
    this.file = file
    this.reason = reason
    this.ruleId = options?.ruleId ?? 'unreadable'
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
