/**
 * Interpolated modified Kneser-Ney estimation (Chen & Goodman) of an n-gram
 * model over one long id sequence, pruned by count and written in back-off
 * form: every kept n-gram gets its interpolated log10 probability, every kept
 * context a back-off weight that renormalises what pruning removed.
 *
 * Counting scales to tens of millions of tokens: the n-grams of each order
 * are the positions of the sequence sorted (two stable counting sorts: by the
 * last id, then by the rank of the (n-1)-gram before it), so equal n-grams
 * sit together and no map of n-grams is ever built.
 */
import {Class} from './classes.js'

/** One order of an estimated model: the kept n-grams in lexicographic order of their ids, with log10 values. */
export interface EstimatedOrder {
  order: number
  /** Number of kept n-grams. */
  size: number
  /** Their ids, `order` per n-gram, one after the other. */
  ids: Int32Array
  /** log10 p(last | rest) per n-gram. */
  logProbs: Float64Array
  /** log10 back-off weight per n-gram as a context (all zero for the highest order). */
  logBackoffs: Float64Array
}

/** Options of the estimation. */
export interface EstimateOptions {
  /** Highest order (2–5). */
  order: number
  /** Smallest (weighted) count kept, per order from 1 (`[1, 1, 2, 2]`); must not decrease. Unigrams are always all kept. */
  minCounts: number[]
}

/** The distinct n-grams of one order. */
interface OrderCounts {
  /** Number of distinct n-grams. */
  size: number
  /** Position in the sequence of one occurrence of each. */
  at: Int32Array
  /** Weighted number of occurrences. */
  raw: Float64Array
  /** Index of the (n-1)-gram it starts with (its context), for orders ≥ 2. */
  context: Int32Array
  /** Index of the (n-1)-gram it ends with, for orders ≥ 2. */
  suffix: Int32Array
  /** Number of distinct ids seen before it (Kneser-Ney continuation count), filled from the next order. */
  continuation: Float64Array
}

/**
 * Estimate the model of `sequence`: ids below `vocabularySize`, documents one after the other,
 * each opening with the boundary class (n-grams never span a boundary, which may only open one).
 * `weights` gives each position's count (its document's domain weight; null: 1 each).
 * The result has one entry per order (index 0 = unigrams, where every id is kept).
 */
export function estimate(sequence: Int32Array, weights: Uint8Array | null, vocabularySize: number, options: EstimateOptions): EstimatedOrder[] {
  const {order, minCounts} = options
  const V = vocabularySize
  for (let k = 1; k < minCounts.length; k++) {
    if (minCounts[k] < minCounts[k - 1]) throw new Error('minCounts must not decrease with the order')
  }
  const counts = countOrders(sequence, weights, V, order)

  // Continuation counts: distinct left extensions of each n-gram below the highest order.
  for (let k = 2; k <= order; k++) {
    const higher = counts[k - 1]
    const lower = counts[k - 2]
    for (let g = 0; g < higher.size; g++) lower.continuation[higher.suffix[g]]++
  }

  // Interpolated probabilities of every n-gram, lowest order first.
  const probs: Float64Array[] = []
  for (let k = 1; k <= order; k++) {
    const c = counts[k - 1]
    const adjusted = new Float64Array(c.size)
    for (let g = 0; g < c.size; g++) {
      const startsAtBoundary = k === 1 ? g === Class.boundary : sequence[c.at[g]] === Class.boundary
      adjusted[g] = k === order || startsAtBoundary || c.continuation[g] === 0 ? c.raw[g] : c.continuation[g]
    }
    const [d1, d2, d3] = discounts(adjusted)
    const discount = (a: number) => (a === 1 ? d1 : a === 2 ? d2 : d3)
    const p = new Float64Array(c.size)
    // Contexts are contiguous (n-grams sorted by context); unigrams form one group.
    let start = 0
    while (start < c.size) {
      let end = start + 1
      if (k > 1) while (end < c.size && c.context[end] === c.context[start]) end++
      else end = c.size
      let total = 0
      let mass = 0
      for (let g = start; g < end; g++) {
        const a = adjusted[g]
        if (a <= 0) continue
        total += a
        mass += discount(a)
      }
      const gamma = total > 0 ? mass / total : 1
      for (let g = start; g < end; g++) {
        const a = adjusted[g]
        const lower = k === 1 ? 1 / V : probs[k - 2][c.suffix[g]]
        p[g] = (total > 0 ? Math.max(a - discount(a), 0) / total : 0) + gamma * lower
      }
      start = end
    }
    probs.push(p)
  }

  // Kept n-grams and the back-off weight of each kept context:
  // (1 - Σ kept p(w|h)) / (1 - Σ kept p(w|h')).
  const kept: Int32Array[] = []
  for (let k = 1; k <= order; k++) {
    const c = counts[k - 1]
    if (k === 1) {
      kept.push(Int32Array.from({length: V}, (_, i) => i))
      continue
    }
    const min = minCounts[k - 1] ?? 1
    const list: number[] = []
    for (let g = 0; g < c.size; g++) if (c.raw[g] >= min) list.push(g)
    kept.push(Int32Array.from(list))
  }
  const result: EstimatedOrder[] = []
  for (let k = 1; k <= order; k++) {
    const c = counts[k - 1]
    const list = kept[k - 1]
    const backoff = new Float64Array(c.size).fill(1)
    if (k < order) {
      const higher = counts[k]
      const high = new Float64Array(c.size)
      const low = new Float64Array(c.size)
      const seen = new Uint8Array(c.size)
      for (const g of kept[k]) {
        const ctx = higher.context[g]
        high[ctx] += probs[k][g]
        low[ctx] += probs[k - 1][higher.suffix[g]]
        seen[ctx] = 1
      }
      for (let g = 0; g < c.size; g++) if (seen[g]) backoff[g] = Math.max(1 - high[g], 1e-9) / Math.max(1 - low[g], 1e-9)
    }
    const ids = new Int32Array(list.length * k)
    const logProbs = new Float64Array(list.length)
    const logBackoffs = new Float64Array(list.length)
    list.forEach((g, i) => {
      if (k === 1) ids[i] = g
      else for (let j = 0; j < k; j++) ids[i * k + j] = sequence[c.at[g] + j]
      logProbs[i] = Math.log10(probs[k - 1][g])
      logBackoffs[i] = Math.log10(backoff[g])
    })
    result.push({order: k, size: list.length, ids, logProbs, logBackoffs})
  }
  return result
}

