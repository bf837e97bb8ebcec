/**
 * Lines of the closing block as OCR reads them in small print and under a
 * signature: the `Nơi nhận:` heading with a letter off (`Xơi nhận:`,
 * `Nơi nhậm:`), or lost altogether (then the list still ends with the
 * filed copy, `- Lưu: VT, …`), and the signer's name after the scribble of
 * the signature (`1/07 72297 Leak—— - Trần Hoàng Tuấn`).
 */
import {distance} from 'fastest-levenshtein'
import {stripMarks} from '../diacritics/letters.js'
import {loadGrammar} from '../util/grammar.js'
import {itemBullet} from './markers.js'

/** Whether `text` is the `Nơi nhận:` heading but for a letter or two OCR got wrong. */
export function isRecipientsHeadingLike(text: string): boolean {
  const match = /^(\S{2,5})\s+(\S{3,6}?)\s*[:;.]?\s*-?\s*$/u.exec(text.trim())
  if (!match) return false
  const folded = stripMarks(`${match[1]} ${match[2]}`.toLowerCase()).replace(/[^a-zđ ]/gu, '')
  return distance(folded, 'noi nhan') <= 2
}

/** The filed copy, the last item of a list of recipients (`- Lưu: VT, TTHC.`). */
export function isFiledCopy(text: string): boolean {
  return /^Lưu\s*[:;.,]/u.test(text.replace(itemBullet, ''))
}

/**
 * The person's name a line ends with, after noise the signature left (`1/07 Leak—— - Trần Hoàng
 * Tuấn`): two to four capitalised syllables, the first a known surname. Null when the line has no
 * such end, or is the name alone.
 */
export function nameAtEnd(text: string): string | null {
  const match = /(?:^|[\s\-–—.,:;'`])((?:[\p{Lu}][\p{Ll}]+)(?:\s+[\p{Lu}][\p{Ll}]+){1,3})[.,'`]?\s*$/u.exec(text)
  if (!match || match.index === 0) return null
  const name = match[1]
  const surnames = loadGrammar('person-names').data.surnames as Record<string, number>
  if (!(name.split(/\s+/u)[0] in surnames)) return null
  // The noise before it: no word of Vietnamese prose (a lower-case syllable of two letters or more).
  const before = text.slice(0, match.index + match[0].indexOf(name))
  if (/(?:^|\s)\p{Ll}{2,}(?:\s|$)/u.test(before) && /\p{Ll}{2,}\s+\p{Ll}{2,}/u.test(before)) return null
  return name
}
