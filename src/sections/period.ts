/**
 * The period a plan covers: `giai đoạn 2026 - 2030`, `năm 2026`.
 */

/** The first period written in one of `texts`, or undefined. */
export function findPeriod(...texts: Array<string | null | undefined>): {from: number; to: number} | undefined {
  for (const text of texts) {
    if (!text) continue
    const range = /giai\s+đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(text)
    if (range) return {from: Number(range[1]), to: Number(range[2])}
    const year = /năm\s+(\d{4})(?!\s*[-–/]\s*\d)/iu.exec(text)
    if (year) return {from: Number(year[1]), to: Number(year[1])}
  }
  return undefined
}
