/**
 * Print messages like a linter: `file:line:col  severity  reason  ruleId`.
 */
import type {VFileMessage} from 'vfile-message'
import {severity} from '../output/diagnostics.js'

/** Format the messages of one file, one line each (empty string when none). */
export function formatMessages(path: string, messages: readonly VFileMessage[]): string {
  return messages
    .map((m) => {
      const place = m.line ? `${path}:${m.line}:${m.column ?? 1}` : path
      const rule = [m.source, m.ruleId].filter(Boolean).join(':')
      return `${place}  ${severity(m)}  ${m.reason}  ${rule}`
    })
    .join('\n')
}
