/**
 * The period a plan covers: `giai đoạn 2026 - 2030`, `năm 2026` (the
 * `periodRange` and `periodYear` rules of `grammars/plan.json`).
 */
import {loadGrammar} from '../util/grammar.js'

/** The first period written in one of `texts`, or undefined. */
export function findPeriod(...texts: Array<string | null | undefined>): {from: number; to: number} | undefined {
  const plan = loadGrammar('plan')
  for (const text of texts) {
    if (!text) continue
    const range = plan.rule('periodRange').regex.exec(text)?.groups
    if (range) return {from: Number(range.from), to: Number(range.to)}
    const year = plan.rule('periodYear').regex.exec(text)?.groups
    if (year) return {from: Number(year.year), to: Number(year.year)}
  }
  return undefined
}
