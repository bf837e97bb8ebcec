/**
 * OCR candidates searched ahead of time: for the tokens an English-model OCR
 * most often writes — every syllable of the vocabulary, its form without
 * marks, and its likely readings under the channel (`tableTokens`) — the
 * answer of `Channel.candidates` (default options) stored beside the model
 * (`models/diacritics.ocr.bin` for `models/diacritics.bin`), so that a run
 * searches only the other tokens. The file names the model it was built
 * from by a fingerprint of what the search reads (vocabulary, unigrams,
 * channel table): a table of another model is ignored, never used.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {Channel, type ChannelCandidate} from './channel.js'
import type {ChannelTable} from './channel-table.js'
import {LanguageModel} from './language-model.js'
import {readModel} from './model-file.js'
import {stripMarks} from '../vietnamese/letters.js'

const MAGIC = 'SOHOAOC1'

/** Precomputed answers of `Channel.candidates` (default options), by token. */
export class CandidateTable {
  /** Index of each token; its answer is `ids` and `scores` from `starts[index]` to `starts[index + 1]`. */
  private readonly index = new Map<string, number>()
  private readonly starts: Uint32Array

  constructor(
    tokens: string[],
    counts: Uint8Array,
    private readonly ids: Uint32Array,
    private readonly scores: Float64Array,
    private readonly model: LanguageModel
  ) {
    this.starts = new Uint32Array(tokens.length + 1)
    for (let i = 0; i < tokens.length; i++) {
      this.index.set(tokens[i], i)
      this.starts[i + 1] = this.starts[i] + counts[i]
    }
  }

  /** The answer for `token`, or undefined when the table does not hold it. */
  get(token: string): ChannelCandidate[] | undefined {
    const i = this.index.get(token)
    if (i === undefined) return undefined
    const start = this.starts[i]
    const out: ChannelCandidate[] = new Array(this.starts[i + 1] - start)
    for (let k = 0; k < out.length; k++) out[k] = {id: this.ids[start + k], word: this.model.word(this.ids[start + k]), score: this.scores[start + k]}
    return out
  }
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
 * way instead (`hien`, `hi€n`, `tién`, `bién`…).
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
  tokens.delete('')
  return [...tokens].sort()
}

/** Build the table file of a model: every token of `tableTokens` searched by `channel`. */
export function buildCandidateTable(model: LanguageModel, channel: Channel): Uint8Array {
  const tokens = tableTokens(model, channel.table)
  const answers = tokens.map((token) => channel.candidates(token))
  const total = answers.reduce((n, a) => n + a.length, 0)
  const header = new TextEncoder().encode(JSON.stringify({fingerprint: searchFingerprint(model, channel.table), tokens}))
  // magic, header length, header, counts (one byte per token), ids (Uint32), scores (Float64); sections start at multiples of 8.
  const countsAt = pad8(MAGIC.length + 4 + header.length)
  const idsAt = pad8(countsAt + tokens.length)
  const scoresAt = pad8(idsAt + total * 4)
  const out = new Uint8Array(scoresAt + total * 8)
  out.set(new TextEncoder().encode(MAGIC), 0)
  new DataView(out.buffer).setUint32(MAGIC.length, header.length, true)
  out.set(header, MAGIC.length + 4)
  answers.forEach((a, i) => {
    if (a.length > 255) throw new Error('an OCR candidate table holds at most 255 candidates per token')
    out[countsAt + i] = a.length
  })
  const ids = new Uint32Array(out.buffer, idsAt, total)
  const scores = new Float64Array(out.buffer, scoresAt, total)
  let at = 0
  for (const answer of answers) {
    for (const c of answer) {
      ids[at] = c.id
      scores[at] = c.score
      at++
    }
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
 * file or it was built from another model (a different fingerprint).
 */
export function readCandidateTable(file: string, model: LanguageModel, table: ChannelTable): CandidateTable | null {
  if (!existsSync(file)) return null
  const input = readFileSync(file)
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input)
  if (new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw new Error(`${file}: not a sohoa OCR candidate table (bad magic)`)
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset + MAGIC.length, 4).getUint32(0, true)
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength))) as {fingerprint: string; tokens: string[]}
  if (header.fingerprint !== searchFingerprint(model, table)) return null
  const countsAt = pad8(MAGIC.length + 4 + headerLength)
  if (bytes.byteLength < countsAt + header.tokens.length) throw new Error(`${file}: OCR candidate table is truncated`)
  const counts = bytes.subarray(countsAt, countsAt + header.tokens.length)
  let total = 0
  for (const n of counts) total += n
  const idsAt = pad8(countsAt + header.tokens.length)
  const scoresAt = pad8(idsAt + total * 4)
  if (bytes.byteLength < scoresAt + total * 8) throw new Error(`${file}: OCR candidate table is truncated`)
  const ids = new Uint32Array(bytes.buffer, bytes.byteOffset + idsAt, total)
  const scores = new Float64Array(bytes.buffer, bytes.byteOffset + scoresAt, total)
  return new CandidateTable(header.tokens, counts, ids, scores, model)
}

function pad8(n: number): number {
  return (n + 7) & ~7
}
