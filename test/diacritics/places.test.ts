import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {placeNames, placeNamesByLetters} from '../../src/gazetteer/index.js'
import {favourPlaces, placeBonus, placeSyllables, type PlaceSlot} from '../../src/diacritics/places.js'
import {makePlaceIndex, placeIndex, placeIndexFile, placeIndexPath} from '../../src/diacritics/place-index.js'
import {tokenize} from '../../src/vietnamese/tokenize.js'

/** Slots as a stripped text gives them: the token's letters, every listed spelling a candidate. */
function slots(text: string, spellings: Record<string, string[]>) {
  const tokens = tokenize(text)
  const ids = new Map<string, number>()
  const lookup = (w: string) => {
    if (!ids.has(w)) ids.set(w, ids.size + 100)
    return ids.get(w)
  }
  const list: PlaceSlot[] = tokens.map((t) => {
    const words = spellings[t.text.toLowerCase()]
    return words ? {ids: words.map((w) => lookup(w)!), scores: null, words} : {ids: [1], scores: null, words: null}
  })
  return {tokens, list, lookup}
}

describe('place names', () => {
  it('should list the gazetteer names with their types and find them by letters', () => {
    const names = placeNames()
    expect(names.length).toBeGreaterThan(2500)
    expect(names.find((p) => p.name === 'Nguyên Giáp')?.types).toEqual(['xã'])
    expect(placeNamesByLetters('nguyen giap').map((p) => p.name)).toEqual(['Nguyên Giáp'])
    expect(placeNamesByLetters('LAM DONG').map((p) => p.name)).toContain('Lâm Đồng')
    expect(placeSyllables()).toContain('giáp')
  })

  it('should favour a known name after a unit word, and the same name elsewhere in the text', () => {
    const spellings = {
      xa: ['xã', 'xa'],
      nguyen: ['nguyễn', 'nguyên', 'nguyện'],
      giap: ['giáp', 'giạp'],
      ngay: ['ngày']
    }
    const {tokens, list, lookup} = slots('Nguyen Giap, ngay 14\nUBND xa Nguyen Giap', spellings)
    favourPlaces(tokens, list, lookup)
    const score = (i: number, w: string) => list[i].scores![list[i].words!.indexOf(w)]
    // After "xa": the strong bonus, on the name's syllables only.
    expect(tokens[7].text).toBe('Nguyen')
    expect(score(7, 'nguyên')).toBe(placeBonus.afterUnitWord)
    expect(score(7, 'nguyễn')).toBe(0)
    expect(score(8, 'giáp')).toBe(placeBonus.afterUnitWord)
    // The same run at the top (the place-date line): the smaller bonus.
    expect(score(0, 'nguyên')).toBe(placeBonus.known)
  })

  it('should leave lower-case words and unknown names alone', () => {
    const {tokens, list, lookup} = slots('xa nguyen giap; xa Atlantis', {xa: ['xã', 'xa'], nguyen: ['nguyễn', 'nguyên'], giap: ['giáp']})
    favourPlaces(tokens, list, lookup)
    expect(list.every((s) => s.scores === null)).toBe(true)
  })
})

describe('shipped place index', () => {
  it('should be the index made from the current unit lists (else run scripts/build-place-index.ts)', () => {
    const made = makePlaceIndex()
    expect(readFileSync(placeIndexPath, 'utf8')).toBe(placeIndexFile(made))
    // And what restoration reads from it is what it would make.
    const index = placeIndex()
    for (const [key, list] of made) expect(index.get(key)).toEqual(list)
    expect(index.get('nguyen')?.find((e) => e.syllables.join(' ') === 'nguyên giáp')?.types).toEqual(['xã'])
    expect(index.get('zzz')).toBeUndefined()
  })
})
