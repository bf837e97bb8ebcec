/**
 * How Vietnamese a text looks: the share of its words that are valid
 * syllables, that carry marks, and that carry letters an English OCR model
 * never writes. The pipeline uses it to choose a route (clean text, text
 * whose marks were stripped, OCR damage).
 */
import {isMarked, isVietnameseOnly, stripMarks} from './letters.js'
import {isValidSyllable, syllableLetters} from './orthography.js'
import {forEachRun, forEachToken, isAcronym, type Token} from './tokenize.js'
import {memoize} from '../util/memoize.js'

/** Word statistics of a text. */
export interface TextQuality {
  /** Word tokens counted (acronyms, numbers and codes like `76/NQ-CP` are not). */
  syllables: number
  /** Share of them that are valid Vietnamese syllables (0..1; 1 when there are none). */
  validShare: number
  /** Share of them carrying a Vietnamese letter (ă â đ ê ô ơ ư) or a tone mark. */
  markedShare: number
  /** Share of them carrying a letter English OCR never outputs (ă â đ ê ô ơ ư, ả, ạ, ế, …). */
  vietnameseOnlyShare: number
}

/** Counts behind `TextQuality`, for callers that sum over lines. */
export interface WordCounts {
  words: number
  valid: number
  /**
   * Words a syllable may have been written as: valid syllables, and unmarked words whose letters
   * some syllable has once its marks are stripped (`cac`, `nguoi`). OCR damage (`hién`, `ctia`,
   * `x4`) is not.
   */
  spelled: number
  /**
   * Words with the marks of English-model OCR damage: a Latin-1 mark on a word no syllable is
   * (`hién`), digits or symbols among letters (`x4`, `c}}é`). English words and acronyms are not.
   */
  ocrLike: number
  marked: number
  vietnameseOnly: number
}

/** Whether a token counts as a word for quality: letters (maybe OCR-damaged), not an acronym or a code. */
export function isWordLike(token: Token): boolean {
  return wordLike(token.text, token.kind)
}

function wordLike(text: string, kind: Token['kind']): boolean {
  if (kind === 'word') return !(isAcronym(text) && !isValidSyllable(text))
  if (kind === 'mixed') return true
  // OCR writes digits for letters: `S6`, `x4`, `d6i`; real codes have a slash or several digits.
  return kind === 'code' && !text.includes('/') && text.length <= 5 && /[0-9]/.test(text) && /^[^0-9]*[0-9][^0-9]*$/u.test(text)
}

/** What the counts need to know of one token, cached by its spelling. */
interface WordFlags {
  /** The token's kind (a spelling has one kind; kept to check it). */
  kind: Token['kind']
  /** `isWordLike`. */
  wordLike: boolean
  valid: boolean
  spelled: boolean
  ocrLike: boolean
  marked: boolean
  vietnameseOnly: boolean
}

const flagCache = new Map<string, WordFlags>()
let strippedKeys: Set<string> | null = null

function flagsOf(text: string, kind: Token['kind']): WordFlags {
  const cached = flagCache.get(text)
  if (cached !== undefined && cached.kind === kind) return cached
  let marked = false
  let only = false
  for (const ch of text) {
    if (isMarked(ch)) marked = true
    if (isVietnameseOnly(ch)) only = true
  }
  let valid = false
  let spelled = false
  if (kind === 'word') {
    valid = isValidSyllable(text)
    strippedKeys ??= new Set(syllableLetters())
    spelled = valid || (!marked && strippedKeys.has(text.toLowerCase()))
  }
  const ocrLike = kind === 'word' ? marked && !only && !valid : true
  const flags = {kind, wordLike: wordLike(text, kind), valid, spelled, ocrLike, marked, vietnameseOnly: only}
  if (flagCache.size > 200_000) flagCache.clear()
  flagCache.set(text, flags)
  return flags
}

/** Counts of no words at all, to add to. */
export function noWords(): WordCounts {
  return {words: 0, valid: 0, spelled: 0, ocrLike: 0, marked: 0, vietnameseOnly: 0}
}

/** Add the counts `more` to `counts`; returns `counts`. */
export function addCounts(counts: WordCounts, more: WordCounts): WordCounts {
  counts.words += more.words
  counts.valid += more.valid
  counts.spelled += more.spelled
  counts.ocrLike += more.ocrLike
  counts.marked += more.marked
  counts.vietnameseOnly += more.vietnameseOnly
  return counts
}

/** Add the counts of `tokens` to `counts`. */
export function countWords(tokens: Iterable<Token>, counts: WordCounts = noWords()): WordCounts {
  for (const token of tokens) countToken(token, counts)
  return counts
}

/** Add the counts of one token (`times` times, default once) to `counts` (nothing when it is not word-like). */
export function countToken(token: Token, counts: WordCounts, times = 1): void {
  addFlags(flagsOf(token.text, token.kind), counts, times)
}

/**
 * The counts of the words of `text`: `countWords(tokenize(text))`, without building the tokens
 * (numbers and punctuation, never word-like, are not even cut out), each distinct chunk of text
 * (between white space) cut and counted once.
 */
export function countText(text: string, counts: WordCounts = noWords()): WordCounts {
  forEachRun(text, (start, end) => {
    addCounts(counts, chunkCounts(text.slice(start, end)))
  })
  return counts
}

/** The counts of a chunk of text (a run of non-space characters, cut into tokens by its characters alone), remembered by its text. */
const chunkCounts = memoize((chunk: string): WordCounts => {
  const own = noWords()
  forEachToken(chunk, (from, to, kind) => {
    if (kind === 'word' || kind === 'mixed' || kind === 'code') addFlags(flagsOf(chunk.slice(from, to), kind), own, 1)
  })
  return own
}, 50_000)

function addFlags(flags: WordFlags, counts: WordCounts, times: number): void {
  if (flags.wordLike) {
    counts.words += times
    if (flags.valid) counts.valid += times
    if (flags.spelled) counts.spelled += times
    if (flags.ocrLike) counts.ocrLike += times
    if (flags.marked) counts.marked += times
    if (flags.vietnameseOnly) counts.vietnameseOnly += times
  }
}

/** Word statistics of `text`. */
export function textQuality(text: string): TextQuality {
  const c = countText(text)
  const share = (x: number) => (c.words === 0 ? (x === c.valid ? 1 : 0) : x / c.words)
  return {syllables: c.words, validShare: share(c.valid), markedShare: share(c.marked), vietnameseOnlyShare: share(c.vietnameseOnly)}
}
