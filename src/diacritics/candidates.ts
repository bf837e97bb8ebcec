/**
 * Candidates for a word whose marks were stripped: every syllable of the
 * model's vocabulary written with the same letters once marks are removed
 * (`cai` → cái, cải, cài, cãi, cại, cai…), most frequent first.
 */
import type {LanguageModel} from './language-model.js'
import {stripMarks} from '../vietnamese/letters.js'

/** Candidates of one stripped key: model ids and the syllables they write (lowercase). */
export interface CandidateList {
  ids: Int32Array
  words: string[]
}

/** Candidates by stripped key for one model. */
export class StrippedIndex {
  private readonly byKey = new Map<string, CandidateList>()

  constructor(model: LanguageModel) {
    const groups = new Map<string, Array<[string, number]>>()
    for (const [word, id] of model.syllables()) {
      const key = stripMarks(word)
      let g = groups.get(key)
      if (!g) groups.set(key, (g = []))
      g.push([word, id])
    }
    for (const [key, g] of groups) {
      g.sort((a, b) => model.unigram(b[1]) - model.unigram(a[1]) || (a[0] < b[0] ? -1 : 1))
      this.byKey.set(key, {ids: Int32Array.from(g, (x) => x[1]), words: g.map((x) => x[0])})
    }
  }

  /** Candidates for a lowercase mark-free key; undefined when the vocabulary has no syllable with these letters. */
  get(key: string): CandidateList | undefined {
    return this.byKey.get(key)
  }
}
