/**
 * OCR candidates searched ahead of time: for the tokens an English-model OCR
 * most often writes — every syllable of the vocabulary, its form without
 * marks, and its likely readings under the channel (`tableTokens`) — the
 * answer of `Channel.candidates` (default options) stored beside the model
 * (`models/diacritics.ocr.bin` for `models/diacritics.bin`), so that a run
 * searches only the other tokens. The file names the model it was built
 * from by a fingerprint of what the search reads (vocabulary, unigrams,
 * channel table): a table of another model is ignored, never used. The file
 * also holds the vocabulary trie the live search walks, and its tokens are
 * found through a hash table stored made: reading it builds nothing per token.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {Channel, type ChannelCandidate, type Trie} from './channel.js'
import type {ChannelTable} from './channel-table.js'
import {LanguageModel} from './language-model.js'
import {readModel} from './model-file.js'
import {stripMarks} from '../vietnamese/letters.js'

const MAGIC = 'SOHOAOC2'

/** Precomputed answers of `Channel.candidates` (default options), by token, and the vocabulary trie. */
export class CandidateTable {
  constructor(
    /** The tokens written one after the other; token i is `text[offsets[i]..offsets[i + 1])`. */
    private readonly text: string,
    private readonly offsets: Uint32Array,
    /** Open addressing by `tokenHash`: a token's index, or -1 (a power of two long). */
    private readonly slots: Int32Array,
    /** Token i's answer is `ids` and `scores` from `starts[i]` to `starts[i + 1]`. */
    private readonly starts: Uint32Array,
    private readonly ids: Uint16Array,
    private readonly scores: Float64Array,
    private readonly model: LanguageModel,
    /** The vocabulary trie of the model, as `buildTrie` makes it. */
    readonly trie: Trie
  ) {}

  /** Index of `token`, or -1 when the table does not hold it. */
  indexOf(token: string): number {
    const mask = this.slots.length - 1
    for (let at = tokenHash(token) & mask; ; at = (at + 1) & mask) {
      const i = this.slots[at]
      if (i < 0) return -1
      const start = this.offsets[i]
      if (this.offsets[i + 1] - start === token.length && this.text.startsWith(token, start)) return i
    }
  }

  /** The answer for `token`, or undefined when the table does not hold it. */
  get(token: string): ChannelCandidate[] | undefined {
    const i = this.indexOf(token)
    if (i < 0) return undefined
    // Pushed, not written into `new Array(n)`: a packed array like the live search's answers (code
    // that reads both stays monomorphic).
    const out: ChannelCandidate[] = []
    for (let k = this.starts[i]; k < this.starts[i + 1]; k++) out.push({id: this.ids[k], word: this.model.word(this.ids[k]), score: this.scores[k]})
    return out
  }
}

/** FNV-1a over a token's UTF-16 code units (the table's hash: written and read alike). */
function tokenHash(token: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** The table file of a model file: `x.bin` → `x.ocr.bin`. */
export function candidateTablePath(modelPath: string): string {
  return modelPath.replace(/(\.bin)?$/, '.ocr.bin')
}

/** A fingerprint of what `Channel.candidates` reads from a model: vocabulary and ids, unigrams, channel table. */
export function searchFingerprint(model: LanguageModel, table: ChannelTable): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(model.header.classes.length))
  hash.update(JSON.stringify(model.header.vocabulary))
  hash.update(JSON.stringify(table))
  const unigrams = new Float64Array(model.header.classes.length + model.header.vocabulary.length)
  for (let id = 0; id < unigrams.length; id++) unigrams[id] = model.unigram(id)
  hash.update(new Uint8Array(unigrams.buffer))
  return hash.digest('hex')
}

/** Readings of a letter other than its likeliest that the table also follows, one letter at a time. */
const otherReadings = 2

