/**
 * `restore(text)`: put back the marks of Vietnamese text whose marks were
 * stripped, and repair text an OCR engine without Vietnamese mangled.
 * Only word tokens ever change; every line break, space and punctuation mark
 * stays where it was.
 */
import type {RestoredToken} from '../tree/types.js'
import {tokenClass} from './classes.js'
import {restoreCode, type CodeCounts} from './codes.js'
import {decode, margins, type Slot} from './decode.js'
import {isVietnameseOnly, stripMarks, stripTones} from '../vietnamese/letters.js'
import {lineMode, looksLikeOcr, type LineMode} from './line-mode.js'
import {loadModel, type Restorer} from './load-model.js'
import {applyCase, canonical, decompose, isValidSyllable} from '../vietnamese/orthography.js'
import {marksOf, marksScore} from './marks-channel.js'
import {ocrCandidates} from './ocr-candidates.js'
import {favourPlaces} from './places.js'
import {countWords, noWords, type WordCounts} from '../vietnamese/quality.js'
import {tokenize, type Token} from '../vietnamese/tokenize.js'

/** Options of `restore`. */
export interface RestoreOptions {
  /**
   * What damage to repair: `stripped` (marks removed: only unmarked words change, and only their
   * marks), `ocr` (damage from an OCR engine without Vietnamese: any word may change), `marks`
   * (text from an OCR engine with Vietnamese: letters are trusted, any word's marks may change,
   * weighed by the model's marks channel), `auto` (decide per line between the first two and
   * leaving the line alone; default).
   */
  mode?: RestoreMode
  /** Path of a model file (default: the model shipped with sohoa). */
  model?: string
  /** An already loaded model (from `loadModel`, or a variant of one); overrides `model`. */
  restorer?: Restorer
  /** Hypotheses kept by the decoder (default 8). */
  beam?: number
  /**
   * In `auto`: whether the text is known to come from an OCR engine without Vietnamese (its
   * lines then get OCR repair unless they are clean); default: judged from the text itself.
   */
  ocrText?: boolean
  /** Whether to list the changed tokens with their confidence (default true; false: only the text, faster). */
  details?: boolean
  /**
   * The text that comes before `text` (the previous paragraph, already restored): its last words
   * are the history the first words of `text` are scored after, as they would be in the whole
   * text. It is never changed nor returned. Default: `text` opens a text.
   */
  before?: string
  /** Weight of the OCR channel against the language model (default 1). */
  channelWeight?: number
  /** Decoder pruning: hypotheses this many log10 units below the best are dropped (default 4; 3 for a block whose lines only lack their marks). */
  threshold?: number
}

/** What damage `restore` repairs: see `RestoreOptions.mode`. */
export type RestoreMode = 'stripped' | 'ocr' | 'marks' | 'auto'

/** Result of `restore`. */
export interface RestoreResult {
  /** The restored text. */
  text: string
  /** The tokens that changed, with offsets into the restored text (empty with `details: false`). */
  tokens: RestoredToken[]
}

/** Candidates of a token: model ids, the words they write (lowercase; null: the token as it is), channel scores. */
interface Lattice extends Slot {
  words: Array<string | null> | null
  /** Whether the words may differ from the token in more than marks (OCR repair). */
  ocr: boolean
}

const romanNumeral = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/

/**
 * Texts longer than this (UTF-16 units) are restored in blocks of whole lines, each scored after
 * the end of the one before, to bound memory. 32k units rather than 128k: on 1.16M stripped
 * syllables of Wikipedia text, peak RSS 261 → 175 MB and ~3–5% less CPU (a long first block kept
 * V8 compiling restore's loops mid-run, then again); the eval's accuracies are unchanged, and 36 of
 * that text's 28,515 lines come out otherwise (words next to a block's start).
 */
export const blockSize = 1 << 15

