/**
 * The order of a model's syllable ids: syllables written with the same letters once their marks
 * are stripped (`cac`: các, cắc, cạc, các…) get neighbouring ids, groups ordered by their most
 * frequent member, members by frequency. A decoder step looks up all the candidates of a token
 * after one context: with neighbouring ids they sit together in the context's sorted run of
 * continuations, so one search finds the first and the others are a few entries on, instead of
 * one search (and a few cache misses) each across the run. Probabilities do not depend on ids: a
 * model renumbered so restores exactly as before.
 */
import {classCount} from './classes.js'
import type {ModelParts} from './model-file.js'
import {buildTrie} from './ngram-trie.js'
import {stripMarks} from '../vietnamese/letters.js'

/**
 * The vocabulary order described in the module comment: `order[i]` is the index (in
 * `vocabulary`) of the syllable that gets id `classCount + i`. `logProbs[j]` is the unigram log10
 * p of `vocabulary[j]`; ties go by spelling (code point order).
 */
export function lettersOrder(vocabulary: string[], logProbs: ArrayLike<number>): number[] {
  const keys = vocabulary.map((w) => stripMarks(w))
  const best = new Map<string, number>()
  for (let j = 0; j < vocabulary.length; j++) best.set(keys[j], Math.max(best.get(keys[j]) ?? -Infinity, logProbs[j]))
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return vocabulary
    .map((_, j) => j)
    .sort(
      (a, b) =>
        best.get(keys[b])! - best.get(keys[a])! ||
        byCodePoint(keys[a], keys[b]) ||
        logProbs[b] - logProbs[a] ||
        byCodePoint(vocabulary[a], vocabulary[b])
    )
}

/** Whether the syllable ids of `parts` already follow `lettersOrder`. */
export function inLettersOrder(parts: ModelParts): boolean {
  const order = lettersOrder(parts.header.vocabulary, parts.unigramLogProbs.subarray(classCount))
  return order.every((j, i) => j === i)
}

/**
 * `parts` with its syllables renumbered in `lettersOrder` (the same model: every n-gram keeps its
 * probability and back-off codes; the trie is rebuilt in the new id order).
 */
export function renumberByLetters(parts: ModelParts): ModelParts {
  const vocabulary = parts.header.vocabulary
  const V = classCount + vocabulary.length
  const order = lettersOrder(vocabulary, parts.unigramLogProbs.subarray(classCount))
  // newId[old id]
  const newId = new Int32Array(V)
  for (let c = 0; c < classCount; c++) newId[c] = c
  order.forEach((j, i) => (newId[classCount + j] = classCount + i))
  const unigramLogProbs = new Float32Array(V)
  const unigramLogBackoffs = new Float32Array(V)
  for (let id = 0; id < V; id++) {
    unigramLogProbs[newId[id]] = parts.unigramLogProbs[id]
    unigramLogBackoffs[newId[id]] = parts.unigramLogBackoffs[id]
  }
  // Every n-gram of every order as its ids (old numbering, in trie order) with its codes.
  const orders = parts.trie.orders
  const grams: Int32Array[] = []
  for (let x = 0; x < orders.length; x++) {
    const k = x + 2
    const n = orders[x].words.length
    const ids = new Int32Array(n * k)
    if (k === 2) {
      const first = parts.trie.unigramFirst
      for (let u = 0; u < V; u++) {
        for (let g = first[u]; g < first[u + 1]; g++) {
          ids[g * 2] = u
          ids[g * 2 + 1] = orders[0].words[g]
        }
      }
    } else {
      const below = grams[x - 1]
      const first = orders[x - 1].first!
      const m = orders[x - 1].words.length
      for (let p = 0; p < m; p++) {
        for (let g = first[p]; g < first[p + 1]; g++) {
          for (let y = 0; y < k - 1; y++) ids[g * k + y] = below[p * (k - 1) + y]
          ids[g * k + k - 1] = orders[x].words[g]
        }
      }
    }
    grams.push(ids)
  }
  // Renumber, sort each order lexicographically by the new ids, rebuild.
  const rebuilt = grams.map((ids, x) => {
    const k = x + 2
    const n = ids.length / k
    const renamed = ids.map((id) => newId[id])
    const sorted = Int32Array.from({length: n}, (_, g) => g).sort((a, b) => {
      for (let y = 0; y < k; y++) {
        const d = renamed[a * k + y] - renamed[b * k + y]
        if (d !== 0) return d
      }
      return 0
    })
    const out = new Int32Array(n * k)
    const probCodes = new Uint8Array(n)
    const backoffs = orders[x].backoffs
    const backoffCodes = backoffs ? new Uint8Array(n) : null
    sorted.forEach((g, i) => {
      for (let y = 0; y < k; y++) out[i * k + y] = renamed[g * k + y]
      probCodes[i] = orders[x].probs[g]
      if (backoffCodes) backoffCodes[i] = backoffs![g]
    })
    return {ids: out, probCodes, backoffCodes}
  })
  return {
    header: {...parts.header, vocabulary: order.map((j) => vocabulary[j])},
    unigramLogProbs,
    unigramLogBackoffs,
    trie: buildTrie(V, rebuilt)
  }
}
