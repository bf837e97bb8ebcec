/**
 * Judge a PDF text layer: is it real Vietnamese, or the garbage a scanner's
 * English-model OCR embeds ("UBND THANH PHO DA NANG CONG Hcok xA HQI CHiJ")?
 *
 * Two measures: the share of letters that exist only in Vietnamese (ă â đ ê
 * ô ơ ư and the tone-marked vowels: about 20% of the letters of real
 * Vietnamese, 0% in English-model output, which has at most é, à, ü), and
 * the share of words that are plausible Vietnamese syllables. The same two
 * measures (`measureText`) tell the language check and the encoding guesser
 * whether a text is Vietnamese, and the letter share the restoration policy
 * whether a text file lost its marks.
 */
import {isVietnameseOnly, stripTones} from './letters.js'

/**
 * Below this share of Vietnamese-only letters (ă â đ ê ô ơ ư and tones outside
 * Latin-1: `isVietnameseOnly`) a text is not, or no longer, Vietnamese: real
 * Vietnamese has about 20%, English-model OCR output and English text 0%.
 */
export const minVietnameseLetterShare = 0.05

/** The judgement of a page's text layer. */
export interface TextLayerQuality {
  /** `good`: use it; `bad`: garbage, OCR the page instead; `empty`: too little text to judge. */
  verdict: 'good' | 'bad' | 'empty'
  /** Letters counted. */
  letters: number
  /** Share of letters found only in Vietnamese, 0..1. */
  vietnameseLetterShare: number
  /** Share of letter-only words that are plausible Vietnamese syllables, 0..1. */
  syllableShare: number
  /** Why, in words (for diagnostics). */
  reason: string
}

/** Thresholds of the judgement (exported for tests and tuning). */
export const textLayerThresholds = {
  /** Fewer letters than this: `empty`. */
  minLetters: 20,
  /** Below this share of Vietnamese-only letters: `bad` (real text ~0.20, English-model OCR ~0). */
  minVietnameseLetterShare,
  /** Below this share of plausible syllables: `bad`. */
  minSyllableShare: 0.6
}

const onsets = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?'
const nuclei = '(?:[aăâeêioôơuưy]{1,3})'
const codas = '(?:ch|nh|ng|c|m|n|p|t)?'
const syllablePattern = new RegExp(`^${onsets}${nuclei}${codas}$`, 'u')
/** True when `word` (any case, with or without marks) has the shape of a Vietnamese syllable. */
export function isPlausibleSyllable(word: string): boolean {
  const base = stripTones(word.toLowerCase())
  if (!syllablePattern.test(base)) return false
  // Doubled vowels other than "oo" (xoong) do not occur.
  return !/([aăâeêiôơuưy])\1/u.test(base)
}

/** The letter and syllable measures of a text. */
export interface TextMeasures {
  /** Words (runs of letters) counted. */
  words: number
  /** Letters counted. */
  letters: number
  /** Share of letters found only in Vietnamese, 0..1. */
  vietnameseLetterShare: number
  /** Share of words that are plausible Vietnamese syllables, 0..1. */
  syllableShare: number
}

/** Per UTF-16 unit: 0 not yet known, 1 not a letter, 2 a letter, 3 a Vietnamese-only letter (`isVietnameseOnly`). */
const letterKinds = new Uint8Array(0x10000)

function letterKind(code: number): number {
  let kind = letterKinds[code]
  if (kind === 0) {
    const ch = String.fromCharCode(code)
    letterKinds[code] = kind = !/\p{L}/u.test(ch) ? 1 : isVietnameseOnly(ch) ? 3 : 2
  }
  return kind
}

/** Share of the letters of `text` found only in Vietnamese (0 without letters): the cheap half of `measureText`. */
export function vietnameseLetterShare(text: string): number {
  let letters = 0
  let vietnamese = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) {
      // ASCII (most of any text): a letter, never a Vietnamese-only one.
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) letters++
      continue
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        // A character outside the BMP (never a Vietnamese one): a letter or not.
        if (/\p{L}/u.test(text.slice(i, i + 2))) letters++
        i++
        continue
      }
    }
    const kind = letterKind(code)
    if (kind === 1) continue
    letters++
    if (kind === 3) vietnamese++
  }
  return letters === 0 ? 0 : vietnamese / letters
}

/** Measure `text` (NFC); with `strictCase`, a word with a capital after a small letter (`lỔ`) is no syllable. */
export function measureText(text: string, options: {strictCase?: boolean} = {}): TextMeasures {
  const words = text.match(/\p{L}+/gu) ?? []
  let letters = 0
  let vietnamese = 0
  let syllables = 0
  for (const word of words) {
    for (const ch of word) {
      letters++
      if (isVietnameseOnly(ch)) vietnamese++
    }
    if (isPlausibleSyllable(word) && !(options.strictCase && /\p{Ll}\p{Lu}/u.test(word))) syllables++
  }
  return {
    words: words.length,
    letters,
    vietnameseLetterShare: letters === 0 ? 0 : vietnamese / letters,
    syllableShare: words.length === 0 ? 0 : syllables / words.length
  }
}

/** Judge the text of a page (or any text) as a Vietnamese text layer. */
export function judgeTextLayer(text: string): TextLayerQuality {
  const {letters, vietnameseLetterShare, syllableShare} = measureText(text.normalize('NFC'))
  const t = textLayerThresholds
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const measures = `${pct(vietnameseLetterShare)} Vietnamese-only letters, ${pct(syllableShare)} plausible syllables`
  let verdict: TextLayerQuality['verdict'] = 'good'
  let reason = measures
  if (letters < t.minLetters) {
    verdict = 'empty'
    reason = `${letters} letters, too few to judge`
  } else if (vietnameseLetterShare < t.minVietnameseLetterShare) {
    verdict = 'bad'
    reason = `${measures}: no Vietnamese marks (English-model OCR?)`
  } else if (syllableShare < t.minSyllableShare) {
    verdict = 'bad'
    reason = `${measures}: too few plausible syllables`
  }
  return {verdict, letters, vietnameseLetterShare, syllableShare, reason}
}
