/**
 * Beam search over a lattice of candidate ids, scored by the n-gram model
 * plus each candidate's own cost (the channel: how likely the observed token
 * is, given the candidate). Hypotheses the model cannot tell apart (the same
 * longest known context) are merged (Viterbi recombination), so a small beam
 * loses little.
 */
import type {LanguageModel} from './language-model.js'

/** One position of the lattice: the ids it may take and their log10 channel scores (≤ 0). */
export interface Slot {
  ids: ArrayLike<number>
  /** log10 score per candidate added to the language model's; null = all 0. */
  scores: ArrayLike<number> | null
}

/** The decoder's answer. */
export interface Decoded {
  /** Index of the chosen candidate per slot. */
  choice: Int32Array
}

/** Options of `decode`. */
export interface DecodeOptions {
  /** Hypotheses kept per position (default 8). */
  beam?: number
  /** Weight of the channel scores against the language model (default 1). */
  channelWeight?: number
  /** Drop hypotheses more than this many log10 units below the best (default 4). */
  threshold?: number
}

/** The back-pointers of the last decode, reused by the next (every entry read is written first). */
let backPointers = new Int32Array(0)

/** Find the best path through `slots`; the text start stands before slot 0. */
export function decode(model: LanguageModel, slots: Slot[], options: DecodeOptions = {}): Decoded {
  const beam = Math.max(1, options.beam ?? 8)
  const weight = options.channelWeight ?? 1
  const threshold = options.threshold ?? 4
  const n = slots.length
  const h = model.order - 1
  const choice = new Int32Array(n)
  if (n === 0) return {choice}

  // Back-pointers: for position i, kept hypothesis y came from candidate `candidateAt[i*beam+y]`
  // of hypothesis `parentAt[i*beam+y]` of position i-1.
  if (backPointers.length < 2 * n * beam) backPointers = new Int32Array(Math.max(2 * n * beam, 2 * backPointers.length))
  const candidateAt = backPointers.subarray(0, n * beam)
  const parentAt = backPointers.subarray(n * beam, 2 * n * beam)
  // Current beam: the contexts of each hypothesis in the model (h each: see LanguageModel), how
  // many of those may be known, and scores.
  let contexts = new Int32Array(beam * h).fill(-1)
  let known = new Int32Array(beam)
  let spare = new Int32Array(beam * h)
  let spareKnown = new Int32Array(beam)
  const scores = new Float64Array(beam)
  contexts[0] = 0 // the boundary class: the text starts here
  known[0] = 1
  let size = 1
  let maxK = 1
  for (let i = 0; i < n; i++) maxK = Math.max(maxK, slots[i].ids.length)
  // Expansions of one step: their model state (see LanguageModel.step), score, candidate, parent.
  const capacity = beam * maxK
  const nextStates = new Int32Array(capacity)
  const nextScores = new Float64Array(capacity)
  const nextCandidate = new Int32Array(capacity)
  const nextParent = new Int32Array(capacity)
  // The bigram each expansion ends with, when the model found it (see LanguageModel.stepAll's bigramsOut).
  const nextBigram = new Int32Array(capacity)
  // Expansions by state, to merge those the model cannot tell apart (open addressing; an entry
  // belongs to this step when its stamp is the step's).
  const tableSize = 1 << Math.ceil(Math.log2(capacity * 2 + 2))
  const tableMask = tableSize - 1
  const tableStamp = new Int32Array(tableSize)
  const tableEntry = new Int32Array(tableSize)
  const top = new Int32Array(beam)
  // The candidates of each slot as an Int32Array and in ascending order of id (`prepare`), for the
  // model's searches: one array type on the hot path. A slot of one candidate: its id copied here
  // (its order is `identityOrder`).
  const single = new Int32Array(1)
  const stepScores = new Float64Array(maxK)
  const stepStates = new Int32Array(maxK)
  const stepBigrams = new Int32Array(maxK)
  // Candidates of a hypothesis that the channel alone puts below the threshold are not scored: no
  // model score exceeds `gain` (log10 p ≤ 0, plus back-off weights above 1 on the way down).
  const gain = model.maxStepScore
  const active = new Uint8Array(maxK)

  for (let i = 0; i < n; i++) {
    const slot = slots[i]
    const k = slot.ids.length
    let ids: Int32Array
    let ascending: Int32Array
    if (k === 1) {
      single[0] = slot.ids[0]
      ids = single
      ascending = identityOrder
    } else {
      const p = prepare(slot.ids)
      ids = p.ids
      ascending = p.ascending
    }
    const channel = slot.scores
    const stamp = i + 1
    let count = 0
    // States more than `threshold` below the best are dropped after the step: a hypothesis whose
    // every expansion would fall there (the language model's score is ≤ 0) is not expanded.
    let bestNew = -Infinity
    let maxChannel = 0
    if (channel !== null) {
      maxChannel = -Infinity
      for (let c = 0; c < k; c++) if (weight * channel[c] > maxChannel) maxChannel = weight * channel[c]
    }
    for (let b = 0; b < size; b++) {
      if (scores[b] + maxChannel < bestNew - threshold) continue
      const base = b * h
      const length = known[b]
      const score = scores[b]
      let mask: Uint8Array | null = null
      if (channel !== null && bestNew !== -Infinity) {
        const most = score + gain
        const cut = bestNew - threshold
        for (let c = 0; c < k; c++) {
          // As the sum below is taken: (score + step) + channel ≤ (score + gain) + channel.
          if (most + weight * channel[c] < cut) {
            active[c] = 0
            mask = active
          } else active[c] = 1
        }
      }
      model.stepAll(contexts, base, length, ids, ascending, stepScores, stepStates, mask, stepBigrams)
      for (let c = 0; c < k; c++) {
        if (mask !== null && mask[c] === 0) continue
        let s = score + stepScores[c]
        const state = stepStates[c]
        if (channel !== null) s += weight * channel[c]
        if (s < bestNew - threshold) continue
        if (s > bestNew) bestNew = s
        // Merge with the expansion already in this state (Viterbi recombination).
        let t = Math.imul(state, 0x9e3779b1) >>> 0
        let entry = -1
        for (;;) {
          t &= tableMask
          if (tableStamp[t] !== stamp) break
          if (nextStates[tableEntry[t]] === state) {
            entry = tableEntry[t]
            break
          }
          t++
        }
        if (entry !== -1) {
          if (nextScores[entry] < s) {
            nextScores[entry] = s
            nextParent[entry] = b
            nextCandidate[entry] = c
            nextBigram[entry] = stepBigrams[c]
          }
          continue
        }
        tableStamp[t] = stamp
        tableEntry[t] = count
        nextStates[count] = state
        nextScores[count] = s
        nextCandidate[count] = c
        nextParent[count] = b
        nextBigram[count] = stepBigrams[c]
        count++
      }
    }
    // Keep the best `beam` states (insertion into a small sorted list).
    let kept = 0
    for (let x = 0; x < count; x++) {
      const s = nextScores[x]
      if (kept === beam && s <= nextScores[top[kept - 1]]) continue
      let at = kept < beam ? kept++ : kept - 1
      while (at > 0 && nextScores[top[at - 1]] < s) {
        top[at] = top[at - 1]
        at--
      }
      top[at] = x
    }
    const floor = nextScores[top[0]] - threshold
    while (kept > 1 && nextScores[top[kept - 1]] < floor) kept--
    for (let y = 0; y < kept; y++) {
      const x = top[y]
      const parent = nextParent[x]
      // The kept state's contexts: its parent's, each one word on (the state gives the deepest).
      model.extendToState(contexts, parent * h, ids[nextCandidate[x]], nextStates[x], spare, y * h, nextBigram[x])
      spareKnown[y] = Math.min(h, known[parent] + 1)
      scores[y] = nextScores[x]
      candidateAt[i * beam + y] = nextCandidate[x]
      parentAt[i * beam + y] = parent
    }
    const swap = contexts
    contexts = spare
    spare = swap
    const swapKnown = known
    known = spareKnown
    spareKnown = swapKnown
    size = kept
  }

  // Kept hypotheses are sorted best first.
  let best = 0
  for (let i = n - 1; i >= 0; i--) {
    choice[i] = candidateAt[i * beam + best]
    best = parentAt[i * beam + best]
  }
  return {choice}
}

