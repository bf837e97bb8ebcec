/**
 * Does a line open a block of its own (a numbered heading, a list item, a
 * formal part of a document)? Such a line never continues the one before.
 * The patterns are in `grammars/block-openers.json` and `grammars/headings.json`.
 */
import {loadGrammar} from '../util/grammar.js'

/** True when `line` (trimmed) starts with a section marker (`grammars/headings.json`) or a formal opener (`grammars/block-openers.json`). */
export function opensBlock(line: string): boolean {
  if (loadGrammar('block-openers').rule('formal').regex.test(line)) return true
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
