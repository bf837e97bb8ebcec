/**
 * Place names in restoration: the syllables of the gazetteer's names are in
 * the model's vocabulary, and where a capitalised run of words after a unit
 * word (`xã`, `phường`, `đặc khu`, `tỉnh`, `thành phố`) can be read as a
 * known name, the syllables of that name get a bonus over the language
 * model's favourites (`xa Chau Thanh` → xã Châu Thành, not Cháu; `xa Vinh
 * Thanh` → Vĩnh Thạnh where the list says so). A name found so is known for
 * the rest of the text: the same run elsewhere (the place of the place-date
 * line, `Nguyen Giap, ngay …`) gets a smaller bonus.
 */
import {makePlaceIndex, placeIndex, type PlaceEntry, type PlaceIndex} from './place-index.js'
import {stripMarks} from '../vietnamese/letters.js'
import {memoize} from '../util/memoize.js'
import {canonical} from '../vietnamese/orthography.js'
import type {Token} from '../vietnamese/tokenize.js'

/** A lattice slot as places see it: candidate words (null: the token as written) and their scores. */
export interface PlaceSlot {
  ids: ArrayLike<number>
  scores: ArrayLike<number> | null
  words: Array<string | null> | null
}

/** log10 bonus of a name's syllables after a unit word, and elsewhere once the name is known. */
export const placeBonus = {afterUnitWord: 2, known: 2}

/** Unit words, lowercase, as one or two syllables. */
const unitWords: string[][] = [['xã'], ['phường'], ['tỉnh'], ['thành', 'phố'], ['đặc', 'khu']]

/** The letters (marks stripped) of the last syllable of each unit word: a word before a name must have them. */
const unitEndings = new Set(unitWords.map((w) => stripMarks(w[w.length - 1])))

/**
 * Letters of the tokens' slots (see `favourPlaces`), by slot: slots are shared by the tokens of one
 * text and mode, across the blocks of a long text, and the entry goes with its slot.
 */
const slotLetters = new WeakMap<PlaceSlot, {text: string; letters: string[]}>()

/** The favoured copies of a slot (see the end of `favourPlaces`), by the favoured words and their bonuses. */
const favouredCopies = new WeakMap<PlaceSlot, Map<string, PlaceSlot>>()

/** `stripMarks(word)` for a candidate word (syllables of a vocabulary: bounded), remembered. */
const wordLetters = memoize((word: string) => stripMarks(word), 100_000)

/** Whether a word starts with a capital (ASCII tested by char code). */
function startsUpper(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return text[0] !== text[0].toLowerCase()
}

/** Syllables of every place name of the gazetteer (lowercase, canonical), in code point order: the model knows them even where its corpus never wrote them. */
export function placeSyllables(): string[] {
  const out = new Set<string>()
  for (const list of makePlaceIndex().values()) for (const e of list) for (const s of e.syllables) out.add(s)
  return [...out].sort()
}

/**
 * Give the syllables of known place names a bonus in the slots of `tokens` (slots are replaced by
 * copies where a bonus applies; the others are left as they are). `lookup` gives a syllable's id.
 */
