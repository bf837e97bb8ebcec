/**
 * Does a line open a block of its own (a numbered heading, a list item, a
 * formal part of a document)? Such a line never continues the one before.
 */
import {loadGrammar} from '../util/grammar.js'

const formal =
  /^(?:Điều\s+\d+|Căn\s+cứ|Nơi\s+nhận|Kính\s+gửi|Số\s*:|Theo\s+đề\s+nghị|QUYẾT\s+ĐỊNH|Phụ\s+lục|PHỤ\s+LỤC|TM\.|KT\.|TL\.|TUQ\.|Q\.\s|V\/v\b|\((?:Ban\s+hành\s+)?[Kk]èm\s+theo)/u

/** True when `line` (trimmed) starts with a section marker or a formal opener. */
export function opensBlock(line: string): boolean {
  if (formal.test(line)) return true
  return loadGrammar('headings').rules.some((rule) => rule.regex.test(line))
}

/** True when the line has letters and none of them is lower case (a heading, a header line). */
export function isAllCaps(line: string): boolean {
  let letters = 0
  for (const char of line) {
    if (char.toLowerCase() !== char.toUpperCase()) {
      if (char === char.toLowerCase()) return false
      letters++
    }
  }
  return letters >= 2
}
