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

/** Candidates by stripped key for one model, grouped on the first lookup (OCR repair may need none). */
export class StrippedIndex {
  private byKey: Map<string, CandidateList> | null = null

  constructor(private readonly model: LanguageModel) {}

  /** Candidates for a lowercase mark-free key; undefined when the vocabulary has no syllable with these letters. */
  get(key: string): CandidateList | undefined {
    return (this.byKey ??= group(this.model)).get(key)
  }
}

/** The vocabulary grouped by letters without marks, each group most frequent first (ties in code unit order). */
function group(model: LanguageModel): Map<string, CandidateList> {
  const groups = new Map<string, Array<[string, number]>>()
  for (const [word, id] of model.syllables()) {
    const key = stripMarks(word)
    let g = groups.get(key)
    if (!g) groups.set(key, (g = []))
    g.push([word, id])
  }
  const byKey = new Map<string, CandidateList>()
  for (const [key, g] of groups) {
    g.sort((a, b) => model.unigram(b[1]) - model.unigram(a[1]) || (a[0] < b[0] ? -1 : 1))
    byKey.set(key, {ids: Int32Array.from(g, (x) => x[1]), words: g.map((x) => x[0])})
  }
  return byKey
}
