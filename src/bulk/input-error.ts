/**
 * Why one input of a batch failed: the file, a one-line reason, and the
 * stage and rule that say what kind of failure it is.
 */
import {rules, type FailureRule, type Stage} from '../rules/registry.js'

/** A file that cannot be parsed; `message` is `file: reason`. */
export class InputError extends Error {
  /** The input path as given or discovered. */
  readonly file: string
  /** The reason alone, one line. */
  readonly reason: string
  /** What failed, the stage of `ruleId`: `read` (unreadable input), `limits`, `bulk` (crash, interruption), `outputs`, `parse` (a bug). */
  readonly source: Stage
  /** The failure rule (`unreadable`, `max-bytes`, `max-pixels`, `timeout`, `crashed`, `internal`; `src/rules/registry.ts`). */
  readonly ruleId: FailureRule

  constructor(file: string, reason: string, ruleId: FailureRule, options?: {cause?: unknown}) {
    super(`${file}: ${reason}`, options)
    this.name = 'InputError'
    this.file = file
    this.reason = oneLine(reason)
    this.source = rules[ruleId].stage
    this.ruleId = ruleId
  }
}

/** The first line of `text`, whitespace collapsed. */
export function oneLine(text: string): string {
  return (text.split('\n', 1)[0] ?? '').replace(/\s+/g, ' ').trim()
}
