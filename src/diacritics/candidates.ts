/**
 * Candidates for a word whose marks were stripped: every syllable of the
 * model's vocabulary written with the same letters once marks are removed
 * (`cai` → cái, cải, cài, cãi, cại, cai…), most frequent first.
 */
import type {Trie} from './channel.js'
import type {LanguageModel} from './language-model.js'
import {stripMarks} from '../vietnamese/letters.js'

/** Candidates of one stripped key: model ids and the syllables they write (lowercase). */
export interface CandidateList {
  ids: Int32Array
  words: string[]
}

/**
 * Candidates by stripped key for one model. A key's syllables are found in the vocabulary trie of
 * OCR repair when it is at hand (letter by letter, every letter whose form without marks is the
 * key's), else by grouping the whole vocabulary by key on the first look-up; a list is put in
 * order on its key's first look-up (OCR repair looks up few keys, most of them no syllable's).
 */
export class StrippedIndex {
  /** Ids by key, in vocabulary order, until the key is first looked up; then its candidates. */
  private byKey: Map<string, number[] | CandidateList> | null = null
  /** Candidates by key found through the trie (undefined: none). */
  private readonly found = new Map<string, CandidateList | undefined>()

  /** `trie` gives the vocabulary trie when it is at hand (else null). */
  constructor(
    private readonly model: LanguageModel,
    private readonly trie: () => Trie | null = () => null
  ) {}

  /** Candidates for a lowercase mark-free key; undefined when the vocabulary has no syllable with these letters. */
  get(key: string): CandidateList | undefined {
    if (this.byKey === null) {
      const trie = this.trie()
      if (trie !== null) {
        if (this.found.has(key)) return this.found.get(key)
        const ids = idsInTrie(trie, key)
        const list = ids.length === 0 ? undefined : ordered(this.model, ids)
        if (this.found.size >= 100_000) this.found.clear()
        this.found.set(key, list)
        return list
      }
    }
    const byKey = (this.byKey ??= group(this.model))
    const found = byKey.get(key)
    if (found === undefined || !Array.isArray(found)) return found
    const list = ordered(this.model, found)
    byKey.set(key, list)
    return list
  }
}

/** `ids` as candidates: most frequent first; ties in code unit order. */
function ordered(model: LanguageModel, ids: number[]): CandidateList {
  const words = new Map(ids.map((id) => [id, model.word(id)]))
  ids.sort((a, b) => model.unigram(b) - model.unigram(a) || (words.get(a)! < words.get(b)! ? -1 : 1))
  return {ids: Int32Array.from(ids), words: ids.map((id) => words.get(id)!)}
}

/** Letters of the trie without marks (`stripMarks` of each), by trie. */
const plainLetters = new WeakMap<Trie, string[]>()

/** The ids of the syllables in `trie` whose letters without marks spell `key` (a letter's marks are stripped on its own). */
function idsInTrie(trie: Trie, key: string): number[] {
  let plain = plainLetters.get(trie)
  if (plain === undefined) plainLetters.set(trie, (plain = trie.letters.map((l) => stripMarks(l))))
  const chars = [...key]
  const ids: number[] = []
  const walk = (node: number, depth: number): void => {
    if (depth === chars.length) {
      if (trie.wordId[node] >= 0) ids.push(trie.wordId[node])
      return
    }
    for (let x = trie.childStart[node]; x < trie.childStart[node + 1]; x++) {
      const child = trie.children[x]
      if (plain![trie.letter[child]] === chars[depth]) walk(child, depth + 1)
    }
  }
  walk(0, 0)
  return ids
}

/** The vocabulary's ids grouped by their letters without marks. */
function group(model: LanguageModel): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  for (const [word, id] of model.syllables()) {
    const key = stripMarks(word)
    const g = groups.get(key)
    if (g === undefined) groups.set(key, [id])
    else g.push(id)
  }
  return groups
}
