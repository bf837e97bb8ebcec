/**
 * Why one input of a batch failed: the file, a one-line reason, and the
 * stage and rule that say what kind of failure it is.
 */

/** A file that cannot be parsed; `message` is `file: reason`. */
export class InputError extends Error {
  /** The input path as given or discovered. */
  readonly file: string
  /** The reason alone, one line. */
  readonly reason: string
  /** What failed: `read` (unreadable input), `limits`, `bulk` (timeout, crash, interruption), `parse` (a bug). */
  readonly source: string
  /** Kebab-case id of the failure (`unreadable`, `max-bytes`, `max-pixels`, `timeout`, `crashed`, `internal`). */
  readonly ruleId: string

  constructor(file: string, reason: string, source: string, ruleId: string, options?: {cause?: unknown}) {
    super(`${file}: ${reason}`, options)
    this.name = 'InputError'
    this.file = file
    this.reason = oneLine(reason)
    this.source = source
    this.ruleId = ruleId
  }
}

/** The first line of `text`, whitespace collapsed. */
export function oneLine(text: string): string {
  return (text.split('\n', 1)[0] ?? '').replace(/\s+/g, ' ').trim()
}