/**
 * The tokens the table holds: each syllable, its form without marks, its likeliest reading letter
 * by letter (`hiện` → `hién`), and the readings with one letter read its second or third likeliest
 * way instead (`hien`, `hi€n`, `tién`, `bién`…); and the numbers of one or two digits.
 */
export function tableTokens(model: LanguageModel, table: ChannelTable): string[] {
  const byLetter = new Map<string, string[]>()
  const readingsOf = (letter: string): string[] => {
    let readings = byLetter.get(letter)
    if (readings === undefined) {
      const known = table.emissions[letter]
      readings =
        known === undefined
          ? [letter]
          : Object.entries(known)
              .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
              .slice(0, 1 + otherReadings)
              .map(([reading]) => reading)
      byLetter.set(letter, readings)
    }
    return readings
  }
  const tokens = new Set<string>()
  for (const [word] of model.syllables()) {
    tokens.add(word)
    tokens.add(stripMarks(word))
    const letters = [...word]
    const likeliest = letters.map((letter) => readingsOf(letter)[0])
    tokens.add(likeliest.join(''))
    letters.forEach((letter, i) => {
      for (const other of readingsOf(letter).slice(1)) tokens.add([...likeliest.slice(0, i), other, ...likeliest.slice(i + 1)].join(''))
    })
  }
  // Every number OCR mode searches (`mayBeSyllable`: one or two digits; `13` for `là`, `6` for `số`).
  for (let n = 0; n < 100; n++) {
    tokens.add(String(n))
    tokens.add(String(n).padStart(2, '0'))
  }
  tokens.delete('')
  return [...tokens].sort()
}

/** The JSON header of a table file: what the sections after it hold. */
interface TableHeader {
  fingerprint: string
  /** Tokens, answers (candidates in all), hash table length, trie nodes, UTF-8 bytes of the tokens' text. */
  tokens: number
  total: number
  slots: number
  nodes: number
  textBytes: number
  /** The trie's letters (`Trie.letters`). */
  letters: string[]
}

/**
 * Build the table file of a model: every token of `tableTokens` searched by `channel`.
 *
 *   "SOHOAOC2" | u32 header length | header JSON (TableHeader) | then, each from a multiple of 8:
 *   tokens' text (UTF-8) | u32 offsets [tokens + 1] (UTF-16 units) | u32 answer starts [tokens + 1] |
 *   i32 hash slots [slots] | u16 ids [total] | f64 scores [total] |
 *   trie: i32 letter [nodes] | i32 childStart [nodes + 1] | i32 children [nodes - 1] | i32 wordId [nodes] | f64 bestUnigram [nodes]
 */
export function buildCandidateTable(model: LanguageModel, channel: Channel): Uint8Array {
  const tokens = tableTokens(model, channel.table)
  const answers = tokens.map((token) => channel.candidates(token))
  const total = answers.reduce((n, a) => n + a.length, 0)
  const joined = tokens.join('')
  const text = new TextEncoder().encode(joined)
  const offsets = new Uint32Array(tokens.length + 1)
  const starts = new Uint32Array(tokens.length + 1)
  tokens.forEach((token, i) => {
    offsets[i + 1] = offsets[i] + token.length
    starts[i + 1] = starts[i] + answers[i].length
  })
  const slots = new Int32Array(1 << Math.ceil(Math.log2(tokens.length * 2 + 2))).fill(-1)
  tokens.forEach((token, i) => {
    let at = tokenHash(token) & (slots.length - 1)
    while (slots[at] >= 0) at = (at + 1) & (slots.length - 1)
    slots[at] = i
  })
  const ids = new Uint16Array(total)
  const scores = new Float64Array(total)
  let at = 0
  for (const answer of answers) {
    for (const c of answer) {
      if (c.id > 0xffff) throw new Error('an OCR candidate table holds ids below 65,536')
      ids[at] = c.id
      scores[at] = c.score
      at++
    }
  }
  const trie = channel.trie
  const header: TableHeader = {
    fingerprint: searchFingerprint(model, channel.table),
    tokens: tokens.length,
    total,
    slots: slots.length,
    nodes: trie.letter.length,
    textBytes: text.length,
    letters: trie.letters
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header))
  const sections: ArrayBufferView[] = [text, offsets, starts, slots, ids, scores, trie.letter, trie.childStart, trie.children, trie.wordId, trie.bestUnigram]
  let size = pad8(MAGIC.length + 4 + headerBytes.length)
  for (const section of sections) size = pad8(size + section.byteLength)
  const out = new Uint8Array(size)
  out.set(new TextEncoder().encode(MAGIC), 0)
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.length, true)
  out.set(headerBytes, MAGIC.length + 4)
  let offset = pad8(MAGIC.length + 4 + headerBytes.length)
  for (const section of sections) {
    out.set(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), offset)
    offset = pad8(offset + section.byteLength)
  }
  return out
}

