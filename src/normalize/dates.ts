/**
 * Calendar helpers for time frames: ISO dates, month and quarter bounds,
 * Roman quarter numbers.
 */

/** `YYYY-MM-DD`, or null when the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2100) return null
  if (!Number.isInteger(month) || month < 1 || month > 12) return null
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Number of days of `month` (1..12) in `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** First day of a month, ISO. */
export function monthStart(year: number, month: number): string | null {
  return isoDate(year, month, 1)
}

/** Last day of a month, ISO. */
export function monthEnd(year: number, month: number): string | null {
  if (month < 1 || month > 12) return null
  return isoDate(year, month, daysInMonth(year, month))
}

/** The day before an ISO date. */
export function dayBefore(iso: string | null): string | null {
  if (!iso) return null
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}

/**
 * A quarter number from `I`…`IV` or `1`…`4`, the Roman numeral also as OCR
 * reads it, I as 1, l or | (`11` → 2, `1V` → 4); null otherwise.
 */
export function quarterNumber(value: string): number | null {
  const roman: Record<string, number> = {i: 1, ii: 2, iii: 3, iv: 4}
  const key = value.trim().toLowerCase()
  if (key in roman) return roman[key]
  const n = Number(key)
  if (n >= 1 && n <= 4) return n
  return roman[key.replace(/[1l|]/gu, 'i')] ?? null
}
