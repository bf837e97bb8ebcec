/**
 * The issuing body from the capital lines of the header's left column, and
 * its place in the gazetteer of units (`src/gazetteer/`).
 *
 * - Lines: `ỦY BAN NHÂN DÂN` / `TỈNH QUẢNG NGÃI` are one name; a first
 *   line that names a whole body (`UBND TỈNH QUẢNG NGÃI`) is the parent of
 *   the lines under it (`BAN CHỈ ĐẠO 138`); so are lines that end with a
 *   unit (`ỦY BAN MTTQ VIỆT NAM` / `TỈNH QUẢNG NGÃI`) above a sub-body
 *   (`BAN THƯỜNG TRỰC`).
 * - Gazetteer: the unit a name ends with (`tỉnh Lâm Đông`) is matched
 *   against the provinces and communes of 1 July 2025 and written as the
 *   list writes it (`tỉnh Lâm Đồng`); the match is given as `unit`.
 */
import {matchProvince, matchUnit, type Match, type Province, type Unit} from '../gazetteer/index.js'
import {memoize} from '../util/memoize.js'
import type {DocumentInfo} from '../output/schema.js'
import {properCase} from '../normalize/proper-case.js'

type Issuer = NonNullable<DocumentInfo['issuer']>

/** A unit as the output gives it. */
export type IssuerUnit = NonNullable<Issuer['unit']>

/** A line that names a whole body: `ỦY BAN NHÂN DÂN TỈNH X`, `UBND …`, `BỘ …`, `SỞ …`. */
const completeBody = /^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+(?:XÃ|PHƯỜNG|THỊ\s+TRẤN|HUYỆN|QUẬN|THỊ\s+XÃ|TỈNH|THÀNH\s+PHỐ|ĐẶC\s+KHU)\s+\S|^(?:UBND|BỘ|SỞ)\s+\S/u

/** A line that ends with a unit: `TỈNH QUẢNG NGÃI`, `HUYỆN BÌNH SƠN`. */
const endsWithUnit = /(?:^|\s)(?:XÃ|PHƯỜNG|THỊ\s+TRẤN|HUYỆN|QUẬN|THỊ\s+XÃ|TỈNH|THÀNH\s+PHỐ|ĐẶC\s+KHU)\s+\S+(?:\s+\S+){0,3}$/u

/** A body under another: `BAN …`, `PHÒNG …`, `VĂN PHÒNG …`, `TRUNG TÂM …`, `HỘI ĐỒNG …`, `ĐOÀN …`, `CHI CỤC …`, `THƯỜNG TRỰC …`. */
const subBody = /^(?:BAN|PHÒNG|VĂN\s+PHÒNG|TRUNG\s+TÂM|HỘI\s+ĐỒNG|ĐOÀN|CHI\s+CỤC|CỤC|THƯỜNG\s+TRỰC|TỔ|HỘI|ĐẢNG\s+ỦY|CÔNG\s+AN|BỘ\s+CHỈ\s+HUY)\s/u

/** The issuer named by the header's capital `lines`, top to bottom. */
export function splitIssuer(lines: string[]): Issuer {
  if (lines.length >= 2 && completeBody.test(lines[0])) {
    return {name: properCase(lines.slice(1).join(' ')), parent: properCase(lines[0])}
  }
  if (lines.length >= 3 && subBody.test(lines[lines.length - 1]) && endsWithUnit.test(lines[lines.length - 2])) {
    return {name: properCase(lines[lines.length - 1]), parent: properCase(lines.slice(0, -1).join(' '))}
  }
  return {name: properCase(lines.join(' '))}
}

/** The types of unit a name can end with, as written (lower case) → the gazetteer's. */
const unitWords: Array<[RegExp, 'province' | Unit['type']]> = [
  [/(?:^|\s)(t[ỉíi]nh|thành phố)\s+(\S+(?:\s+\S+){0,3})$/iu, 'province'],
  [/(?:^|\s)(xã)\s+(\S+(?:\s+\S+){0,3})$/iu, 'xã'],
  [/(?:^|\s)(phường)\s+(\S+(?:\s+\S+){0,3})$/iu, 'phường'],
  [/(?:^|\s)(đặc khu)\s+(\S+(?:\s+\S+){0,3})$/iu, 'đặc khu']
]