/** A slot's ids as the decoder reads them. */
interface Prepared {
  ids: Int32Array
  /** Indices of `ids` by ascending id. */
  ascending: Int32Array
}

/**
 * The `Prepared` form of every slot met, by its ids array, for as long as the array lives: slots
 * are shared by equal tokens, by the blocks of a text and by `decode` and `margins`, and a stripped
 * word's candidates by every text.
 */
const preparedSlots = new WeakMap<ArrayLike<number>, Prepared>()

/** 0, 1, 2, …: the order of candidates already in ascending order of id (grown as needed). */
let identityOrder = Int32Array.from({length: 64}, (_, c) => c)

/** A slot's ids as an Int32Array (the same array when they are one) and their indices by ascending id. */
function prepare(ids: ArrayLike<number>): Prepared {
  let p = preparedSlots.get(ids)
  if (p !== undefined) return p
  const k = ids.length
  let sorted = true
  for (let c = 1; c < k && sorted; c++) sorted = ids[c] >= ids[c - 1]
  if (sorted && identityOrder.length < k) identityOrder = Int32Array.from({length: 2 * k}, (_, c) => c)
  p = {ids: ids instanceof Int32Array ? ids : copyIds(ids), ascending: sorted ? identityOrder : ascendingOrder(ids)}
  preparedSlots.set(ids, p)
  return p
}