/** Restore `text`; loads the model on first use. */
export function restore(text: string, options: RestoreOptions = {}): RestoreResult {
  const restorer = options.restorer ?? loadModel(options.model)
  const mode = options.mode ?? 'auto'
  const slots: SlotCache = new Map()
  if (text.length <= blockSize) return restoreBlock(text, restorer, mode, options.ocrText, options, options.before, slots)
  const blocks = splitBlocks(text)
  if (mode !== 'auto' || options.ocrText !== undefined) return restoreBlocks(blocks, restorer, mode, options.ocrText, options, slots)
  // Whether the whole text reads as OCR output is known only at its end. When its first block does
  // not, the whole text is restored as text that does not (the usual case), its words counted on
  // the way, and restored again if it does after all; else the words are counted first.
  if (!looksLikeOcr(countWords(tokenize(blocks[0])))) {
    const counts = noWords()
    const result = restoreBlocks(blocks, restorer, mode, false, options, slots, counts)
    if (!looksLikeOcr(counts)) return result
    return restoreBlocks(blocks, restorer, mode, true, options, slots)
  }
  const counts = noWords()
  for (const block of blocks) countWords(tokenize(block), counts)
  return restoreBlocks(blocks, restorer, mode, looksLikeOcr(counts), options, slots)
}

/** Restore `blocks` one after the other (each after the end of the one before); `counts` gathers their words' counts. */
function restoreBlocks(
  blocks: string[],
  restorer: Restorer,
  mode: RestoreMode,
  ocrText: boolean | undefined,
  options: RestoreOptions,
  slots: SlotCache,
  counts?: WordCounts
): RestoreResult {
  const parts: string[] = []
  let length = 0
  // The end of the restored text so far: each block is scored after it, as the whole text would be.
  let tail = ''
  const tokens: RestoredToken[] = []
  for (const block of blocks) {
    const result = restoreBlock(block, restorer, mode, ocrText, options, parts.length === 0 ? options.before : tail, slots, counts)
    for (const t of result.tokens) tokens.push({...t, start: t.start + length, end: t.end + length})
    parts.push(result.text)
    length += result.text.length
    tail = (result.text.length >= historyChars ? result.text : tail + result.text).slice(-historyChars)
  }
  return {text: parts.join(''), tokens}
}

/** Cut `text` after line breaks into blocks of about `blockSize`. */
function splitBlocks(text: string): string[] {
  const blocks: string[] = []
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + blockSize)
    if (end < text.length) {
      const cut = text.indexOf('\n', end)
      end = cut === -1 ? text.length : cut + 1
    }
    blocks.push(text.slice(start, end))
    start = end
  }
  return blocks
}

/** Characters of the text before a block that are enough for the model's history (a few words). */
const historyChars = 200

/**
 * Fixed slots for the last words of `before` (at most `count` tokens), which the decoder takes as
 * the history of the text after them.
 */
function historySlots(before: string | undefined, count: number, lookup: (key: string) => number | undefined): Lattice[] {
  if (before === undefined || before === '') return []
  const tokens = tokenize(before.slice(-historyChars))
  return tokens.slice(Math.max(0, tokens.length - count)).map((token) => fixed(tokenClass(token, lookup)))
}

/**
 * The decoder's pruning (log10 units below the best hypothesis) for a block whose lines only lack
 * their marks: 3 instead of the decoder's 4. On the test half of the held-out documents it costs
 * 0.01 point of syllable accuracy in each domain and restores 8–20% more syllables per second;
 * OCR repair keeps 4 (3 loses a syllable of seed 002's 2-fold cross-validation: 99.02% → 98.99%).
 */
const strippedThreshold = 3

/** Lattice slots of the tokens seen, per mode, by their text (a text repeats its words): kept across the blocks of a text. */
type SlotCache = Map<LineMode, Map<string, Lattice>>

