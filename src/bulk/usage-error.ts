/**
 * A bulk run asked for something impossible (`--out` and `--jsonl`
 * together, no input files): the CLI exits with 2.
 */

/** A usage error: the message says what to change. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}
