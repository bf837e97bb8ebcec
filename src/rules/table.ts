/**
 * The rule registry as a Markdown table (`stage:rule`, severity, meaning),
 * for the README's "Messages and rules" section (`npm run rules`).
 */
import {rules, type Rule, type RuleId} from './registry.js'

/** Where the table stands in the README. */
export const tableMarkers = {start: '<!-- rules:start (npm run rules) -->', end: '<!-- rules:end -->'} as const

/** The Markdown table of every rule, in registry order. */
export function rulesTable(): string {
  const rows = (Object.entries(rules) as Array<[RuleId, Rule]>).map(([id, rule]) => `| \`${rule.stage}:${id}\` | ${rule.severity} | ${rule.description} |`)
  return ['| rule | severity | meaning |', '| --- | --- | --- |', ...rows].join('\n')
}

/** `readme` with the text between the markers replaced by the current table (throws when the markers are missing). */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(tableMarkers.start)
  const end = readme.indexOf(tableMarkers.end)
  if (start < 0 || end < start) throw new Error(`README: no ${tableMarkers.start} … ${tableMarkers.end} section`)
  return readme.slice(0, start + tableMarkers.start.length) + '\n' + rulesTable() + '\n' + readme.slice(end)
}