/** Restore one block: its tokens' lattice slots, the decoder's best path through them, the changed tokens written back. */
function restoreBlock(
  text: string,
  restorer: Restorer,
  mode: RestoreMode,
  ocrText: boolean | undefined,
  options: RestoreOptions,
  before: string | undefined,
  cache: SlotCache,
  counts?: WordCounts
): RestoreResult {
  const tokens = tokenize(text)
  if (counts !== undefined) countWords(tokens, counts)
  const modes = tokenModes(tokens, mode, ocrText)
  const upperLines = upperLineFlags(tokens)
  const validCapitals = mode === 'marks' ? validCapitalLines(tokens, upperLines) : null
  const lookup = (key: string) => restorer.model.id(key)
  const slots = latticeOf(text, tokens, modes, restorer, cache, lookup)
  favourPlaces(tokens, slots, lookup)
  // A block with only marks to put back prunes harder than one with OCR or marks repair (`strippedThreshold`).
  const threshold = options.threshold ?? (modes.every((m) => m === 'stripped' || m === 'keep') ? strippedThreshold : undefined)
  const decodeOptions = {beam: options.beam, threshold, channelWeight: options.channelWeight}
  // Text with nothing to decide (correct text in auto mode) needs no search.
  const history = historySlots(before, restorer.model.order - 1, lookup)
  const offset = history.length
  const path = offset > 0 ? [...history, ...slots] : slots
  const decided = slots.some((slot) => slot.ids.length > 1) ? decode(restorer.model, path, decodeOptions).choice : new Int32Array(path.length)
  const choice = decided.subarray(offset)
  /** `margins` of the changes at `positions` (indices into `slots`), scored on the path with its history. */
  const marginsAt = (at: number[]) => margins(restorer.model, path, decided, at.map((i) => i + offset), decodeOptions)

  const {positions, values} = changesOf(tokens, slots, choice, modes, upperLines, restorer.model.header.codes ?? null)
  if (validCapitals !== null && positions.some((i) => validCapitals[i])) {
    // A heading in capitals that is valid Vietnamese changes only where the model is sure (by 100 to 1).
    const sure = marginsAt(positions)
    for (let p = positions.length - 1; p >= 0; p--) {
      if (validCapitals[positions[p]] && sure[p] < sureMargin) {
        positions.splice(p, 1)
        values.splice(p, 1)
      }
    }
  }
  const details = options.details ?? true
  const margin = details ? marginsAt(positions) : null
  return spliceChanges(text, tokens, positions, values, margin)
}

/** The lattice slot of every token (slots of equal tokens under one mode are shared through `cache`). */
function latticeOf(
  text: string,
  tokens: Token[],
  modes: LineMode[],
  restorer: Restorer,
  cache: SlotCache,
  lookup: (key: string) => number | undefined
): Lattice[] {
  const slots: Lattice[] = new Array(tokens.length)
  // The slots of the current mode (modes come in runs of lines).
  let lastMode: LineMode | undefined
  let seen: Map<string, Lattice> | undefined
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    const m = modes[i]
    if (m !== 'keep' && mayBeRoman(token.text) && romanNumeral.test(token.text) && (isMarker(tokens[i + 1]) || isNumberCell(text, token, tokens[i + 1], i === 0 || token.lineBefore))) {
      // `II.`, `IV)`, a table row's `VI<tab>`, a cell or line that is just `VI`: section numbers, never syllables.
      slots[i] = fixed(tokenClass(token, lookup))
      continue
    }
    if (m !== lastMode) {
      lastMode = m
      seen = cache.get(m)
      if (seen === undefined) cache.set(m, (seen = new Map()))
    }
    let slot = seen!.get(token.text)
    if (slot === undefined) {
      slot = buildSlot(restorer, token, m, lookup)
      seen!.set(token.text, slot)
    }
    slots[i] = slot
  }
  return slots
}

/** The tokens the decoder's `choice` changes (indices into `tokens`) and their new values, codes restored where a token is kept as written. */
function changesOf(
  tokens: Token[],
  slots: Lattice[],
  choice: Int32Array,
  modes: LineMode[],
  upperLines: boolean[],
  codes: CodeCounts | null
): {positions: number[]; values: string[]} {
  const positions: number[] = []
  const values: string[] = []
  // Codes repeat in a text (`UBND`, `QD-UBND`): each restored once.
  const restoredCodes = new Map<string, string | null>()
  for (let i = 0; i < tokens.length; i++) {
    const slot = slots[i]
    const token = tokens[i]
    const word = slot.words === null ? null : slot.words[choice[i]]
    if (word === null) {
      // Kept as written: a document number or an abbreviation may have lost its Đ.
      if ((modes[i] === 'stripped' || modes[i] === 'ocr') && (token.kind === 'code' || token.kind === 'word')) {
        let code = restoredCodes.get(token.text)
        if (code === undefined) restoredCodes.set(token.text, (code = restoreCode(token.text, codes)))
        if (code !== null) {
          positions.push(i)
          values.push(code)
        }
      }
      continue
    }
    const value = slot.ocr ? ocrCase(word, token.text, upperLines[i]) : applyCase(word, token.text)
    if (value === token.text || canonical(token.text) === value) continue
    positions.push(i)
    values.push(value)
  }
  return {positions, values}
}

