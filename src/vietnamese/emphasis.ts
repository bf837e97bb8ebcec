/**
 * Remove markdown emphasis that text exports leave around words
 * (`**Phòng Văn hóa - Xã hội.**`, `*Căn cứ …;` … `2030;*`, `(*viết tắt*)`).
 * A `*` used as a bullet (`* item`) is kept. The one emphasis stripper: the
 * parser runs it on every line, the tasks stage and the normalizers on cell
 * values (which may span lines).
 */

const opening = /(^|[\s(“"'[])[*_]{1,3}(?=[^\s*_])/gu
const closing = /([^\s*_])[*_]{1,3}(?=$|[\s.,;:!?)”"'\]])/gu

/** Strip emphasis markers from `text` (a line, or a cell's lines); a stray `**` left inside a word goes too. */
export function stripEmphasis(text: string): string {
  if (!text.includes('*') && !text.includes('_')) return text
  return text.replace(opening, '$1').replace(closing, '$1').replace(/\*{2,}/gu, '')
}
