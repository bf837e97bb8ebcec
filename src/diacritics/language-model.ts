/**
 * The syllable n-gram language model at run time: vocabulary lookups and
 * back-off scoring over the hashed tables of a model file.
 */
import {classCount} from './classes.js'
import type {ModelHeader, ModelParts} from './model-file.js'
import {hashAdd, hashResume, hashStart, hashStateA, hashStateB, NgramTable} from './ngram-table.js'

/** A loaded language model. */
export class LanguageModel {
  /** The model's header (vocabulary, training record, channel table). */
  readonly header: ModelHeader
  /** Highest n-gram order. */
  readonly order: number
  /** Number of ids (classes and syllables). */
  readonly size: number
  private readonly ids: Map<string, number>
  private readonly unigramLogProbs: Float32Array
  private readonly unigramLogBackoffs: Float32Array
  /** `tables[k]` holds the n-grams of order k (k ≥ 2; 0 and 1 unused). */
  private readonly tables: NgramTable[]
  private readonly probLevels: Float32Array[]
  private readonly backoffLevels: Float32Array[]
  /** For `prepare`/`scoreNext`: whether the context of each length exists, its back-off weight, and the hash state after it. */
  private readonly contextKnown: Uint8Array
  private readonly contextBackoff: Float64Array
  private readonly contextHashA: Int32Array
  private readonly contextHashB: Int32Array
  private preparedLength = 0

  constructor(parts: ModelParts) {
    this.header = parts.header
    this.order = parts.header.order
    if (parts.header.classes.length !== classCount) throw new Error('model classes do not match this version of sohoa')
    this.size = classCount + parts.header.vocabulary.length
    this.ids = new Map()
    parts.header.vocabulary.forEach((s, i) => this.ids.set(s, classCount + i))
    this.unigramLogProbs = parts.unigramLogProbs
    this.unigramLogBackoffs = parts.unigramLogBackoffs
    this.tables = []
    this.probLevels = []
    this.backoffLevels = []
    this.contextKnown = new Uint8Array(this.order + 1)
    this.contextBackoff = new Float64Array(this.order + 1)
    this.contextHashA = new Int32Array(this.order + 1)
    this.contextHashB = new Int32Array(this.order + 1)
    parts.header.tables.forEach((t, i) => {
      this.tables[t.order] = new NgramTable(parts.tables[i])
      this.probLevels[t.order] = Float32Array.from(t.probLevels)
      this.backoffLevels[t.order] = Float32Array.from(t.backoffLevels ?? [0])
    })
  }

  /** Id of a syllable key (lowercase, canonical), or undefined. */
  id(syllable: string): number | undefined {
    return this.ids.get(syllable)
  }

  /** The syllable (or class name) of an id. */
  word(id: number): string {
    return id < classCount ? this.header.classes[id] : this.header.vocabulary[id - classCount]
  }

  /** All syllables of the vocabulary with their ids. */
  syllables(): IterableIterator<[string, number]> {
    return this.ids.entries()
  }

  /** log10 p(w) of a single id. */
  unigram(id: number): number {
    return this.unigramLogProbs[id]
  }

  /**
   * Prepare scoring words after the history `ids[0..length)` (length < order): looks up the
   * history's contexts and hashes them once, so each `scoreNext` adds only the word.
   */
  prepare(ids: ArrayLike<number>, length: number): void {
    this.preparedLength = length
    for (let l = 1; l <= length; l++) {
      if (l === 1) {
        this.contextKnown[1] = 1
        this.contextBackoff[1] = this.unigramLogBackoffs[ids[length - 1]]
      } else if (this.contextKnown[l - 1] === 0) {
        // A context is kept only when its own suffix is (counts only grow shorter).
        this.contextKnown[l] = 0
        continue
      } else {
        const table = this.tables[l]
        hashStart(l)
        for (let j = length - l; j < length; j++) hashAdd(ids[j])
        const slot = table.findHashed()
        this.contextKnown[l] = slot >= 0 ? 1 : 0
        if (slot < 0) continue
        this.contextBackoff[l] = this.backoffLevels[l][table.backoffs![slot]]
      }
      hashStart(l + 1)
      for (let j = length - l; j < length; j++) hashAdd(ids[j])
      this.contextHashA[l] = hashStateA()
      this.contextHashB[l] = hashStateB()
    }
  }

  /** log10 p(id | history) for the history given to the last `prepare`. */
  scoreNext(id: number): number {
    const length = this.preparedLength
    let penalty = 0
    for (let l = length; l >= 1; l--) {
      // An n-gram is kept only when its context is, so skip unknown contexts.
      if (this.contextKnown[l] === 0) continue
      const k = l + 1
      const table = this.tables[k]
      hashResume(this.contextHashA[l], this.contextHashB[l])
      hashAdd(id)
      const slot = table.findHashed()
      if (slot >= 0) return penalty + this.probLevels[k][table.probCode(slot)]
      penalty += this.contextBackoff[l]
    }
    return penalty + this.unigramLogProbs[id]
  }

  /**
   * log10 p(ids[to-1] | ids[from..to-1)) with back-off; the history may be shorter than
   * order - 1 (it is cut to the order).
   */
  score(ids: ArrayLike<number>, from: number, to: number): number {
    const maxOrder = this.order
    if (to - from > maxOrder) from = to - maxOrder
    let penalty = 0
    for (let start = from; start < to - 1; start++) {
      const k = to - start
      const slot = this.tables[k].find(ids, start, to)
      if (slot >= 0) return penalty + this.probLevels[k][this.tables[k].probCode(slot)]
      // Back off: the weight of the context ids[start..to-1), when the model kept it.
      const contextLength = k - 1
      if (contextLength === 1) penalty += this.unigramLogBackoffs[ids[start]]
      else {
        const table = this.tables[contextLength]
        const c = table.find(ids, start, to - 1)
        if (c >= 0) penalty += this.backoffLevels[contextLength][table.backoffs![c]]
      }
    }
    return penalty + this.unigramLogProbs[ids[to - 1]]
  }
}
