/**
 * The n-grams of a model as a trie in flat arrays: the n-grams of each order
 * in lexicographic order of their ids, so the continuations of an (n-1)-gram
 * (its children) are one contiguous, sorted run of the next order. Each
 * n-gram stores its last id (16 bits), the one-byte code of its
 * log-probability and, below the highest order, the one-byte code of its
 * back-off weight and where its children start. A decoder keeps, per
 * hypothesis, the index of each context it ends with and extends it by a
 * search in a short sorted run: no n-gram is hashed, nothing is rebuilt at
 * load (the arrays are views on the model file), and the continuations of
 * one context sit together in memory.
 */

/** The arrays of one order ≥ 2 (see the module comment). */
export interface TrieOrder {
  /** Last id of each n-gram; within the children of one context, ascending. */
  words: Uint16Array
  /** Log-probability code of each n-gram. */
  probs: Uint8Array
  /** Back-off weight code of each n-gram as a context (null for the highest order). */
  backoffs: Uint8Array | null
  /** Children of n-gram i in the next order: [first[i], first[i+1]) (null for the highest order). */
  first: Uint32Array | null
}

/** All orders of a trie. */
export interface TrieArrays {
  /** Children of unigram (id) i in order 2: [first[i], first[i+1]); length = ids + 1. */
  unigramFirst: Uint32Array
  /** Orders 2..N (index 0 = order 2). */
  orders: TrieOrder[]
}

/** Largest id a trie can hold. */
export const maxTrieId = 0xffff

/** Runs at most this long are scanned, longer ones binary-searched. */
const scanLength = 8

/** Index of `word` in `words[from..to)` (ascending), or -1. */
export function findIn(words: Uint16Array, from: number, to: number, word: number): number {
  let lo = from
  let hi = to
  while (hi - lo > scanLength) {
    const mid = (lo + hi) >>> 1
    const w = words[mid]
    if (w < word) lo = mid + 1
    else if (w > word) hi = mid
    else return mid
  }
  for (let i = lo; i < hi; i++) {
    const w = words[i]
    if (w === word) return i
    if (w > word) return -1
  }
  return -1
}

/**
 * The first index in `words[from..to)` (ascending) whose id is ≥ `word` (`to` when none): a
 * galloping search from `from`, cheap when the answer is near (ids looked up in ascending order).
 */
export function lowerBound(words: Uint16Array, from: number, to: number, word: number): number {
  let lo = from
  let step = 1
  // Gallop: widen [lo, lo + step) until it passes the word.
  while (lo + step < to && words[lo + step - 1] < word) {
    lo += step
    step *= 2
  }
  let hi = Math.min(to, lo + step)
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (words[mid] < word) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Build the trie of estimated orders: `orders[k-2]` holds the n-grams of order k (k ids each, one
 * after the other, in lexicographic order) with their codes. Every n-gram's prefix must be an
 * n-gram of the order below (Kneser-Ney pruning by count keeps prefixes); `ids` is the number of ids.
 */
export function buildTrie(
  ids: number,
  orders: Array<{ids: Int32Array; probCodes: ArrayLike<number>; backoffCodes: ArrayLike<number> | null}>
): TrieArrays {
  if (ids - 1 > maxTrieId) throw new Error(`a model of ${ids} ids is too large for the trie (at most ${maxTrieId + 1})`)
  const out: TrieOrder[] = []
  let unigramFirst = new Uint32Array(ids + 1)
  orders.forEach((o, index) => {
    const k = index + 2
    const n = o.ids.length / k
    const words = new Uint16Array(n)
    const probs = Uint8Array.from(o.probCodes)
    for (let g = 0; g < n; g++) words[g] = o.ids[g * k + k - 1]
    const highest = index === orders.length - 1
    out.push({
      words,
      probs,
      backoffs: highest ? null : Uint8Array.from(o.backoffCodes ?? []),
      first: highest ? null : new Uint32Array(n + 1)
    })
    // Children starts of the order below: walk both sorted lists together.
    if (k === 2) {
      const first = new Uint32Array(ids + 1)
      for (let g = 0; g < n; g++) first[o.ids[g * 2] + 1]++
      for (let i = 0; i < ids; i++) first[i + 1] += first[i]
      unigramFirst = first
      return
    }
    const below = orders[index - 1].ids
    const first = out[index - 1].first!
    const m = below.length / (k - 1)
    let p = 0
    for (let g = 0; g < n; g++) {
      // Advance to the (k-1)-gram that is this k-gram's prefix.
      while (p < m && comparePrefix(below, p * (k - 1), o.ids, g * k, k - 1) < 0) first[++p] = g
      if (p >= m || comparePrefix(below, p * (k - 1), o.ids, g * k, k - 1) !== 0) {
        throw new Error(`n-gram ${Array.from(o.ids.subarray(g * k, g * k + k)).join(' ')} has no prefix in order ${k - 1}`)
      }
    }
    while (p < m) first[++p] = n
  })
  return {unigramFirst, orders: out}
}

/** Compare `a[i..i+length)` with `b[j..j+length)` lexicographically. */
function comparePrefix(a: Int32Array, i: number, b: Int32Array, j: number, length: number): number {
  for (let x = 0; x < length; x++) {
    const d = a[i + x] - b[j + x]
    if (d !== 0) return d
  }
  return 0
}
