/**
 * The one error `read` throws: the input cannot be read at all.
 */

/** An unreadable input; the message names the file and the reason (`read: x.pdf: encrypted PDF (password required)`). */
export class ReadError extends Error {
  /** The file name as given (or `<bytes>` for anonymous input). */
  readonly file: string
  /** The reason alone, without the file name. */
  readonly reason: string

  constructor(file: string, reason: string, options?: {cause?: unknown}) {
    super(`read: ${file}: ${reason}`, options)
    this.name = 'ReadError'
    this.file = file
    this.reason = reason
  }
}
