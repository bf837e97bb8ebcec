/**
 * Decide, per line, what kind of damage a text has: none (leave it alone),
 * stripped marks, or OCR damage from an engine without Vietnamese.
 */
import {countWords, type WordCounts} from './quality.js'
import type {Token} from './tokenize.js'

/** What to do with a line. */
export type LineMode = 'keep' | 'stripped' | 'ocr'

/** Whether the whole text reads as English-model OCR output: no Vietnamese-only letter, many words no syllable is spelt like. */
export function looksLikeOcr(counts: WordCounts): boolean {
  if (counts.words < 5) return counts.vietnameseOnly === 0 && counts.spelled < counts.words
  return counts.vietnameseOnly <= 0.02 * counts.words && counts.words - counts.spelled > 0.05 * counts.words
}

/** Mode of one line in `auto`, given the line's tokens and whether the whole text reads as OCR output. */
export function lineMode(tokens: Token[], textIsOcr: boolean): LineMode {
  const c = countWords(tokens)
  if (c.words === 0) return 'keep'
  if (textIsOcr) return 'ocr'
  // Real Vietnamese marks most syllables; a line with marks on a good share is left as it is.
  if (c.vietnameseOnly > 0 && c.marked >= 0.3 * c.words) return 'keep'
  if (c.spelled < c.words && c.vietnameseOnly === 0) return 'ocr'
  return 'stripped'
}