/**
 * The distinct n-grams of orders 1..`order`. Unigrams are indexed by id (every id below `V`, seen
 * or not); higher orders in lexicographic order of their ids.
 */
function countOrders(sequence: Int32Array, weights: Uint8Array | null, V: number, order: number): OrderCounts[] {
  const n = sequence.length
  const weightAt = (i: number) => (weights === null ? 1 : weights[i])
  const out: OrderCounts[] = []

  // Unigrams: index = id.
  const raw1 = new Float64Array(V)
  const at1 = new Int32Array(V).fill(-1)
  for (let i = 0; i < n; i++) {
    const id = sequence[i]
    raw1[id] += weightAt(i)
    if (at1[id] === -1) at1[id] = i
  }
  out.push({size: V, at: at1, raw: raw1, context: new Int32Array(0), suffix: new Int32Array(0), continuation: new Float64Array(V)})
  // Index of the n-gram of the previous order starting at each position (-1: none starts there).
  let index: Int32Array = sequence
  // Positions where an n-gram of the previous order starts, in that order's sorted order.
  let positions: Int32Array = new Int32Array(n)
  for (let i = 0; i < n; i++) positions[i] = i
  let count = n
  let scratch: Int32Array = new Int32Array(n)
  let previousSize = V

  for (let k = 2; k <= order; k++) {
    // Positions where a k-gram starts: a (k-1)-gram starts there and the next id is no boundary.
    let m = 0
    for (let x = 0; x < count; x++) {
      const p = positions[x]
      const last = p + k - 1
      if (last < n && sequence[last] !== Class.boundary) scratch[m++] = p
    }
    // Sort by last id, then (stably) by the rank of the (k-1)-gram: lexicographic order.
    const byLast = countingSort(scratch, m, (p) => sequence[p + k - 1], V, positions)
    const sorted = countingSort(byLast, m, (p) => index[p], previousSize, byLast === positions ? scratch : positions)
    const nextIndex = new Int32Array(n).fill(-1)
    const at: number[] = []
    const raw: number[] = []
    const context: number[] = []
    const suffix: number[] = []
    let g = -1
    let previousContext = -1
    let previousLast = -1
    for (let x = 0; x < m; x++) {
      const p = sorted[x]
      const ctx = index[p]
      const last = sequence[p + k - 1]
      if (ctx !== previousContext || last !== previousLast) {
        g++
        at.push(p)
        raw.push(0)
        context.push(ctx)
        suffix.push(index[p + 1])
        previousContext = ctx
        previousLast = last
      }
      raw[g] += weightAt(p)
      nextIndex[p] = g
    }
    const size = g + 1
    out.push({
      size,
      at: Int32Array.from(at),
      raw: Float64Array.from(raw),
      context: Int32Array.from(context),
      suffix: Int32Array.from(suffix),
      continuation: new Float64Array(size)
    })
    // The suffix of a k-gram is a (k-1)-gram starting one later: its index must exist.
    index = nextIndex
    if (sorted !== positions) {
      const swap = positions
      positions = sorted
      scratch = swap
    }
    count = m
    previousSize = size
  }
  return out
}

/** Stable counting sort of `input[0..length)` by `key` (0 ≤ key < buckets) into `output`; returns `output`. */
function countingSort(input: Int32Array, length: number, key: (value: number) => number, buckets: number, output: Int32Array): Int32Array {
  const starts = new Int32Array(buckets + 1)
  for (let x = 0; x < length; x++) starts[key(input[x]) + 1]++
  for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b]
  for (let x = 0; x < length; x++) output[starts[key(input[x])]++] = input[x]
  return output
}

/** Modified Kneser-Ney discounts D1, D2, D3+ from the count-of-counts of `counts`. */
function discounts(counts: ArrayLike<number>): [number, number, number] {
  const n = [0, 0, 0, 0, 0]
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]
    if (c >= 1 && c <= 4 && Number.isInteger(c)) n[c]++
  }
  if (n[1] === 0 || n[2] === 0 || n[3] === 0 || n[4] === 0) return [0.5, 1, 1.5]
  const y = n[1] / (n[1] + 2 * n[2])
  const clamp = (d: number, max: number) => Math.min(Math.max(d, 0.01), max)
  return [clamp(1 - 2 * y * (n[2] / n[1]), 1), clamp(2 - 3 * y * (n[3] / n[2]), 2), clamp(3 - 4 * y * (n[4] / n[3]), 3)]
}
