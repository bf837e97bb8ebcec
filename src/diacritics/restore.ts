/**
 * `restore(text)`: put back the marks of Vietnamese text whose marks were
 * stripped, and repair text an OCR engine without Vietnamese mangled.
 * Only word tokens ever change; every line break, space and punctuation mark
 * stays where it was.
 */
import type {RestoredToken} from '../tree/types.js'
import {tokenClass} from './classes.js'
import {decode, margins, type Slot} from './decode.js'
import {stripMarks} from './letters.js'
import {lineMode, looksLikeOcr, type LineMode} from './line-mode.js'
import {loadModel, type Restorer} from './load-model.js'
import {applyCase, canonical} from './orthography.js'
import {countWords} from './quality.js'
import {tokenize, type Token} from './tokenize.js'

/** Options of `restore`. */
export interface RestoreOptions {
  /**
   * What damage to repair: `stripped` (marks removed: only unmarked words change, and only their
   * marks), `ocr` (OCR damage: any word may change), `auto` (decide per line; default).
   */
  mode?: 'stripped' | 'ocr' | 'auto'
  /** Path of a model file (default: the model shipped with sohoa). */
  model?: string
  /** Hypotheses kept by the decoder (default 8). */
  beam?: number
  /**
   * In `auto`: whether the text is known to come from an OCR engine without Vietnamese (its
   * lines then get OCR repair unless they are clean); default: judged from the text itself.
   */
  ocrText?: boolean
  /** Decoder pruning: hypotheses this many log10 units below the best are dropped (default 5). */
  threshold?: number
}

/** Result of `restore`. */
export interface RestoreResult {
  /** The restored text. */
  text: string
  /** The tokens that changed, with offsets into the restored text. */
  tokens: RestoredToken[]
}

/** Candidates of a token: model ids, the words they write (lowercase), and channel scores. */
interface Lattice extends Slot {
  words: string[] | null
}

const romanNumeral = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/

/** Restore `text`; loads the model on first use. */
export function restore(text: string, options: RestoreOptions = {}): RestoreResult {
  const restorer = loadModel(options.model)
  const mode = options.mode ?? 'auto'
  const tokens = tokenize(text)
  const modes = tokenModes(tokens, mode, options.ocrText)
  const lookup = (key: string) => restorer.model.id(key)
  const cache = new Map<string, Lattice>()
  const slots: Lattice[] = new Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    const m = modes[i]
    if (m !== 'keep' && romanNumeral.test(token.text) && isMarker(tokens[i + 1])) {
      // `II.`, `IV)`: section numbers, never syllables.
      slots[i] = fixed(tokenClass(token, lookup))
      continue
    }
    const cacheKey = m + token.text
    let slot = cache.get(cacheKey)
    if (slot === undefined) {
      slot = buildSlot(restorer, token, m, lookup)
      cache.set(cacheKey, slot)
    }
    slots[i] = slot
  }
  const {choice} = decode(restorer.model, slots, {beam: options.beam, threshold: options.threshold})

  const positions: number[] = []
  const values: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const slot = slots[i]
    if (slot.words === null) continue
    const token = tokens[i]
    const value = applyCase(slot.words[choice[i]], token.text)
    if (value === token.text || canonical(token.text) === value) continue
    positions.push(i)
    values.push(value)
  }
  const margin = margins(restorer.model, slots, choice, positions)
  let out = ''
  let last = 0
  const changed: RestoredToken[] = []
  for (let p = 0; p < positions.length; p++) {
    const token = tokens[positions[p]]
    out += text.slice(last, token.start)
    const start = out.length
    out += values[p]
    last = token.end
    changed.push({start, end: out.length, original: token.text, value: values[p], confidence: confidence(margin[p])})
  }
  out += text.slice(last)
  return {text: out, tokens: changed}
}

/** Probability-like confidence from a log10 margin: 0.5 for a tie, → 1 for a wide margin. */
function confidence(margin: number): number {
  if (margin === Infinity) return 1
  return Math.round((1 / (1 + 10 ** -margin)) * 1000) / 1000
}

/** The mode of every token: per line in `auto`. */
function tokenModes(tokens: Token[], mode: 'stripped' | 'ocr' | 'auto', ocrText: boolean | undefined): LineMode[] {
  if (mode !== 'auto') return new Array<LineMode>(tokens.length).fill(mode)
  const textIsOcr = ocrText ?? looksLikeOcr(countWords(tokens))
  const out = new Array<LineMode>(tokens.length)
  let start = 0
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].lineBefore) {
      const line = tokens.slice(start, i)
      out.fill(lineMode(line, textIsOcr), start, i)
      start = i
    }
  }
  return out
}

/** Whether `token` is the `.` or `)` after a section number. */
function isMarker(token: Token | undefined): boolean {
  return token !== undefined && !token.spaceBefore && (token.text === '.' || token.text === ')')
}

function fixed(id: number): Lattice {
  return {ids: [id], scores: null, words: null}
}

/** The lattice slot of a token under a mode. */
function buildSlot(restorer: Restorer, token: Token, mode: LineMode, lookup: (key: string) => number | undefined): Lattice {
  // OCR lines get the stripped-text candidates until the OCR confusion channel lands.
  if (mode === 'keep' || token.kind !== 'word') return fixed(tokenClass(token, lookup))
  const text = token.text
  if (stripMarks(text) !== text) return fixed(tokenClass(token, lookup))
  const list = restorer.stripped.get(text.toLowerCase())
  if (list === undefined) return fixed(tokenClass(token, lookup))
  return {ids: list.ids, scores: null, words: list.words}
}
