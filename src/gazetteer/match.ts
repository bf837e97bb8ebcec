/**
 * Matching a written place name against the unit lists: exactly, then
 * ignoring tone-mark placement and case, then by letters alone (marks that
 * OCR or a stripped text lost: "Lam Dong", "Lâm Đông"), then within one
 * edit of the letters when that edit leaves a single candidate.
 */
import {distance} from 'fastest-levenshtein'
import {foldKey} from '../normalize/fold.js'
import {toneKey} from './tone-key.js'
import {allProvinces, allUnits, type Province, type Unit} from './units.js'

/** How a name matched: `exact` (as written, tone placement aside), `letters` (marks differ), `near` (one edit of the letters). */
export type MatchKind = 'exact' | 'letters' | 'near'

/** A match and how it was made. */
export interface Match<T> {
  item: T
  kind: MatchKind
}

/** Options of `matchUnit`. */
export interface UnitQuery {
  /** Only units of this type. */
  type?: Unit['type']
  /** Only units of this province (name or code). */
  province?: string
}

/** The province named `name` ("Lâm Đồng", "TỈNH LÂM ĐỒNG" without the type word, "Lam Dong"), or undefined. */
export function matchProvince(name: string): Match<Province> | undefined {
  return best(allProvinces(), name)
}

/**
 * The commune-level unit named `name` (without its type word), or undefined
 * when none or several match equally well (names repeat across provinces:
 * give `province` to choose).
 */
export function matchUnit(name: string, query: UnitQuery = {}): Match<Unit> | undefined {
  const province = query.province === undefined ? undefined : matchProvince(query.province)?.item ?? allProvinces().find((p) => p.code === query.province)
  if (query.province !== undefined && !province) return undefined
  const pool = allUnits().filter((u) => (!query.type || u.type === query.type) && (!province || u.provinceCode === province.code))
  return best(pool, name)
}

/** The keys of the list's names (`toneKey`, `foldKey`), by name; made once, as the list is (not a memo of what documents asked). */
let listKeys: Map<string, {tone: string; letters: string}> | undefined

/** The keys of one of the list's names: every look-up compares against all of them (3,355 names). */
function keysOf(name: string): {tone: string; letters: string} {
  if (listKeys === undefined) {
    listKeys = new Map()
    for (const item of [...allProvinces(), ...allUnits()]) {
      if (!listKeys.has(item.name)) listKeys.set(item.name, {tone: toneKey(item.name), letters: foldKey(item.name)})
    }
  }
  // Only the list's names are asked for; any other is keyed on the spot, not kept.
  return listKeys.get(name) ?? {tone: toneKey(name), letters: foldKey(name)}
}

function best<T extends {name: string}>(pool: T[], name: string): Match<T> | undefined {
  const written = toneKey(name)
  const exact = pool.filter((item) => keysOf(item.name).tone === written)
  if (exact.length > 0) return exact.length === 1 ? {item: exact[0], kind: 'exact'} : undefined
  const key = foldKey(name)
  if (key === '') return undefined
  const letters = pool.filter((item) => keysOf(item.name).letters === key)
  if (letters.length > 0) return letters.length === 1 ? {item: letters[0], kind: 'letters'} : undefined
  // One edit of the letters, only for names long enough that one edit is not another name.
  if (key.length < 5) return undefined
  const near = pool.filter((item) => {
    const letters = keysOf(item.name).letters
    return Math.abs(letters.length - key.length) <= 1 && distance(letters, key) <= 1
  })
  return near.length === 1 ? {item: near[0], kind: 'near'} : undefined
}
