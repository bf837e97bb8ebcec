/**
 * Decide, per line, what kind of damage a text has: none (leave it alone),
 * stripped marks, or OCR damage from an engine without Vietnamese.
 */
import {countToken, noWords, type WordCounts} from '../vietnamese/quality.js'
import type {Token} from '../vietnamese/tokenize.js'

/** What to do with a line: the last, `marks`, is never chosen per line, only asked for (text from a Vietnamese OCR model). */
export type LineMode = 'keep' | 'stripped' | 'ocr' | 'marks'

/**
 * Whether the whole text reads as English-model OCR output: (almost) no Vietnamese-only letter,
 * and words with the marks of OCR damage (`hién`, `x4`: 10–25% of the words of such output, none
 * of stripped text's) or, in a text long enough to judge, many words no syllable is spelt like
 * (badly scanned pages come out without any accent).
 */
export function looksLikeOcr(counts: WordCounts): boolean {
  if (counts.vietnameseOnly > 0.02 * counts.words) return false
  if (counts.ocrLike > 0.03 * counts.words) return true
  return counts.words >= 30 && counts.words - counts.spelled > 0.15 * counts.words
}

/**
 * Counts of `tokens[from..to)`; with `deciding`, only of the tokens that decide a line's mode: not
 * lone letters (a lone `b` is a list marker).
 */
function countLine(tokens: Token[], from: number, to: number, deciding: boolean): WordCounts {
  const counts = noWords()
  for (let i = from; i < to; i++) {
    const t = tokens[i]
    if (deciding && t.kind === 'word' && t.text.length < 2) continue
    countToken(t, counts)
  }
  return counts
}

/**
 * Mode of one line in `auto`, given the line's tokens (`tokens[from..to)`, default all) and
 * whether the whole text reads as OCR output.
 */
export function lineMode(tokens: Token[], textIsOcr: boolean, from = 0, to = tokens.length): LineMode {
  const c = countLine(tokens, from, to, !textIsOcr)
  if (c.words === 0) return textIsOcr && countLine(tokens, from, to, false).words > 0 ? 'ocr' : 'keep'
  // Real Vietnamese marks most syllables; a line with marks on a good share is left as it is.
  if (c.vietnameseOnly > 0 && c.marked >= 0.3 * c.words) return 'keep'
  if (textIsOcr) return 'ocr'
  // In a text that is not OCR output, a line is OCR damage when several of its words bear the
  // marks of it (English words, acronyms and a stray code do not).
  if (c.vietnameseOnly === 0 && c.ocrLike >= 2 && c.ocrLike >= 0.2 * c.words) return 'ocr'
  return 'stripped'
}
