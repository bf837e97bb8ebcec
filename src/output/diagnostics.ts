/**
 * Turn vfile messages into the output's `diagnostics`.
 */
import type {VFileMessage} from 'vfile-message'
import type {Diagnostic} from './schema.js'

/** Severity of a vfile message: `fatal` true is an error, false a warning, else info. */
export function severity(message: VFileMessage): Diagnostic['severity'] {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** The diagnostics of a file's messages, in document order. */
export function diagnostics(messages: VFileMessage[]): Diagnostic[] {
  return messages.map((m) => {
    const diagnostic: Diagnostic = {
      severity: severity(m),
      source: m.source ?? null,
      ruleId: m.ruleId ?? null,
      message: m.reason
    }
    if (m.line !== undefined && m.line !== null) diagnostic.line = m.line
    if (m.column !== undefined && m.column !== null) diagnostic.column = m.column
    if (typeof m.actual === 'string') diagnostic.actual = m.actual
    if (m.expected) diagnostic.expected = m.expected
    return diagnostic
  })
}
