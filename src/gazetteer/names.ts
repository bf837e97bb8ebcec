/**
 * The place names of the gazetteer as a set: every distinct name of a
 * province or commune-level unit with the types it bears (`Tân An` is a xã
 * and a phường in several provinces), and an index by letters alone (marks
 * and case folded), for text whose marks were lost.
 */
import {foldKey} from '../normalize/fold.js'
import {toneKey} from './tone-key.js'
import {allProvinces, allUnits, type Province, type Unit} from './units.js'

/** A distinct place name and the types of the units that bear it. */
export interface PlaceName {
  /** As the list writes it (`Nguyên Giáp`). */
  name: string
  /** Types of the units so named, in code point order (`phường`, `xã`, `tỉnh` …). */
  types: Array<Unit['type'] | Province['type']>
}

let names: PlaceName[] | undefined
let byLetters: Map<string, PlaceName[]> | undefined

/** Every distinct name of a province or commune-level unit (tone placement aside), in code point order. */
export function placeNames(): PlaceName[] {
  if (names) return names
  const found = new Map<string, {name: string; types: Set<PlaceName['types'][number]>}>()
  const add = (name: string, type: PlaceName['types'][number]) => {
    const key = toneKey(name)
    const entry = found.get(key) ?? {name, types: new Set()}
    entry.types.add(type)
    found.set(key, entry)
  }
  for (const p of allProvinces()) add(p.name, p.type)
  for (const u of allUnits()) add(u.name, u.type)
  names = [...found.values()]
    .map((e) => ({name: e.name, types: [...e.types].sort()}))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return names
}

/** The place names written with these letters once marks and case are folded (`vinh thanh` → Vĩnh Thạnh, Vĩnh Thành, …). */
export function placeNamesByLetters(letters: string): PlaceName[] {
  if (!byLetters) {
    byLetters = new Map()
    for (const place of placeNames()) {
      const key = foldKey(place.name)
      const list = byLetters.get(key)
      if (list) list.push(place)
      else byLetters.set(key, [place])
    }
  }
  return byLetters.get(foldKey(letters)) ?? []
}