/** `matchProvince`, remembered: each look-up compares against the whole list. */
const provinceNamed = memoize(matchProvince, 1024)

/** `matchUnit` by the JSON of `[type, province or null, name]`; remembered, as `provinceNamed`. */
const unitNamed = memoize((key: string): Match<Unit> | undefined => {
  const [type, province, written] = JSON.parse(key) as [Unit['type'], string | null, string]
  return matchUnit(written, {type, province: province ?? undefined})
}, 1024)

/** The unit `name` ends with (`… tỉnh Quảng Ngãi`), matched in the gazetteer, and where its name starts in `name`. */
export function unitOf(name: string, province?: string): {unit: IssuerUnit; match: Match<Province> | Match<Unit>; start: number} | null {
  for (const [pattern, type] of unitWords) {
    const found = pattern.exec(name)
    if (!found) continue
    const written = found[2].replace(/[.,;:]+$/u, '')
    const start = found.index + found[0].length - found[2].length
    if (type === 'province') {
      const match = provinceNamed(written)
      if (match) return {unit: {code: match.item.code, name: match.item.name, type: match.item.type, province: match.item.name}, match, start}
    } else {
      const match = unitNamed(JSON.stringify([type, province ?? null, written]))
      if (match) return {unit: {code: match.item.code, name: match.item.name, type: match.item.type, province: match.item.province}, match, start}
    }
  }
  return null
}

/**
 * The issuer with the unit its name (or its parent's) ends with, and that unit. With `repair` (a
 * text OCR read), a name that matches a unit but for its marks or a letter is written as the
 * gazetteer writes it (`repairs` lists what was put right); otherwise only a name written as the
 * gazetteer writes it is taken for a unit, and nothing is changed.
 */
export function placeIssuer(issuer: Issuer, repair: boolean): {issuer: Issuer; repairs: Array<{from: string; to: string}>} {
  const repairs: Array<{from: string; to: string}> = []
  const fix = (text: string, province?: string) => {
    const found = unitOf(text, province)
    if (!found || (!repair && found.match.kind !== 'exact')) return {text, unit: undefined}
    const written = text.slice(found.start)
    if (found.match.kind !== 'exact' && written !== found.unit.name) repairs.push({from: written, to: found.unit.name})
    return {text: text.slice(0, found.start) + found.unit.name, unit: found.unit}
  }
  const parent = issuer.parent === undefined ? undefined : fix(issuer.parent)
  const own = fix(issuer.name, parent?.unit?.province)
  const out: Issuer = {name: own.text}
  if (parent) out.parent = parent.text
  const unit = own.unit ?? parent?.unit
  if (unit) out.unit = unit
  return {issuer: out, repairs}
}

/** The place of the date line written as the gazetteer (or the issuer's unit) writes it, when it is a unit's name misread (`repair`: OCR'd text). */
export function placeName(place: string, unit: IssuerUnit | undefined, repair: boolean): string {
  if (!repair) return place
  if (unit && sameLetters(place, unit.name)) return unit.name
  const province = provinceNamed(place)
  if (province && province.kind !== 'exact') return province.item.name
  return place
}

function sameLetters(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/giu, 'd').toLowerCase().replace(/[^a-z]/gu, '')
  const x = fold(a)
  const y = fold(b)
  if (x === y) return true
  if (Math.abs(x.length - y.length) > 1 || y.length < 5) return false
  // One letter more or less or changed (`Ngàãi`).
  let i = 0
  while (i < x.length && x[i] === y[i]) i++
  return x.slice(i + 1) === y.slice(i + 1) || x.slice(i + 1) === y.slice(i) || x.slice(i) === y.slice(i + 1)
}
