/**
 * Interpolated modified Kneser-Ney estimation (Chen & Goodman) of an n-gram
 * model over id sequences, pruned by count and written in back-off form:
 * every kept n-gram gets its interpolated log10 probability, every kept
 * context a back-off weight that renormalises what pruning removed.
 */
import {Class} from './classes.js'

/** One order of an estimated model: kept n-grams (ascending key order) with log10 values. */
export interface EstimatedOrder {
  /** The n-grams, each `order` ids. */
  grams: Int32Array[]
  /** log10 p(last | rest) per n-gram. */
  logProbs: Float64Array
  /** log10 back-off weight per n-gram as a context (all zero for the highest order). */
  logBackoffs: Float64Array
}

/** Options of the estimation. */
export interface EstimateOptions {
  /** Highest order (2–4 for realistic vocabularies). */
  order: number
  /** Smallest raw count kept, per order from 1 (`[1, 1, 2, 2]`); must not decrease. */
  minCounts: number[]
}

type Counts = Map<number, number>

/**
 * Estimate the model from `sequences` of ids below `vocabularySize`. The result has one entry
 * per order (index 0 = unigrams, where every id is kept).
 */
export function estimate(sequences: Int32Array[], vocabularySize: number, options: EstimateOptions): EstimatedOrder[] {
  const {order, minCounts} = options
  const V = vocabularySize
  if (V ** order >= Number.MAX_SAFE_INTEGER) throw new Error(`vocabulary of ${V} too large for order ${order}`)
  for (let k = 1; k < minCounts.length; k++) {
    if (minCounts[k] < minCounts[k - 1]) throw new Error('minCounts must not decrease with the order')
  }

  // Raw counts of every order; key = ids read as digits in base V.
  const raw: Counts[] = []
  for (let k = 0; k < order; k++) raw.push(new Map())
  for (const seq of sequences) {
    for (let i = 0; i < seq.length; i++) {
      let key = 0
      for (let k = 0; k < order && i - k >= 0; k++) {
        // Grow the n-gram leftwards: key of seq[i-k..i].
        key = seq[i - k] * V ** k + key
        const map = raw[k]
        map.set(key, (map.get(key) ?? 0) + 1)
      }
    }
  }

  // Adjusted counts: raw for the highest order and for n-grams starting at a boundary,
  // else the number of distinct words seen before the n-gram (continuation counts).
  const adjusted: Counts[] = []
  for (let k = 0; k < order; k++) adjusted.push(new Map())
  adjusted[order - 1] = raw[order - 1]
  for (let k = order - 2; k >= 0; k--) {
    const span = V ** (k + 1)
    const adj = adjusted[k]
    for (const key of raw[k + 1].keys()) {
      const suffix = key % span
      adj.set(suffix, (adj.get(suffix) ?? 0) + 1)
    }
    for (const [key, count] of raw[k]) {
      if (Math.floor(key / V ** k) === Class.boundary) adj.set(key, count)
      else if (!adj.has(key)) adj.set(key, count)
    }
  }

  // Interpolated probabilities of every n-gram, lowest order first.
  const probs: Map<number, number>[] = []
  for (let k = 0; k < order; k++) {
    const adj = adjusted[k]
    const [d1, d2, d3] = discounts(adj)
    const discount = (c: number) => (c === 1 ? d1 : c === 2 ? d2 : d3)
    const total = new Map<number, number>()
    const n1 = new Map<number, number>()
    const n2 = new Map<number, number>()
    const n3 = new Map<number, number>()
    for (const [key, c] of adj) {
      const ctx = Math.floor(key / V)
      total.set(ctx, (total.get(ctx) ?? 0) + c)
      const bucket = c === 1 ? n1 : c === 2 ? n2 : n3
      bucket.set(ctx, (bucket.get(ctx) ?? 0) + 1)
    }
    const p = new Map<number, number>()
    for (const [key, c] of adj) {
      const ctx = Math.floor(key / V)
      const t = total.get(ctx)!
      const gamma = (d1 * (n1.get(ctx) ?? 0) + d2 * (n2.get(ctx) ?? 0) + d3 * (n3.get(ctx) ?? 0)) / t
      const lower = k === 0 ? 1 / V : probs[k - 1].get(key % V ** k)!
      p.set(key, Math.max(c - discount(c), 0) / t + gamma * lower)
    }
    probs.push(p)
  }

  // Keep n-grams by raw count; unigrams: every id (unseen ones get the uniform share).
  const result: EstimatedOrder[] = []
  const kept: number[][] = []
  for (let k = 0; k < order; k++) {
    if (k === 0) {
      kept.push(Array.from({length: V}, (_, i) => i))
      continue
    }
    const keys: number[] = []
    for (const [key, c] of raw[k]) if (c >= (minCounts[k] ?? 1)) keys.push(key)
    keys.sort((a, b) => a - b)
    kept.push(keys)
  }
  const unigramFloor = probs[0].size > 0 ? Math.min(...probs[0].values()) / 2 : 1 / V
  const prob = (k: number, key: number) => probs[k].get(key) ?? (k === 0 ? unigramFloor : 0)

  // Back-off weight of each kept context: (1 - Σ kept p(w|h)) / (1 - Σ kept p(w|h')).
  const backoffs: Map<number, number>[] = []
  for (let k = 0; k < order; k++) {
    const sums = new Map<number, [number, number]>()
    if (k + 1 < order) {
      for (const key of kept[k + 1]) {
        const ctx = Math.floor(key / V)
        const s = sums.get(ctx) ?? [0, 0]
        s[0] += prob(k + 1, key)
        s[1] += prob(k, key % V ** (k + 1))
        sums.set(ctx, s)
      }
    }
    const b = new Map<number, number>()
    for (const [ctx, [high, low]] of sums) b.set(ctx, Math.max(1 - high, 1e-9) / Math.max(1 - low, 1e-9))
    backoffs.push(b)
  }

  for (let k = 0; k < order; k++) {
    const keys = kept[k]
    const grams: Int32Array[] = []
    const logProbs = new Float64Array(keys.length)
    const logBackoffs = new Float64Array(keys.length)
    keys.forEach((key, i) => {
      const ids = new Int32Array(k + 1)
      let rest = key
      for (let j = k; j >= 0; j--) {
        ids[j] = rest % V
        rest = Math.floor(rest / V)
      }
      grams.push(ids)
      logProbs[i] = Math.log10(prob(k, key))
      logBackoffs[i] = Math.log10(backoffs[k].get(key) ?? 1)
    })
    result.push({grams, logProbs, logBackoffs})
  }
  return result
}

/** Modified Kneser-Ney discounts D1, D2, D3+ from the count-of-counts of `counts`. */
function discounts(counts: Counts): [number, number, number] {
  const n = [0, 0, 0, 0, 0]
  for (const c of counts.values()) if (c <= 4) n[c]++
  if (n[1] === 0 || n[2] === 0 || n[3] === 0 || n[4] === 0) return [0.5, 1, 1.5]
  const y = n[1] / (n[1] + 2 * n[2])
  const clamp = (d: number, max: number) => Math.min(Math.max(d, 0.01), max)
  return [clamp(1 - 2 * y * (n[2] / n[1]), 1), clamp(2 - 3 * y * (n[3] / n[2]), 2), clamp(3 - 4 * y * (n[4] / n[3]), 3)]
}