/** The table file of the model file `bytes` (named `name` in errors); null when the model has no OCR channel. */
export function candidateTableOf(bytes: Uint8Array, name: string): Uint8Array | null {
  const model = new LanguageModel(readModel(bytes, name))
  return model.header.channel ? buildCandidateTable(model, new Channel(model.header.channel, model)) : null
}

/**
 * Read the table file at `file` for `model` and its channel table; null when there is no such
 * file, it was built from another model (a different fingerprint) or in an older format.
 */
export function readCandidateTable(file: string, model: LanguageModel, table: ChannelTable): CandidateTable | null {
  if (!existsSync(file)) return null
  const input = readFileSync(file)
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input)
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length))
  if (!magic.startsWith('SOHOAOC')) throw new Error(`${file}: not a sohoa OCR candidate table (bad magic)`)
  if (magic !== MAGIC) return null
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset + MAGIC.length, 4).getUint32(0, true)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength))) as TableHeader
  if (header.fingerprint !== searchFingerprint(model, table)) return null
  let offset = pad8(MAGIC.length + 4 + headerLength)
  const section = <T>(make: (buffer: ArrayBufferLike, at: number, length: number) => T, length: number, unit: number): T => {
    if (bytes.byteLength < offset + length * unit) throw new Error(`${file}: OCR candidate table is truncated`)
    const out = make(bytes.buffer, bytes.byteOffset + offset, length)
    offset = pad8(offset + length * unit)
    return out
  }
  const text = new TextDecoder().decode(section((b, at, n) => new Uint8Array(b, at, n), header.textBytes, 1))
  const offsets = section((b, at, n) => new Uint32Array(b, at, n), header.tokens + 1, 4)
  const starts = section((b, at, n) => new Uint32Array(b, at, n), header.tokens + 1, 4)
  const slots = section((b, at, n) => new Int32Array(b, at, n), header.slots, 4)
  const ids = section((b, at, n) => new Uint16Array(b, at, n), header.total, 2)
  const scores = section((b, at, n) => new Float64Array(b, at, n), header.total, 8)
  const nodes = header.nodes
  const letter = section((b, at, n) => new Int32Array(b, at, n), nodes, 4)
  const childStart = section((b, at, n) => new Int32Array(b, at, n), nodes + 1, 4)
  const children = section((b, at, n) => new Int32Array(b, at, n), nodes - 1, 4)
  const wordId = section((b, at, n) => new Int32Array(b, at, n), nodes, 4)
  const bestUnigram = section((b, at, n) => new Float64Array(b, at, n), nodes, 8)
  const word = new Array<string>(nodes)
  for (let node = 0; node < nodes; node++) word[node] = wordId[node] >= 0 ? model.word(wordId[node]) : ''
  const trie: Trie = {letters: header.letters, letter, childStart, children, wordId, word, bestUnigram}
  return new CandidateTable(text, offsets, slots, starts, ids, scores, model, trie)
}

function pad8(n: number): number {
  return (n + 7) & ~7
}
