/**
 * Train a diacritics model from corpus folders: hold out ~10% of the
 * documents, count syllable n-grams, estimate Kneser-Ney probabilities,
 * quantize, hash, and write the model file. Same inputs → same bytes.
 */
import type {ChannelTable} from './channel-table.js'
import type {MarksTable} from './marks-channel.js'
import {classNames} from './classes.js'
import {countCorpus, holdoutRule, isHeldOut, listCorpus, readCorpusFile} from './corpus.js'
import {estimate} from './kneser-ney.js'
import {writeModel, type ModelParts, type TableHeader} from './model-file.js'
import {buildTable} from './ngram-table.js'
import {buildCodebook, encode} from './quantize.js'

/** Options of `trainModel`. */
export interface TrainOptions {
  /** Corpus folders (every `.txt` below, subject to the hold-out) and single files (always trained on). */
  inputs: string[]
  /** Highest n-gram order (default 4). */
  order?: number
  /** Smallest count kept per order from 1 (default `[1, 1, 1, 2]`: 4-grams seen once are dropped). */
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
  const files = listCorpus(options.inputs)
  const trained = files.filter((f) => !(f.fromFolder && isHeldOut(f.name)))
  const heldOut = files.filter((f) => f.fromFolder && isHeldOut(f.name))
  if (trained.length === 0) throw new Error(`no .txt file to train on in ${options.inputs.join(', ')}`)
  log(`${files.length} files: ${trained.length} trained on, ${heldOut.length} held out`)

  const counted = countCorpus(trained.map((f) => readCorpusFile(f.path)))
  const V = classNames.length + counted.vocabulary.length
  log(`${counted.tokens} tokens, ${counted.vocabulary.length} syllables`)
  const orders = estimate(counted.sequences, V, {order, minCounts})

  const unigramLogProbs = new Float32Array(V)
  const unigramLogBackoffs = new Float32Array(V)
  orders[0].grams.forEach((g, i) => {
    unigramLogProbs[g[0]] = orders[0].logProbs[i]
    unigramLogBackoffs[g[0]] = orders[0].logBackoffs[i]
  })
  const tables: ModelParts['tables'] = []
  const tableHeaders: TableHeader[] = []
  for (let k = 2; k <= order; k++) {
    const o = orders[k - 1]
    const probBook = buildCodebook(o.logProbs)
    const highest = k === order
    const backoffBook = highest ? null : buildCodebook(o.logBackoffs)
    const probCodes = Array.from(o.logProbs, (v) => encode(probBook, v))
    const backoffCodes = backoffBook ? Array.from(o.logBackoffs, (v) => encode(backoffBook, v)) : null
    const arrays = buildTable(o.grams, probCodes, backoffCodes)
    tables.push(arrays)
    tableHeaders.push({
      order: k,
      capacity: arrays.fingerprints.length,
      entries: o.grams.length,
      probLevels: probBook.levels,
      backoffLevels: backoffBook ? backoffBook.levels : null
    })
    log(`order ${k}: ${o.grams.length} n-grams`)
  }
  const bytes = writeModel({
    header: {
      format: 'sohoa-diacritics',
      version: 1,
      order,
      classes: [...classNames],
      vocabulary: counted.vocabulary,
      tables: tableHeaders,
      training: {
        files: trained.map((f) => f.name).sort(),
        holdout: {rule: holdoutRule, files: heldOut.map((f) => f.name).sort()},
        tokens: counted.tokens,
        minCounts
      },
      spelling: counted.spelling,
      channel: options.channel ?? null,
      marks: options.marks ?? null
    },
    unigramLogProbs,
    unigramLogBackoffs,
    tables
  })
  return {
    bytes,
    trained: trained.map((f) => f.path),
    heldOut: heldOut.map((f) => f.path),
    tokens: counted.tokens,
    entries: orders.map((o) => o.grams.length)
  }
}