/** `text` with the tokens at `positions` replaced by `values`; the changed tokens listed with their confidence when `margin` is given. */
function spliceChanges(text: string, tokens: Token[], positions: number[], values: string[], margin: Float64Array | null): RestoreResult {
  const parts: string[] = []
  let length = 0
  let last = 0
  const changed: RestoredToken[] = []
  for (let p = 0; p < positions.length; p++) {
    const token = tokens[positions[p]]
    const before = text.slice(last, token.start)
    parts.push(before, values[p])
    const start = length + before.length
    length = start + values[p].length
    last = token.end
    if (margin) changed.push({start, end: length, original: token.text, value: values[p], confidence: confidence(margin[p])})
  }
  parts.push(text.slice(last))
  return {text: parts.join(''), tokens: changed}
}

/** Probability-like confidence from a log10 margin: 0.5 for a tie, → 1 for a wide margin. */
function confidence(margin: number): number {
  if (margin === Infinity) return 1
  return Math.round((1 / (1 + 10 ** -margin)) * 1000) / 1000
}

/** The mode of every token: per line in `auto`. */
function tokenModes(tokens: Token[], mode: RestoreMode, ocrText: boolean | undefined): LineMode[] {
  if (mode !== 'auto') return new Array<LineMode>(tokens.length).fill(mode)
  const textIsOcr = ocrText ?? looksLikeOcr(countWords(tokens))
  const out = new Array<LineMode>(tokens.length)
  let start = 0
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].lineBefore) {
      out.fill(lineMode(tokens, textIsOcr, start, i), start, i)
      start = i
    }
  }
  return out
}

/** log10 margin a change needs in a heading in capitals that is already valid Vietnamese (marks mode). */
const sureMargin = 2

/**
 * For each token, whether it stands in a line in capitals whose words are all valid syllables or
 * abbreviations (`TỈNH LÂM ĐỒNG`, `UBND XÃ NGUYÊN GIÁP`): in marks mode such headings are left
 * as they are unless the model is sure (they carry little context, and an OCR engine that knows
 * Vietnamese reads large capitals well).
 */
function validCapitalLines(tokens: Token[], upperLines: boolean[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false)
  let start = 0
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && !tokens[i].lineBefore) continue
    if (upperLines[start]) {
      let valid = true
      for (let j = start; j < i && valid; j++) {
        const t = tokens[j]
        if (t.kind === 'word' && t.text.length >= 2 && !isValidSyllable(t.text)) valid = isAcronymLike(t.text)
      }
      if (valid) out.fill(true, start, i)
    }
    start = i
  }
  return out
}

/** Whether a word in capitals that is no syllable reads as an abbreviation (`UBND`, `HĐND`): it bears no tone mark. */
function isAcronymLike(word: string): boolean {
  return stripTones(word) === word
}

/** Whether `word` has a letter an English OCR model never writes. */
function hasVietnameseOnly(word: string): boolean {
  // Such letters are single code units outside ASCII (a surrogate half is none).
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128 && isVietnameseOnly(word[i])) return true
  return false
}

/** Whether `token` is the `.` or `)` after a section number. */
function isMarker(token: Token | undefined): boolean {
  return token !== undefined && !token.spaceBefore && (token.text === '.' || token.text === ')')
}

/** Whether `token` starts a line and is alone in its cell: a tab follows it (`VI\tCải cách…`), or nothing else on its line (a table cell `VI`). */
function isNumberCell(text: string, token: Token, next: Token | undefined, lineStart: boolean): boolean {
  return lineStart && (text.charCodeAt(token.end) === 9 || next === undefined || next.lineBefore)
}

function fixed(id: number): Lattice {
  return {ids: [id], scores: null, words: null, ocr: false}
}

/** Whether a word may be in capitals: neither of its first two characters is a lowercase ASCII letter (told without building strings). */
function mayBeCapitals(text: string): boolean {
  const a = text.charCodeAt(0)
  const b = text.charCodeAt(1)
  return !(a >= 97 && a <= 122) && !(b >= 97 && b <= 122)
}

/** Whether a token starts as a Roman numeral may (I V X L C), before the full test. */
function mayBeRoman(text: string): boolean {
  const code = text.charCodeAt(0)
  return code === 73 || code === 86 || code === 88 || code === 76 || code === 67
}

