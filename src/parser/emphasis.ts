/**
 * Remove markdown emphasis that text exports leave around words
 * (`**Phòng Văn hóa - Xã hội.**`, `*Căn cứ …;` … `2030;*`, `(*viết tắt*)`).
 * A `*` used as a bullet (`* item`) is kept.
 */

const opening = /(^|[\s(“"'[])[*_]{1,3}(?=[^\s*_])/gu
const closing = /([^\s*_])[*_]{1,3}(?=$|[\s.,;:!?)”"'\]])/gu

/** Strip emphasis markers from one line of text. */
export function stripEmphasis(line: string): string {
  if (!line.includes('*') && !line.includes('_')) return line
  return line.replace(opening, '$1').replace(closing, '$1')
}