/** `ids` copied into an Int32Array (a plain loop: `Int32Array.from` takes its slower, generic path for an array). */
function copyIds(ids: ArrayLike<number>): Int32Array {
  const out = new Int32Array(ids.length)
  for (let c = 0; c < ids.length; c++) out[c] = ids[c]
  return out
}

/** Candidates at most this many are put in order by insertion; more by the built-in sort. */
const insertionSortMax = 64

/**
 * The indices of `ids` by ascending id, equal ids by index: the order of a stable sort. A slot has
 * a few dozen candidates at most, and every decode orders each of its slots once, so an insertion
 * sort (no comparison callback) beats the built-in sort there.
 */
export function ascendingOrder(ids: ArrayLike<number>): Int32Array {
  const k = ids.length
  if (k > insertionSortMax) return Int32Array.from({length: k}, (_, c) => c).sort((a, b) => ids[a] - ids[b] || a - b)
  const order = new Int32Array(k)
  for (let c = 0; c < k; c++) {
    const id = ids[c]
    let at = c
    while (at > 0 && ids[order[at - 1]] > id) {
      order[at] = order[at - 1]
      at--
    }
    order[at] = c
  }
  return order
}

/** log10 units behind the choice on its own n-gram beyond which a rival is not rescored further. */
const farBehind = 3

/**
 * The log10 margin of the choice at each of `positions` against its rivals with the rest of the
 * path fixed: how much worse the best rival scores on the slot's own n-gram and the next one
 * (Infinity when the slot has one candidate). A local approximation of the path margin, cheap
 * enough to compute for every changed token.
 */
export function margins(model: LanguageModel, slots: Slot[], choice: Int32Array, positions: number[], options: DecodeOptions = {}): Float64Array {
  const weight = options.channelWeight ?? 1
  const n = slots.length
  const h = model.order - 1
  const margin = new Float64Array(positions.length).fill(Infinity)
  const path = new Int32Array(n + 1)
  path[0] = 0
  for (let i = 0; i < n; i++) path[i + 1] = slots[i].ids[choice[i]]
  const contexts = new Int32Array(h)
  // The contexts after a candidate, for the score of the word after it.
  const after = new Int32Array(h)
  let maxK = 1
  for (let p = 0; p < positions.length; p++) maxK = Math.max(maxK, slots[positions[p]].ids.length)
  const own = new Float64Array(maxK)
  const states = new Int32Array(maxK)
  const bigrams = new Int32Array(maxK)
  for (let p = 0; p < positions.length; p++) {
    const i = positions[p]
    const slot = slots[i]
    if (slot.ids.length < 2) continue
    // History of the slot (path[i+1] is the slot itself).
    const length = model.contextsOf(path, Math.max(0, i + 1 - h), i + 1, contexts)
    const k = slot.ids.length
    // Every candidate after that history at once (the scores `scoreAfter` gives, summed alike), with the state each leads to.
    const {ids, ascending} = prepare(slot.ids)
    model.stepAll(contexts, 0, length, ids, ascending, own, states, null, bigrams)
    if (slot.scores !== null) for (let c = 0; c < k; c++) own[c] += weight * slot.scores[c]
    const next = i + 2 <= n ? i + 2 : -1
    // The word after the slot, scored after the candidate (as `score` would on the path with it).
    const nextScore = (c: number) => {
      if (next === -1) return 0
      model.extendToState(contexts, 0, ids[c], states[c], after, 0, bigrams[c])
      return model.scoreAfter(after, 0, Math.min(h, length + 1), path[next])
    }
    const chosenNext = nextScore(choice[i])
    const chosen = own[choice[i]] + chosenNext
    let rival = -Infinity
    for (let c = 0; c < k; c++) {
      if (c === choice[i]) continue
      // A rival far behind on its own n-gram is not rescored on the next one (its margin is wide anyway).
      const s = own[c] + (own[c] > own[choice[i]] - farBehind ? nextScore(c) : chosenNext)
      if (s > rival) rival = s
    }
    margin[p] = chosen - rival
  }
  return margin
}
