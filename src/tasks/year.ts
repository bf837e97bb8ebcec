/**
 * The plan's year, against which relative time frames ("Quý I",
 * "6 tháng đầu năm") resolve.
 */
import type {VFile} from 'vfile'
import {loadGrammar} from '../util/grammar.js'

/**
 * `explicit` if given; else a one-year plan period; else `năm YYYY` (`periodYear` of `grammars/plan.json`) in the
 * plan or document title; else the document's year. A plan over several
 * years (2026 - 2030) has no single year: null.
 */
export function planYear(file: VFile, explicit?: number | null): number | null {
  if (typeof explicit === 'number') return explicit
  const plan = file.data.plan
  if (plan?.period) return plan.period.from === plan.period.to ? plan.period.from : null
  for (const title of [plan?.title, file.data.document?.title]) {
    const year = title ? loadGrammar('plan').rule('periodYear').regex.exec(title)?.groups?.year : undefined
    if (year) return Number(year)
  }
  return file.data.document?.date?.year ?? null
}
