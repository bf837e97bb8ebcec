/**
 * The syllable n-gram language model at run time: vocabulary lookups and
 * back-off scoring over the n-gram trie of a model file (`ngram-trie.ts`).
 *
 * A history is known to the model as its contexts: for each length l from 1
 * to order - 1, the index of the n-gram made of its last l ids in the arrays
 * of order l (for l = 1 the id itself), or -1 when the model did not keep
 * that n-gram. `scoreAfter` scores a word after such contexts and
 * `extendContexts` moves them one word on, each with a few searches in short
 * sorted runs of ids.
 *
 * The decoder's `stepAll` scores all the candidates of a position after one
 * history. Most candidates do not follow the previous id as a bigram: a bit
 * per (previous id, id), filled row by row as previous ids are met (`fillRow`),
 * says so without a search, and since the model keeps no longer n-gram ending
 * with a pair that is not a bigram (`closeNode` checks each context once),
 * such a word backs off straight to its unigram. The bigrams among them are
 * located by rank in the same row; only they are searched at longer orders.
 */
import {classCount} from './classes.js'
import type {ModelHeader, ModelParts} from './model-file.js'
import {findIn, lowerBound, type TrieOrder} from './ngram-trie.js'

/** Contexts `closeNode` checks one by one before it checks all the others at once. */
const checkAllAfter = 150_000

/** Largest bigram filter, in bits (8 MiB; the shipped model's is 5.2 MB). */
const maxFilterBits = 2 ** 26

