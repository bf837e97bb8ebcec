/**
 * Dates as written in administrative documents: `ngày 14 tháng 9 năm 2025`,
 * `ngày   tháng 01 năm 2026` (day left blank for the signer), `26/12/2025`.
 * Blanks become nulls; `iso` only when the whole date is written.
 */
import type {DateInfo} from '../output/schema.js'

const worded = /(?:ngày\s*(?:(?<day>\d{1,2})(?![\d\p{L}])|\S{1,4})?[\s.…_]*)?tháng\s*(?<month>\d{1,2})?[\s.…_]*năm\s*(?<year>\d{4})/iu
const numeric = /(?:ngày\s*)?(?<day>\d{1,2})?\s*\/\s*(?<month>\d{1,2})\s*\/\s*(?<year>\d{4})/u

/** Parse the first date in `text`, or null when there is none. */
export function parseDocumentDate(text: string): DateInfo | null {
  const match = worded.exec(text) ?? numeric.exec(text)
  if (!match?.groups) return null
  const year = Number(match.groups.year)
  const month = match.groups.month ? Number(match.groups.month) : null
  const day = match.groups.day ? Number(match.groups.day) : null
  const valid = month === null || (month >= 1 && month <= 12)
  const validDay = day === null || (day >= 1 && day <= daysIn(year, month ?? 1))
  if (!valid || !validDay) return {raw: match[0].trim(), iso: null, year, month: valid ? month : null, day: null}
  return {raw: match[0].trim(), iso: isoDate(year, month, day), year, month, day}
}

/** `YYYY-MM-DD` when year, month and day are all known, else null. */
export function isoDate(year: number | null, month: number | null, day: number | null): string | null {
  if (year === null || month === null || day === null) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
