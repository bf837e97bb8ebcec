import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {LanguageModel} from '../../src/diacritics/language-model.js'
import {defaultModelPath} from '../../src/diacritics/load-model.js'
import {readModel} from '../../src/diacritics/model-file.js'
import {stripMarks} from '../../src/vietnamese/letters.js'

const parts = readModel(readFileSync(defaultModelPath), 'shipped')
const filtered = new LanguageModel(parts)
const searching = new LanguageModel(parts, {bigramFilter: false})
// The same filter, with every context checked at once after the first ten.
const checkedAtOnce = new LanguageModel(parts, {checkAllAfter: 10})

/** The syllables of a restored document as ids, each with the ids of its letters without marks (ascending). */
function lattice(model: LanguageModel): Array<{id: number; candidates: Int32Array}> {
  const byLetters = new Map<string, number[]>()
  for (const [syllable, id] of model.syllables()) {
    const key = stripMarks(syllable)
    const ids = byLetters.get(key) ?? []
    ids.push(id)
    byLetters.set(key, ids)
  }
  const text = readFileSync(new URL('../../fixtures/seed-002/gold-1-300.txt', import.meta.url), 'utf8')
  const out: Array<{id: number; candidates: Int32Array}> = []
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const id = model.id(word)
    if (id === undefined) continue
    out.push({id, candidates: Int32Array.from(byLetters.get(stripMarks(word))!).sort()})
  }
  return out
}

describe('LanguageModel.stepAll', () => {
  it('should score every candidate as scoreAfter does, with and without the bigram filter, masked or not', () => {
    const h = filtered.order - 1
    const path = lattice(filtered)
    expect(path.length).toBeGreaterThan(1000)
    const ids = path.map((p) => p.id)
    const contexts = new Int32Array(h)
    const scores = [new Float64Array(64), new Float64Array(64), new Float64Array(64)]
    const states = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]
    const bigrams = new Int32Array(64)
    const extended = [new Int32Array(h), new Int32Array(h)]
    let bigramsGiven = 0
    const levels = new Set<number>()
    let checked = 0
    for (let i = 0; i < path.length; i++) {
      const length = filtered.contextsOf(ids, Math.max(0, i - h), i, contexts)
      if (length === 0) continue
      const words = path[i].candidates
      // Candidates in a shuffled order, with their ascending order given.
      const shuffled = Int32Array.from(words).reverse()
      const ascending = Int32Array.from(shuffled.keys()).reverse()
      const mask = i % 3 === 0 ? Uint8Array.from(words, (_, c) => (c + i) % 2) : null
      for (const [w, a] of [[words, Int32Array.from(words.keys())], [shuffled, ascending]]) {
        bigrams.fill(-3)
        filtered.stepAll(contexts, 0, length, w, a, scores[0], states[0], mask, bigrams)
        searching.stepAll(contexts, 0, length, w, a, scores[1], states[1], mask)
        checkedAtOnce.stepAll(contexts, 0, length, w, a, scores[2], states[2], mask)
        for (let c = 0; c < w.length; c++) {
          if (mask !== null && mask[c] === 0) continue
          expect(scores[0][c]).toBe(scores[1][c])
          expect(states[0][c]).toBe(states[1][c])
          expect(scores[2][c]).toBe(scores[1][c])
          expect(states[2][c]).toBe(states[1][c])
          expect(scores[0][c]).toBe(filtered.scoreAfter(contexts, 0, length, w[c]))
          levels.add(states[0][c] & 3)
          checked++
          // The bigram found on the way is the one extendToState would search for.
          if ((states[0][c] & 3) >= 3 && bigrams[c] !== -2) {
            expect(bigrams[c]).toBe(filtered.child(1, contexts[0], w[c]))
            bigramsGiven++
          }
          filtered.extendToState(contexts, 0, w[c], states[0][c], extended[0], 0, bigrams[c])
          searching.extendToState(contexts, 0, w[c], states[0][c], extended[1], 0)
          expect(extended[0]).toEqual(extended[1])
        }
      }
    }
    expect(checked).toBeGreaterThan(5000)
    // The filter was used: every context met has only continuations that are bigrams.
    expect(filtered.filtering).toBe(true)
    expect(filtered.searchedSteps).toBe(0)
    expect(checkedAtOnce.searchedSteps).toBe(0)
    expect(bigramsGiven).toBeGreaterThan(100)
    // New histories that end in unigrams, bigrams and trigrams were all seen.
    expect([...levels].sort()).toEqual([1, 2, 3])
  })

  it('should search every level after a context with a continuation that is no bigram', () => {
    // The shipped model with one trigram (a, b, c) changed into (a, b, d), where (b, d) is no bigram.
    const [bigrams, trigrams, ...rest] = parts.trie.orders
    let node = 0
    while (bigrams.first![node + 1] - bigrams.first![node] !== 1) node++
    const b = bigrams.words[node]
    let a = 0
    while (parts.trie.unigramFirst[a + 1] <= node) a++
    let d = filtered.id('xã')!
    while (filtered.child(1, b, d) >= 0) d++
    const words = Uint16Array.from(trigrams.words)
    words[bigrams.first![node]] = d
    const changed = {...parts, trie: {...parts.trie, orders: [bigrams, {...trigrams, words}, ...rest]}}
    // Checked when met, or with all the others at once.
    for (const model of [new LanguageModel(changed), new LanguageModel(changed, {checkAllAfter: 1})]) {
      const contexts = new Int32Array(3)
      const length = model.contextsOf([a, b], 0, 2, contexts)
      expect(length).toBe(2)
      const candidates = Int32Array.of(d - 1, d, d + 1)
      const scores = new Float64Array(3)
      const states = new Int32Array(3)
      model.stepAll(contexts, 0, length, candidates, Int32Array.of(0, 1, 2), scores, states)
      expect(model.searchedSteps).toBe(1)
      for (let c = 0; c < 3; c++) expect(scores[c]).toBe(model.scoreAfter(contexts, 0, length, candidates[c]))
      // d is found as the trigram, not backed off to its unigram.
      expect(states[1] & 3).toBe(3)
    }
  })
})
