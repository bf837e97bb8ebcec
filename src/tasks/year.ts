/**
 * The plan's year, against which relative time frames ("Quý I",
 * "6 tháng đầu năm") resolve.
 */
import type {VFile} from 'vfile'

const singleYear = /năm\s+((?:19|20)\d{2})(?!\s*[-–]\s*\d)/iu

/**
 * `explicit` if given; else a one-year plan period; else `năm YYYY` in the
 * plan or document title; else the document's year. A plan over several
 * years (2026 - 2030) has no single year: null.
 */
export function planYear(file: VFile, explicit?: number | null): number | null {
  if (typeof explicit === 'number') return explicit
  const plan = file.data.plan
  if (plan?.period) return plan.period.from === plan.period.to ? plan.period.from : null
  for (const title of [plan?.title, file.data.document?.title]) {
    const match = title ? singleYear.exec(title) : null
    if (match) return Number(match[1])
  }
  return file.data.document?.date?.year ?? null
}
