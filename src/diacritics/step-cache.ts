/**
 * What `LanguageModel.stepAll` answered, remembered by (model state, candidate list): a
 * hypothesis's scores depend only on its state (its deepest known context), and a text repeats
 * its phrases, so about half of a decoder's steps were already taken (measured: 63% of 7.7M steps
 * on 2M syllables of held-out documents had the same state and list as an earlier one).
 *
 * The cache is bounded: an open-addressing table of a fixed size over pools of scores and states;
 * when either fills up, it is emptied and fills again with what the text uses now.
 */

/** log2 of the table's size (entries: at most half of it). */
const tableBits = 18
/** Scores (and states) the pools hold. */
const poolSize = 1 << 21

/** A candidate list as the cache knows it. */
export interface CandidateOrder {
  /** Its number in the cache's keys. */
  number: number
  /** Indices of its ids by ascending id (the model's searches walk them so). */
  ascending: Int32Array
}

/** A bounded cache of `stepAll` answers for one model. */
export class StepCache {
  /** Each candidate list seen (lists are shared by equal tokens and live as long as their slots). */
  private readonly lists = new WeakMap<ArrayLike<number>, CandidateOrder>()
  private nextList = 0
  private readonly mask = (1 << tableBits) - 1
  private readonly stateKey = new Int32Array(1 << tableBits)
  private readonly listKey = new Int32Array(1 << tableBits)
  private readonly offsetOf = new Int32Array(1 << tableBits)
  /** An entry is live when its generation is the cache's. */
  private readonly generationOf = new Int32Array(1 << tableBits)
  private generation = 1
  private entries = 0
  /** Scores and states of the entries, each entry's `k` values from its offset. */
  readonly scores = new Float64Array(poolSize)
  readonly states = new Int32Array(poolSize)
  private used = 0

  /** The number and ascending order of a candidate list (known by identity). */
  listOf(ids: ArrayLike<number>): CandidateOrder {
    let list = this.lists.get(ids)
    if (list === undefined) {
      const ascending = Int32Array.from({length: ids.length}, (_, c) => c).sort((a, b) => ids[a] - ids[b] || a - b)
      list = {number: this.nextList++, ascending}
      this.lists.set(ids, list)
    }
    return list
  }

  /** Offset in `scores`/`states` of the answer for `state` and list `list`, or -1. */
  find(state: number, list: number): number {
    let t = this.slotOf(state, list)
    const generation = this.generation
    for (;;) {
      if (this.generationOf[t] !== generation) return -1
      if (this.stateKey[t] === state && this.listKey[t] === list) return this.offsetOf[t]
      t = (t + 1) & this.mask
    }
  }

  /** Remember the `k` scores and states of `state` and list `list`; returns their offset in the pools. */
  store(state: number, list: number, k: number, scores: Float64Array, states: Int32Array): number {
    if (this.used + k > poolSize || this.entries * 2 >= this.mask) {
      this.generation++
      this.entries = 0
      this.used = 0
    }
    let t = this.slotOf(state, list)
    const generation = this.generation
    while (this.generationOf[t] === generation) t = (t + 1) & this.mask
    const at = this.used
    this.generationOf[t] = generation
    this.stateKey[t] = state
    this.listKey[t] = list
    this.offsetOf[t] = at
    for (let c = 0; c < k; c++) {
      this.scores[at + c] = scores[c]
      this.states[at + c] = states[c]
    }
    this.used += k
    this.entries++
    return at
  }

  private slotOf(state: number, list: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(list + 1, 0x85ebca6b)) >>> (32 - tableBits)
  }
}