export function favourPlaces<S extends PlaceSlot>(tokens: Token[], slots: S[], lookup: (key: string) => number | undefined): void {
  let index: PlaceIndex | undefined
  const known = new Set<string>()
  const found: Array<{at: number; entry: PlaceEntry; bonus: number}> = []
  const may = (i: number, word: string): boolean => {
    const slot = slots[i]
    if (slot.words !== null && slot.words.includes(word)) return true
    const token = tokens[i]
    return token.kind === 'word' && canonical(token.text.toLowerCase()) === word
  }
  const unitWordsBefore = (i: number): string[][] =>
    unitWords.filter((w) => i - w.length >= 0 && w.every((s, j) => tokens[i - w.length + j].kind === 'word' && may(i - w.length + j, s)))
  const capitalised = (t: Token) => t.kind === 'word' && startsUpper(t.text)
  const matches = (at: number): PlaceEntry[] => {
    const first = tokens[at]
    if (!capitalised(first)) return []
    index ??= placeIndex()
    const list = index.get(stripMarks(first.text.toLowerCase()))
    if (list === undefined && slots[at].words === null) return []
    const candidates = list ?? []
    const out: PlaceEntry[] = []
    // OCR slots: the first syllable may be any candidate's letters (each letters once: the token's own first).
    const extra = slots[at].words === null ? [] : lettersAt(at).slice(1).flatMap((l) => index!.get(l) ?? [])
    const all = candidates.length === 0 ? extra : extra.length === 0 ? candidates : [...candidates, ...extra]
    for (let k = 0; k < all.length; k++) {
      const entry = all[k]
      const n = entry.syllables.length
      if (at + n > tokens.length) continue
      let ok = true
      for (let j = 0; j < n && ok; j++) ok = capitalised(tokens[at + j]) && may(at + j, entry.syllables[j])
      if (ok && !out.includes(entry)) out.push(entry)
    }
    return out
  }
  /** Letters (marks stripped, lowercase) of a token and of every candidate of its slot. */
  const lettersAt = (i: number): string[] => {
    const text = tokens[i].text
    const known = slotLetters.get(slots[i])
    if (known !== undefined && known.text === text) return known.letters
    const own = stripMarks(text.toLowerCase())
    const out = [own]
    // Each letters once, in the order met (an OCR slot has some 30 candidates).
    const seen = new Set(out)
    const words = slots[i].words ?? []
    for (let k = 0; k < words.length; k++) {
      const w = words[k]
      if (w === null) continue
      const letters = wordLetters(w)
      if (!seen.has(letters)) {
        seen.add(letters)
        out.push(letters)
      }
    }
    slotLetters.set(slots[i], {text, letters: out})
    return out
  }
  for (let i = 1; i < tokens.length; i++) {
    if (!capitalised(tokens[i])) continue
    // Cheap test first: the word before must end a unit word (in any of its readings).
    const previous = tokens[i - 1]
    if (previous.kind !== 'word' || !lettersAt(i - 1).some((l) => unitEndings.has(l))) continue
    const before = unitWordsBefore(i)
    if (before.length === 0) continue
    for (const entry of matches(i)) {
      found.push({at: i, entry, bonus: placeBonus.afterUnitWord})
      known.add(entry.syllables.join(' '))
      // The unit word before a name of its type is that word (`phuong Tan An` → phường, not phương).
      for (const w of before) {
        if (entry.types.includes(w.join(' '))) found.push({at: i - w.length, entry: {syllables: w, letters: w.map((x) => stripMarks(x)), types: []}, bonus: placeBonus.afterUnitWord})
      }
    }
  }
  if (known.size > 0) {
    // Only the names found after a unit word are looked for again, and only names of two syllables or more.
    const afterUnit = new Set(found.map((f) => f.at))
    // By the letters of their first syllable.
    const knownEntries = new Map<string, PlaceEntry[]>()
    for (const f of found) {
      if (f.entry.syllables.length < 2 || f.entry.types.length === 0) continue
      const list = knownEntries.get(f.entry.letters[0]) ?? []
      if (!list.includes(f.entry)) list.push(f.entry)
      knownEntries.set(f.entry.letters[0], list)
    }
    for (let i = 0; i < tokens.length; i++) {
      if (!capitalised(tokens[i]) || afterUnit.has(i)) continue
      // A token can be the first syllable of a name only if it, or a candidate of its slot, has its letters.
      const letters = lettersAt(i)
      for (let k = 0; k < letters.length; k++) {
        const entries = knownEntries.get(letters[k])
        if (entries === undefined) continue
        for (const entry of entries) {
          const n = entry.syllables.length
          if (i + n > tokens.length) continue
          let ok = true
          for (let j = 0; j < n && ok; j++) ok = capitalised(tokens[i + j]) && may(i + j, entry.syllables[j])
          if (ok) found.push({at: i, entry, bonus: placeBonus.known})
        }
      }
    }
  }
  // Apply: per slot, the best bonus of each favoured syllable.
  const bonuses = new Map<number, Map<string, number>>()
  for (const {at, entry, bonus} of found) {
    entry.syllables.forEach((s, j) => {
      const m = bonuses.get(at + j) ?? new Map<string, number>()
      m.set(s, Math.max(m.get(s) ?? 0, bonus))
      bonuses.set(at + j, m)
    })
  }
  for (const [i, favoured] of bonuses) {
    const slot = slots[i]
    if (slot.words === null) continue
    // The same slot favoured alike (a name met again) gets the same copy.
    let key = ''
    for (const [word, bonus] of favoured) key += `${word}\u0000${bonus}\u0000`
    let copies = favouredCopies.get(slot)
    if (copies === undefined) favouredCopies.set(slot, (copies = new Map()))
    const copy = copies.get(key)
    if (copy !== undefined) {
      slots[i] = copy as S
      continue
    }
    const ids = Array.from(slot.ids)
    const words = [...slot.words]
    const scores = slot.scores ? Array.from(slot.scores) : new Array<number>(ids.length).fill(0)
    for (const [word, bonus] of favoured) {
      let c = words.indexOf(word)
      if (c < 0) {
        const id = lookup(word)
        if (id === undefined) continue
        ids.push(id)
        words.push(word)
        scores.push(Math.min(...scores))
        c = words.length - 1
      }
      scores[c] += bonus
    }
    slots[i] = {...slot, ids, words, scores}
    copies.set(key, slots[i])
  }
}