/** For each token, whether its line is written in capitals (a heading): judged on words spelt like syllables. */
function upperLineFlags(tokens: Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false)
  let start = 0
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].lineBefore) {
      let upper = 0
      for (let j = start; j < i; j++) {
        const t = tokens[j]
        if (t.kind === 'word' && t.text.length >= 2 && mayBeCapitals(t.text) && t.text === t.text.toUpperCase() && decompose(t.text) !== null) upper++
      }
      // Words in capitals are counted first: without any, the line is not in capitals whatever its other words.
      let words = 0
      if (upper > 0) {
        for (let j = start; j < i; j++) {
          const t = tokens[j]
          if (t.kind === 'word' && t.text.length >= 2 && decompose(t.text) !== null) words++
        }
      }
      out.fill(words > 0 && upper * 2 > words, start, i)
      start = i
    }
  }
  return out
}

/** Case an OCR repair like the token it replaces: capitals, title case or lower case. */
export function ocrCase(word: string, original: string, upperLine: boolean): string {
  const {cased, upper, first} = caseCounts(original)
  if (upperLine && cased === 0) return word.toUpperCase()
  if ((cased >= 2 && upper === cased) || (upperLine && upper > 0 && (first || upper * 2 > cased))) return word.toUpperCase()
  if (first) return word[0].toUpperCase() + word.slice(1)
  return word
}

/** The letters of `text` that have a case, the capitals among them, and whether the first of them (no other letter before it) is a capital. */
function caseCounts(text: string): {cased: number; upper: number; first: boolean} {
  // ASCII tokens (most of an English engine's output) counted by char code, with the same answer.
  let cased = 0
  let upper = 0
  let first = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 128) return caseCountsOfAny(text)
    if (code >= 65 && code <= 90) {
      if (cased++ === 0) first = true
      upper++
    } else if (code >= 97 && code <= 122) cased++
  }
  return {cased, upper, first}
}

/** `caseCounts` for any text. */
function caseCountsOfAny(text: string): {cased: number; upper: number; first: boolean} {
  const letters = [...text].filter((c) => c.toLowerCase() !== c.toUpperCase())
  const upper = letters.filter((c) => c !== c.toLowerCase()).length
  const first = letters.length > 0 && letters[0] !== letters[0].toLowerCase() && /^\P{L}*\p{Lu}/u.test(text)
  return {cased: letters.length, upper, first}
}

/** The lattice slot of a token under a mode. */
function buildSlot(restorer: Restorer, token: Token, mode: LineMode, lookup: (key: string) => number | undefined): Lattice {
  if (mode === 'ocr' && restorer.channel && !(token.kind === 'word' && hasVietnameseOnly(token.text) && isValidSyllable(token.text))) {
    // (A valid syllable with ă â đ ê ô ơ ư or a hook or dot below was not written by an engine
    // without Vietnamese: it stays as it is.)
    const found = ocrCandidates(restorer.channel, token, lookup, restorer.ocrCache, restorer.model.header.spelling)
    if (found) return {ids: found.ids, scores: found.scores, words: found.words, ocr: true}
  }
  if (mode === 'marks') return marksSlot(restorer, token, lookup)
  if (mode === 'keep' || token.kind !== 'word') return fixed(tokenClass(token, lookup))
  const text = token.text
  if (stripMarks(text) !== text) return fixed(tokenClass(token, lookup))
  const list = restorer.stripped.get(text.toLowerCase())
  if (list === undefined) return fixed(tokenClass(token, lookup))
  return {ids: list.ids, scores: null, words: list.words, ocr: false}
}

/**
 * The slot of a word read by an OCR engine with Vietnamese: every syllable with the same letters,
 * scored by the marks channel (the word as read among them, or kept as it is when no syllable of
 * the vocabulary is spelt so: a name, a foreign word).
 */
function marksSlot(restorer: Restorer, token: Token, lookup: (key: string) => number | undefined): Lattice {
  const table = restorer.marks
  if (table === null || token.kind !== 'word') return fixed(tokenClass(token, lookup))
  const read = token.text.toLowerCase()
  const list = marksOf(read) === null ? undefined : restorer.stripped.get(stripMarks(read))
  if (list === undefined) return fixed(tokenClass(token, lookup))
  const ids: number[] = Array.from(list.ids)
  const words: Array<string | null> = [...list.words]
  const scores = list.words.map((word) => marksScore(table, word, read))
  if (!list.words.includes(canonical(read))) {
    ids.push(tokenClass(token, lookup))
    words.push(null)
    scores.push(marksScore(table, read, read))
  }
  return {ids, scores, words, ocr: false}
}
