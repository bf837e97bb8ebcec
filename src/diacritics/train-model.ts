/**
 * Train a diacritics model from corpus folders: hold out ~10% of the
 * documents (near-duplicates together), count syllable n-grams with each
 * domain's weight, estimate Kneser-Ney probabilities, quantize, lay the
 * n-grams out as a trie, and write the model file. Same inputs → same bytes.
 */
import type {ChannelTable} from './channel-table.js'
import type {MarksTable} from './marks-channel.js'
import {classNames} from './classes.js'
import {countCorpus, holdoutRule, listCorpus, readCorpusFile, splitCorpus, type CorpusFile} from './corpus.js'
import {estimate} from './kneser-ney.js'
import {writeModel, type TableHeader} from './model-file.js'
import {buildTrie} from './ngram-trie.js'
import {buildCodebook, encode} from './quantize.js'
import {renumberByLetters} from './vocabulary-order.js'

/** Options of `trainModel`. */
export interface TrainOptions {
  /** Corpus folders (every `.txt` below, subject to the hold-out) and single files (always trained on). */
  inputs: string[]
  /** Count weight of each input, in the order of `inputs` (integers 1–255; default 1 each): domain weighting. */
  weights?: number[]
  /** Titles of documents by base name (with or without `.txt`), from source lists: near-duplicates by title. */
  titles?: Map<string, string>
  /** Syllables to know though the corpus may never show them (place names): lowercase, canonical. */
  extraVocabulary?: string[]
  /** Highest n-gram order (default 4). */
  order?: number
  /** Smallest (weighted) count kept per order from 1 (default `[1, 1, 1, 2]`: 4-grams seen once are dropped). */
  minCounts?: number[]
  /** OCR confusion table to embed (null: the model restores stripped text only). */
  channel?: ChannelTable | null
  /** Marks channel to embed (how a Vietnamese OCR model misreads marks; null: none). */
  marks?: MarksTable | null
  /** Called with progress lines. */
  log?: (line: string) => void
}

/** Result of `trainModel`. */
export interface TrainResult {
  bytes: Uint8Array
  trained: string[]
  heldOut: string[]
  tokens: number
  entries: number[]
}

/** Train a model; throws naming any input that cannot be read. */
export function trainModel(options: TrainOptions): TrainResult {
  const order = options.order ?? 4
  const minCounts = options.minCounts ?? [1, 1, 1, 2, 2].slice(0, order)
  const log = options.log ?? (() => {})
  const weights = options.weights ?? []
  for (const w of weights) if (!Number.isInteger(w) || w < 1 || w > 255) throw new Error(`corpus weight must be an integer 1–255, got ${w}`)
  const files = listCorpus(options.inputs)
  const texts = files.map((f) => readCorpusFile(f.path))
  const split = splitCorpus(files, texts, options.titles)
  const trained = files.filter((_, i) => !split.heldOut[i])
  const heldOut = files.filter((_, i) => split.heldOut[i])
  if (trained.length === 0) throw new Error(`no .txt file to train on in ${options.inputs.join(', ')}`)
  log(`${files.length} files: ${trained.length} trained on, ${heldOut.length} held out (${split.groups} groups of near-duplicates, the largest of ${split.largest})`)

  const weightOf = (f: CorpusFile) => weights[f.input] ?? 1
  const counted = countCorpus(
    files.flatMap((f, i) => (split.heldOut[i] ? [] : [{text: texts[i], weight: weightOf(f)}])),
    options.extraVocabulary
  )
  texts.length = 0
  const V = classNames.length + counted.vocabulary.length
  log(`${counted.tokens} tokens, ${counted.vocabulary.length} syllables`)
  const orders = estimate(counted.sequence, counted.weights, V, {order, minCounts})

  const unigramLogProbs = new Float32Array(V)
  const unigramLogBackoffs = new Float32Array(V)
  for (let i = 0; i < orders[0].size; i++) {
    unigramLogProbs[orders[0].ids[i]] = orders[0].logProbs[i]
    unigramLogBackoffs[orders[0].ids[i]] = orders[0].logBackoffs[i]
  }
  const trieOrders: Parameters<typeof buildTrie>[1] = []
  const tableHeaders: TableHeader[] = []
  for (let k = 2; k <= order; k++) {
    const o = orders[k - 1]
    const probBook = buildCodebook(o.logProbs)
    const highest = k === order
    const backoffBook = highest ? null : buildCodebook(o.logBackoffs)
    const probCodes = Uint8Array.from(o.logProbs, (v) => encode(probBook, v))
    const backoffCodes = backoffBook ? Uint8Array.from(o.logBackoffs, (v) => encode(backoffBook, v)) : null
    trieOrders.push({ids: o.ids, probCodes, backoffCodes})
    tableHeaders.push({
      order: k,
      entries: o.size,
      probLevels: probBook.levels,
      backoffLevels: backoffBook ? backoffBook.levels : null
    })
    log(`order ${k}: ${o.size} n-grams`)
  }
  const domains: Record<string, {files: number; tokens: number; weight: number}> = {}
  trained.forEach((f, i) => {
    const d = (domains[f.domain] ??= {files: 0, tokens: 0, weight: weightOf(f)})
    d.files++
    d.tokens += counted.textTokens[i]
  })
  const heldOutByDomain: Record<string, string[]> = {}
  for (const f of heldOut) (heldOutByDomain[f.domain] ??= []).push(f.name)
  for (const list of Object.values(heldOutByDomain)) list.sort()
  // Syllables with the same letters get neighbouring ids (faster decoding; see vocabulary-order.ts).
  const bytes = writeModel(renumberByLetters({
    header: {
      format: 'sohoa-diacritics',
      version: 3,
      order,
      classes: [...classNames],
      vocabulary: counted.vocabulary,
      tables: tableHeaders,
      training: {
        files: trained.map((f) => f.name).sort(),
        holdout: {
          rule: holdoutRule,
          files: heldOut.map((f) => f.name).sort(),
          domains: heldOutByDomain,
          development: files.filter((_, i) => split.development[i]).map((f) => f.name).sort()
        },
        domains: Object.fromEntries(Object.entries(domains).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
        tokens: counted.tokens,
        minCounts
      },
      spelling: counted.spelling,
      codes: counted.codes,
      channel: options.channel ?? null,
      marks: options.marks ?? null
    },
    unigramLogProbs,
    unigramLogBackoffs,
    trie: buildTrie(V, trieOrders)
  }))
  return {
    bytes,
    trained: trained.map((f) => f.path),
    heldOut: heldOut.map((f) => f.path),
    tokens: counted.tokens,
    entries: orders.map((o) => o.size)
  }
}
