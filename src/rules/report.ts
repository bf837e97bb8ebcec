/**
 * Report a message on a file under a rule of the registry: the rule's stage
 * becomes the message's `source`, its severity the message's `fatal`
 * (`file.info` for info, `fatal: false` for a warning).
 */
import type {VFile} from 'vfile'
import type {Options as MessageOptions, VFileMessage} from 'vfile-message'
import {rules, type RuleWith} from './registry.js'

/** Where the message is, and for a repair what was read (`actual`) and what it was taken for (`expected`). */
export interface ReportOptions {
  place?: MessageOptions['place']
  actual?: string
  expected?: string[]
}

/** Add a message for `ruleId` (a warning or info rule) to `file`, and return it. */
export function report(file: VFile, ruleId: RuleWith<'warning' | 'info'>, reason: string, options: ReportOptions = {}): VFileMessage {
  const rule = rules[ruleId]
  const init = {place: options.place, source: rule.stage, ruleId}
  const message = rule.severity === 'info' ? file.info(reason, init) : file.message(reason, init)
  if (rule.severity === 'warning') message.fatal = false
  if (options.actual !== undefined) message.actual = options.actual
  if (options.expected !== undefined) message.expected = options.expected
  return message
}
