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

/** Words of a line that decide its mode: letters only, two or more (a lone `b` is a list marker). */
function deciding(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.kind === 'word' && t.text.length >= 2)
}

/** Mode of one line in `auto`, given the line's tokens and whether the whole text reads as OCR output. */
export function lineMode(tokens: Token[], textIsOcr: boolean): LineMode {
  const c = countWords(textIsOcr ? tokens : deciding(tokens))
  if (c.words === 0) return textIsOcr && countWords(tokens).words > 0 ? 'ocr' : 'keep'
  // Real Vietnamese marks most syllables; a line with marks on a good share is left as it is.
  if (c.vietnameseOnly > 0 && c.marked >= 0.3 * c.words) return 'keep'
  if (textIsOcr) return 'ocr'
  // In a text that is not OCR output, a line needs several damaged words to be treated as such
  // (one English word or code does not make a line OCR damage).
  const damaged = c.words - c.spelled
  if (c.vietnameseOnly === 0 && damaged >= 2 && damaged >= 0.2 * c.words) return 'ocr'
  return 'stripped'
}
