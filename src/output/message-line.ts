/**
 * One message as one line, like a linter's: `place  severity  reason
 * stage:rule`. Every command prints its messages and its failures (a file
 * that cannot be read, a file of a batch that failed) in this form.
 */
import type {Diagnostic} from './schema.js'

/** Where a message points: a file, and a line and column when it has them. */
export interface MessagePlace {
  file: string
  line?: number | null
  column?: number | null
}

/** `file:line:column  severity  reason  stage:rule`; just `file` when the message is about the whole file. */
export function messageLine(place: MessagePlace, severity: Diagnostic['severity'], reason: string, rule: string): string {
  const where = place.line ? `${place.file}:${place.line}:${place.column ?? 1}` : place.file
  return `${where}  ${severity}  ${reason}  ${rule}`
}

/** The line for a file that could not be read or parsed at all: `file  error  reason  stage:rule`. */
export function failureLine(failure: {file: string; reason: string; source: string; ruleId: string}): string {
  return messageLine({file: failure.file}, 'error', failure.reason, `${failure.source}:${failure.ruleId}`)
}