/** Bits set in a 32-bit integer. */
function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

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
  /** Children starts of each order, by the order of the context: `first[1]` for unigrams (ids), `first[k]` for order k. */
  private readonly first: Uint32Array[]
  /** `first[1]`. */
  private readonly unigramFirst: Uint32Array
  /** `words[k]`: the last ids of the n-grams of order k (k ≥ 2; 0 and 1 unused). */
  private readonly words: Uint16Array[]
  private readonly probCodes: Uint8Array[]
  private readonly backoffCodes: Uint8Array[]
  /** Decoded log10 values per order: `probLevels[k][code]`. */
  private readonly probLevels: Float64Array[]
  private readonly backoffLevels: Float64Array[]

  /**
   * `bigramFilter`: false makes `stepAll` search every level for every word; `checkAllAfter`: the
   * contexts checked one by one before all are (see `closeNode`). Both for tests.
   */
  constructor(parts: ModelParts, options: {bigramFilter?: boolean; checkAllAfter?: number} = {}) {
    this.header = parts.header
    this.order = parts.header.order
    if (parts.header.classes.length !== classCount) throw new Error('model classes do not match this version of sohoa')
    this.size = classCount + parts.header.vocabulary.length
    const vocabulary = parts.header.vocabulary
    this.ids = new Map()
    for (let i = 0; i < vocabulary.length; i++) this.ids.set(vocabulary[i], classCount + i)
    this.unigramLogProbs = parts.unigramLogProbs
    this.unigramLogBackoffs = parts.unigramLogBackoffs
    this.first = [new Uint32Array(0), parts.trie.unigramFirst]
    this.unigramFirst = parts.trie.unigramFirst
    this.filterStride = (this.size + 31) >>> 5
    this.penalties = new Float64Array(this.order + 1)
    this.words = [new Uint16Array(0), new Uint16Array(0)]
    this.probCodes = [new Uint8Array(0), new Uint8Array(0)]
    this.backoffCodes = [new Uint8Array(0), new Uint8Array(0)]
    this.probLevels = [new Float64Array(0), new Float64Array(0)]
    this.backoffLevels = [new Float64Array(0), new Float64Array(0)]
    parts.header.tables.forEach((t, i) => {
      const o: TrieOrder = parts.trie.orders[i]
      const k = t.order
      this.words[k] = o.words
      this.probCodes[k] = o.probs
      this.backoffCodes[k] = o.backoffs ?? new Uint8Array(0)
      this.first[k] = o.first ?? new Uint32Array(0)
      this.probLevels[k] = Float64Array.from(t.probLevels)
      this.backoffLevels[k] = Float64Array.from(t.backoffLevels ?? [0])
    })
    // The bigram filter (see `fillRow`): its pages are only touched for the rows used.
    const n = this.size
    this.checkAllAfter = options.checkAllAfter ?? checkAllAfter
    this.filterOn = (options.bigramFilter ?? true) && this.order >= 2 && n * this.filterStride * 32 <= maxFilterBits
    if (this.filterOn) {
      this.bigramBits = new Uint32Array(n * this.filterStride)
      this.bigramRanks = new Uint16Array(n * this.filterStride)
      this.rowAt = new Int32Array(n).fill(-1)
      for (let l = 2; l < this.order; l++) this.closedNodes[l] = new Uint32Array((this.words[l].length + 31) >>> 5)
      // Until `closeAll` knows them, every bigram may end a longer n-gram.
      for (let m = 3; m <= this.order; m++) this.bigramEnds[m] = new Uint32Array((this.words[2].length + 31) >>> 5).fill(0xffffffff)
    }
  }

  private maxStep: number | undefined

  /**
   * A bound on every score `stepAll` gives: log10 probabilities are ≤ 0, but back-off weights may
   * exceed 1 (the sum of the positive ones, deepest first as `stepAll` adds them, and a little slack).
   */
  get maxStepScore(): number {
    if (this.maxStep === undefined) {
      let sum = 0
      for (let l = this.order - 1; l >= 1; l--) {
        let most = 0
        const levels = l === 1 ? this.unigramLogBackoffs : this.backoffLevels[l]
        for (let i = 0; i < levels.length; i++) if (levels[i] > most) most = levels[i]
        sum += most
      }
      this.maxStep = sum + 1e-9
    }
    return this.maxStep
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
   * Index of the n-gram of order `length` + 1 made of the n-gram `node` of order `length` (for
   * length 1: an id) followed by `word`, or -1 when the model does not have it.
   */
  child(length: number, node: number, word: number): number {
    const first = this.first[length]
    return findIn(this.words[length + 1], first[node], first[node + 1], word)
  }

  /**
   * log10 p(word | history), the history given as its contexts `contexts[at + l - 1]` for
   * l = 1..`length` (see the module comment; `length` < order).
   */
  scoreAfter(contexts: Int32Array, at: number, length: number, word: number): number {
    let penalty = 0
    for (let l = length; l >= 1; l--) {
      const node = contexts[at + l - 1]
      // An n-gram is kept only when its context is: skip unknown contexts (no back-off weight either).
      if (node < 0) continue
      const first = this.first[l]
      const found = findIn(this.words[l + 1], first[node], first[node + 1], word)
      if (found >= 0) return penalty + this.probLevels[l + 1][this.probCodes[l + 1][found]]
      penalty += l === 1 ? this.unigramLogBackoffs[node] : this.backoffLevels[l][this.backoffCodes[l][node]]
    }
    return penalty + this.unigramLogProbs[word]
  }

  /**
   * `scoreAfter` for the words `words` after one history at once (see the module comment; without
   * the bigram filter, level by level, each level's continuations searched once from left to right
   * in the order `ascending`: indices of `words` by ascending id): log10 p(words[c] | history)
   * in `scoresOut[c]`, and in `statesOut[c]` the state of the history once words[c] follows: its
   * deepest known context as node * 4 + length. Two histories in one state score every future
   * alike (the decoder merges them). With `active`, only the words c with `active[c]` = 1 are
   * scored (the others' outputs are left unset). With `bigramsOut`, for each word whose new state
   * is deeper than a bigram, `bigramsOut[c]` is the index of the bigram (previous id, words[c]) when
   * it was found on the way, else -2 (for `extendToState`; left unset for the other words).
   */
  stepAll(
    contexts: Int32Array,
    at: number,
    length: number,
    words: Int32Array,
    ascending: Int32Array,
    scoresOut: Float64Array,
    statesOut: Int32Array,
    active: Uint8Array | null = null,
    bigramsOut: Int32Array | null = null
  ): void {
    if (!this.filterOn) {
      this.stepAllSearching(contexts, at, length, words, ascending, scoresOut, statesOut, active, bigramsOut)
      return
    }
    const k = words.length
    let deepest = length
    while (deepest > 1 && contexts[at + deepest - 1] < 0) deepest--
    const prev = contexts[at]
    let row = this.rowAt[prev]
    if (row < 0) row = this.fillRow(prev)
    // penalties[l]: the back-off weights of the levels above l, summed deepest first as `scoreAfter`
    // does (what a word found at level l pays); `penalty` ends as the sum of them all.
    const penalties = this.penalties
    let penalty = 0
    for (let l = deepest; l >= 1; l--) {
      penalties[l] = penalty
      const node = contexts[at + l - 1]
      if (l === 1) {
        penalty += this.unigramLogBackoffs[node]
        continue
      }
      // Each longer context must have only continuations that are bigrams after `prev` (see `closeNode`).
      const closed = this.closedNodes[l]
      if (node < 0 || ((closed[node >>> 5] & (1 << (node & 31))) === 0 && !this.closeNode(l, node, row))) {
        this.searched++
        this.stepAllSearching(contexts, at, length, words, ascending, scoresOut, statesOut, active, bigramsOut)
        return
      }
      penalty += this.backoffLevels[l][this.backoffCodes[l][node]]
    }
    // A word that does not follow `prev` as a bigram is then in no longer n-gram after this history
    // either: it backs off through every level to its unigram. The others wait in `pending`.
    const bits = this.bigramBits
    const pending = k <= this.pending.length ? this.pending : (this.pending = new Int32Array(2 * k))
    let left = 0
    for (let x = 0; x < k; x++) {
      const c = ascending[x]
      if (active !== null && active[c] === 0) {
        // -3: not scored.
        statesOut[c] = -3
        continue
      }
      const word = words[c]
      if ((bits[row + (word >>> 5)] & (1 << (word & 31))) === 0) {
        scoresOut[c] = penalty + this.unigramLogProbs[word]
        statesOut[c] = word * 4 + 1
      } else pending[left++] = c
    }
    if (left === 0) return
    // Each of the others is a bigram, its index the bigrams of `prev` before it (their bits); longer
    // n-grams are searched deepest first, at the orders where some n-gram ends with that bigram.
    const h = this.order - 1
    const ends = this.bigramEnds
    const base = this.unigramFirst[prev]
    const ranks = this.bigramRanks
    for (let p = 0; p < left; p++) {
      const c = pending[p]
      const word = words[c]
      const at32 = row + (word >>> 5)
      const bigram = base + ranks[at32] + bitCount(bits[at32] & ((1 << (word & 31)) - 1))
      if (bigramsOut !== null) bigramsOut[c] = bigram
      let l = deepest
      for (; l >= 2; l--) {
        if ((ends[l + 1][bigram >>> 5] & (1 << (bigram & 31))) === 0) continue
        const first = this.first[l]
        const node = contexts[at + l - 1]
        const found = findIn(this.words[l + 1], first[node], first[node + 1], word)
        if (found < 0) continue
        scoresOut[c] = penalties[l] + this.probLevels[l + 1][this.probCodes[l + 1][found]]
        // Deeper contexts of the new history do not exist (their n-grams were looked for first).
        statesOut[c] = l < h ? found * 4 + l + 1 : this.stateAfterHighest(contexts, at, word)
        break
      }
      if (l === 1) {
        scoresOut[c] = penalties[1] + this.probLevels[2][this.probCodes[2][bigram]]
        statesOut[c] = h > 1 ? bigram * 4 + 2 : this.stateAfterHighest(contexts, at, word)
      }
    }
  }

  /**
   * The state of a history after `word` was found as an n-gram of the highest order: its deepest
   * context is shorter, the longest suffix of that n-gram the model keeps as a context.
   */
  private stateAfterHighest(contexts: Int32Array, at: number, word: number): number {
    for (let m = this.order - 1; m >= 2; m--) {
      const node = this.child(m - 1, contexts[at + m - 2], word)
      if (node >= 0) return node * 4 + m
    }
    return word * 4 + 1
  }

  /** `stepAll` without the bigram filter: every word searched level by level. */
  private stepAllSearching(
    contexts: Int32Array,
    at: number,
    length: number,
    words: Int32Array,
    ascending: Int32Array,
    scoresOut: Float64Array,
    statesOut: Int32Array,
    active: Uint8Array | null,
    bigramsOut: Int32Array | null
  ): void {
    const k = words.length
    const h = this.order - 1
    let deepest = length
    while (deepest > 1 && contexts[at + deepest - 1] < 0) deepest--
    // statesOut[c] = -2 while words[c] is not yet found; penalties gather in scoresOut.
    let left = k
    for (let c = 0; c < k; c++) {
      scoresOut[c] = 0
      statesOut[c] = -2
      if (active !== null && active[c] === 0) {
        // -3: not scored.
        statesOut[c] = -3
        left--
      }
    }
    for (let l = deepest; l >= 1 && left > 0; l--) {
      const node = contexts[at + l - 1]
      const first = this.first[l]
      const from = first[node]
      const to = first[node + 1]
      const below = this.words[l + 1]
      const backoff = l === 1 ? this.unigramLogBackoffs[node] : this.backoffLevels[l][this.backoffCodes[l][node]]
      const probs = this.probCodes[l + 1]
      const levels = this.probLevels[l + 1]
      let lo = from
      for (let x = 0; x < k; x++) {
        const c = ascending[x]
        if (statesOut[c] !== -2) continue
        const word = words[c]
        lo = lo < to ? lowerBound(below, lo, to, word) : to
        if (lo === to || below[lo] !== word) {
          scoresOut[c] += backoff
          continue
        }
        const found = lo
        scoresOut[c] += levels[probs[found]]
        // Deeper contexts of the new history do not exist (their n-grams were looked for first);
        // after an n-gram of the highest order, the new history's deepest context is shorter (-1: below).
        statesOut[c] = l < h ? found * 4 + l + 1 : -1
        left--
      }
    }
    for (let c = 0; c < k; c++) {
      const word = words[c]
      if (statesOut[c] === -2) {
        scoresOut[c] += this.unigramLogProbs[word]
        statesOut[c] = word * 4 + 1
      } else if (statesOut[c] === -1) statesOut[c] = this.stateAfterHighest(contexts, at, word)
      if (bigramsOut !== null) bigramsOut[c] = -2
    }
  }

  /** Whether `stepAll` uses the bigram filter. */
  get filtering(): boolean {
    return this.filterOn
  }

  /** `stepAll` calls that searched every level because a context had a continuation that is no bigram (none with the shipped model). */
  get searchedSteps(): number {
    return this.searched
  }

  private searched = 0
  /** See `fillRow` (empty when `filterOn` is false). */
  private readonly filterOn: boolean
  /** One bit per (previous id, id), set when the model has that bigram; rows of `filterStride` 32-bit words (see `rowAt`). */
  private bigramBits: Uint32Array = new Uint32Array(0)
  /** Per 32-bit word of the bigram filter with a bit set, the bits set before it in its row (a bigram's index among its first id's). */
  private bigramRanks: Uint16Array = new Uint16Array(0)
  /** 32-bit words per previous id in the bigram filter. */
  private readonly filterStride: number
  /** Where the row of each previous id starts in the bigram filter (-1: not filled yet). */
  private rowAt: Int32Array = new Int32Array(0)
  /** Rows of the bigram filter filled. */
  private rows = 0
  /** Per level l ≥ 2, one bit per context of that length: set when `closeNode` found all its continuations bigrams. */
  private readonly closedNodes: Uint32Array[] = []
  /** Per order m ≥ 3, one bit per bigram: clear when no m-gram ends with it (known once `closeAll` ran). */
  private readonly bigramEnds: Uint32Array[] = []
  /** Contexts checked by `closeNode`, and how many before it checks them all. */
  private nodesChecked = 0
  private readonly checkAllAfter: number
  /** `stepAll`'s back-off sums per level. */
  private readonly penalties: Float64Array
  /** `stepAll`'s words still to search. */
  private pending = new Int32Array(64)

  /**
   * Fill the next row of the bigram filter for `prev` (returned: where it starts): a bit for each id
   * that follows it as a bigram, and the ranks. Rows are filled as `stepAll` meets them, one after
   * the other, so a short text pays only for its words and touches few pages.
   */
  private fillRow(prev: number): number {
    const bits = this.bigramBits
    const ranks = this.bigramRanks
    const row = this.rows++ * this.filterStride
    const second = this.words[2]
    // A rank is only read for a 32-bit word with a bit set: the bigrams before the first one it holds.
    const from = this.unigramFirst[prev]
    let last = -1
    for (let j = from; j < this.unigramFirst[prev + 1]; j++) {
      const at = row + (second[j] >>> 5)
      bits[at] |= 1 << (second[j] & 31)
      if (at !== last) {
        ranks[at] = j - from
        last = at
      }
    }
    this.rowAt[prev] = row
    return row
  }

  /**
   * Whether every continuation of the context `node` of length `level` is a bigram after the id the
   * context ends with (whose row of the bigram filter starts at `row`): then a word that is not one
   * is no continuation either, and `stepAll` need not search for it. True for every context of a
   * Kneser-Ney model pruned by count; checked once per context (remembered in `closedNodes`), else
   * `stepAll` searches.
   */
  private closeNode(level: number, node: number, row: number): boolean {
    if (++this.nodesChecked === this.checkAllAfter) {
      // A long text meets many contexts: checking them all at once costs less (sequential reads).
      this.closeAll()
      const closed = this.closedNodes[level]
      return (closed[node >>> 5] & (1 << (node & 31))) !== 0
    }
    const bits = this.bigramBits
    const first = this.first[level]
    const below = this.words[level + 1]
    for (let j = first[node]; j < first[node + 1]; j++) {
      if ((bits[row + (below[j] >>> 5)] & (1 << (below[j] & 31))) === 0) return false
    }
    this.closedNodes[level][node >>> 5] |= 1 << (node & 31)
    return true
  }

  /**
   * `closeNode` for every context of the model (every row of the bigram filter filled), and the
   * bigrams that end an n-gram of each order (`bigramEnds`).
   */
  private closeAll(): void {
    for (let prev = 0; prev < this.size; prev++) if (this.rowAt[prev] < 0) this.fillRow(prev)
    const bits = this.bigramBits
    const ranks = this.bigramRanks
    for (let level = 2; level < this.order; level++) {
      const lasts = this.words[level]
      const first = this.first[level]
      const below = this.words[level + 1]
      const closed = this.closedNodes[level]
      const ends = this.bigramEnds[level + 1].fill(0)
      for (let node = 0; node < lasts.length; node++) {
        const row = this.rowAt[lasts[node]]
        const base = this.unigramFirst[lasts[node]]
        let all = true
        for (let j = first[node]; j < first[node + 1]; j++) {
          const at = row + (below[j] >>> 5)
          const bit = bits[at] & (1 << (below[j] & 31))
          if (bit === 0) {
            all = false
            continue
          }
          const bigram = base + ranks[at] + bitCount(bits[at] & (bit - 1))
          ends[bigram >>> 5] |= 1 << (bigram & 31)
        }
        if (all) closed[node >>> 5] |= 1 << (node & 31)
      }
    }
  }

  /**
   * The contexts after `word` follows a history with contexts `from[fromAt..fromAt+length)`,
   * written to `to[toAt..toAt+order-1)` (lengths beyond `length` + 1 are -1). `from` and `to`
   * may be the same array only at different offsets.
   */
  extendContexts(from: Int32Array, fromAt: number, length: number, word: number, to: Int32Array, toAt: number): void {
    const h = this.order - 1
    to[toAt] = word
    for (let l = 1; l < h; l++) {
      const node = l <= length ? from[fromAt + l - 1] : -1
      to[toAt + l] = node < 0 ? -1 : this.child(l, node, word)
    }
  }

  /**
   * `extendContexts` when the state of the new history is known (`stepAll`'s `statesOut` for
   * `word`): its deepest context is given and the deeper ones are unknown, so only the shorter ones
   * are searched, but for the bigram when its index is given (`bigram` ≥ 0: `stepAll`'s `bigramsOut`).
   */
  extendToState(from: Int32Array, fromAt: number, word: number, state: number, to: Int32Array, toAt: number, bigram = -2): void {
    const h = this.order - 1
    const deepest = state & 3
    to[toAt] = word
    for (let l = 1; l < h; l++) {
      if (l + 1 > deepest) to[toAt + l] = -1
      else if (l + 1 === deepest) to[toAt + l] = state >> 2
      else if (l === 1 && bigram >= 0) to[toAt + l] = bigram
      else {
        const node = from[fromAt + l - 1]
        to[toAt + l] = node < 0 ? -1 : this.child(l, node, word)
      }
    }
  }

  /** Index of the n-gram `ids[from..to)` in the arrays of its order (for one id: the id), or -1. */
  find(ids: ArrayLike<number>, from: number, to: number): number {
    let node = ids[from]
    for (let l = 1; l < to - from && node >= 0; l++) node = this.child(l, node, ids[from + l])
    return node
  }

  /**
   * Fill `contexts[0..order-1)` with the contexts of the history `ids[from..to)` (see the module
   * comment); returns the number of contexts that may be known (the history's length, at most order - 1).
   */
  contextsOf(ids: ArrayLike<number>, from: number, to: number, contexts: Int32Array): number {
    const h = this.order - 1
    const length = Math.min(h, to - from)
    for (let l = 1; l <= h; l++) contexts[l - 1] = l <= length ? this.find(ids, to - l, to) : -1
    return length
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
      const context = this.find(ids, start, to - 1)
      if (context < 0) continue
      const found = this.child(k - 1, context, ids[to - 1])
      if (found >= 0) return penalty + this.probLevels[k][this.probCodes[k][found]]
      penalty += k - 1 === 1 ? this.unigramLogBackoffs[context] : this.backoffLevels[k - 1][this.backoffCodes[k - 1][context]]
    }
    return penalty + this.unigramLogProbs[ids[to - 1]]
  }
}
