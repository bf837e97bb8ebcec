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

/**
 * Candidates by stripped key for one model. The vocabulary is grouped by key on the first look-up,
 * and a group is put in order on its own first look-up (OCR repair looks up few keys, most of
 * them no syllable's).
 */
export class StrippedIndex {
  /** Ids by key, in vocabulary order, until the key is first looked up; then its candidates. */
  private byKey: Map<string, number[] | CandidateList> | null = null

  constructor(private readonly model: LanguageModel) {}

  /** Candidates for a lowercase mark-free key; undefined when the vocabulary has no syllable with these letters. */
  get(key: string): CandidateList | undefined {
    const byKey = (this.byKey ??= group(this.model))
    const found = byKey.get(key)
    if (found === undefined || !Array.isArray(found)) return found
    const model = this.model
    const words = new Map(found.map((id) => [id, model.word(id)]))
    // Most frequent first; ties in code unit order.
    found.sort((a, b) => model.unigram(b) - model.unigram(a) || (words.get(a)! < words.get(b)! ? -1 : 1))
    const list = {ids: Int32Array.from(found), words: found.map((id) => words.get(id)!)}
    byKey.set(key, list)
    return list
  }
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
