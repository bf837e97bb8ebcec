/**
 * Print messages like a linter: `file:line:col  severity  reason  ruleId`
 * (`src/output/message-line.ts`).
 */
import type {VFileMessage} from 'vfile-message'
import {severity} from '../output/diagnostics.js'
import {messageLine} from '../output/message-line.js'

/** Format the messages of one file, one line each (empty string when none). */
export function formatMessages(path: string, messages: readonly VFileMessage[]): string {
  return messages
    .map((m) => messageLine({file: path, line: m.line, column: m.column}, severity(m), m.reason, [m.source, m.ruleId].filter(Boolean).join(':')))
    .join('\n')
}
