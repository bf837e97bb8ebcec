/**
 * The model file: an 8-byte magic, a JSON header (vocabulary, codebooks,
 * training record, OCR confusion table) and the n-gram trie's arrays
 * (`ngram-trie.ts`), each 4-byte aligned so they load as typed-array views
 * without copying or rebuilding anything.
 *
 *   "SOHOALM3" | u32 header length | header JSON (space-padded to 4) |
 *   f32 unigram log10 p [V] | f32 unigram log10 back-off [V] | u32 unigram children start [V+1] |
 *   per order k = 2..N: u16 last id [n_k] | u8 prob code [n_k] |
 *     (k < N) u8 back-off code [n_k] | (k < N) u32 children start [n_k + 1]
 */
import type {ChannelTable} from './channel-table.js'
import type {CodeCounts} from './codes.js'
import type {MarksTable} from './marks-channel.js'
import type {TrieArrays, TrieOrder} from './ngram-trie.js'
import type {SpellingModel} from './spelling.js'

/** The magic bytes that open a model file. */
export const MAGIC = 'SOHOALM3'

/** What the training recorded about itself, for the eval and for users. */
export interface TrainingRecord {
  /** Files trained on (relative names as given), sorted. */
  files: string[]
  /**
   * The hold-out rule and the documents it held out (never trained on), by base name; `domains`
   * lists them per domain (corpus folder name) and `development` names the half used for tuning.
   */
  holdout: {rule: string; files: string[]; domains?: Record<string, string[]>; development?: string[]}
  /** Documents trained on per domain, and each domain's count weight. */
  domains?: Record<string, {files: number; tokens: number; weight: number}>
  /** Tokens seen in training. */
  tokens: number
  /** Estimation options. */
  minCounts: number[]
}

/** Codebooks and size of one order of the n-gram trie. */
export interface TableHeader {
  order: number
  entries: number
  probLevels: number[]
  backoffLevels: number[] | null
}

/** The JSON header of a model file. */
export interface ModelHeader {
  format: 'sohoa-diacritics'
  version: 3
  order: number
  /** Class names (ids 0..classes.length-1), then syllables. */
  classes: string[]
  /** Syllables, lowercase, output tone convention; id = classes.length + index. */
  vocabulary: string[]
  tables: TableHeader[]
  training: TrainingRecord
  /** How each class of words kept as written spells its members (by class name). */
  spelling: Record<string, SpellingModel>
  /** OCR confusion statistics, when trained with some. */
  channel: ChannelTable | null
  /** How the training corpus writes the code parts that may hide a Đ (`QD`: {QĐ: 4025, QD: 2}), by the part with Đ as D. */
  codes?: CodeCounts
  /** How an OCR engine that knows Vietnamese misreads marks, when trained with it (absent in older models). */
  marks?: MarksTable | null
}

/** The parts of a loaded (or about to be written) model. */
export interface ModelParts {
  header: ModelHeader
  unigramLogProbs: Float32Array
  unigramLogBackoffs: Float32Array
  /** The n-grams of orders 2..N. */
  trie: TrieArrays
}

const pad4 = (n: number) => (n + 3) & ~3

/** Serialise a model to bytes. */
export function writeModel(parts: ModelParts): Uint8Array {
  let json = JSON.stringify(parts.header)
  let headerBytes = new TextEncoder().encode(json)
  const padded = pad4(MAGIC.length + 4 + headerBytes.length) - MAGIC.length - 4
  json += ' '.repeat(padded - headerBytes.length)
  headerBytes = new TextEncoder().encode(json)
  const chunks: Uint8Array[] = [new TextEncoder().encode(MAGIC)]
  const length = new Uint8Array(4)
  new DataView(length.buffer).setUint32(0, headerBytes.length, true)
  chunks.push(length, headerBytes)
  const view = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
  const aligned = (a: ArrayBufferView) => {
    chunks.push(view(a))
    const rest = pad4(a.byteLength) - a.byteLength
    if (rest > 0) chunks.push(new Uint8Array(rest))
  }
  aligned(parts.unigramLogProbs)
  aligned(parts.unigramLogBackoffs)
  aligned(parts.trie.unigramFirst)
  for (const o of parts.trie.orders) {
    aligned(o.words)
    aligned(o.probs)
    if (o.backoffs) aligned(o.backoffs)
    if (o.first) aligned(o.first)
  }
  const total = chunks.reduce((n, c) => n + c.byteLength, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/** Read a model from bytes (views into `bytes`, copied once if misaligned); `name` names it in errors. */
export function readModel(input: Uint8Array, name: string): ModelParts {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice()
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length))
  if (magic.startsWith('SOHOALM') && magic !== MAGIC) throw new Error(`${name}: unsupported model format ${magic} (this sohoa reads ${MAGIC}: retrain with \`sohoa train\`)`)
  if (magic !== MAGIC) throw new Error(`${name}: not a sohoa diacritics model (bad magic)`)
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset + MAGIC.length, 4).getUint32(0, true)
  let at = MAGIC.length + 4
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + headerLength))) as ModelHeader
  if (header.format !== 'sohoa-diacritics' || header.version !== 3) {
    throw new Error(`${name}: unsupported model format ${String(header.format)} v${String(header.version)}`)
  }
  at += headerLength
  const V = header.classes.length + header.vocabulary.length
  const take = <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number, size: number): T => {
    if (at + length * size > bytes.byteLength) throw new Error(`${name}: model file is truncated`)
    const out = make(bytes.buffer, bytes.byteOffset + at, length)
    at += pad4(length * size)
    return out
  }
  const f32 = (b: ArrayBufferLike, o: number, n: number) => new Float32Array(b, o, n)
  const u32 = (b: ArrayBufferLike, o: number, n: number) => new Uint32Array(b, o, n)
  const u16 = (b: ArrayBufferLike, o: number, n: number) => new Uint16Array(b, o, n)
  const u8 = (b: ArrayBufferLike, o: number, n: number) => new Uint8Array(b, o, n)
  const unigramLogProbs = take(f32, V, 4)
  const unigramLogBackoffs = take(f32, V, 4)
  const unigramFirst = take(u32, V + 1, 4)
  const orders: TrieOrder[] = []
  for (const t of header.tables) {
    const inner = t.backoffLevels !== null
    orders.push({
      words: take(u16, t.entries, 2),
      probs: take(u8, t.entries, 1),
      backoffs: inner ? take(u8, t.entries, 1) : null,
      first: inner ? take(u32, t.entries + 1, 4) : null
    })
  }
  return {header, unigramLogProbs, unigramLogBackoffs, trie: {unigramFirst, orders}}
}
