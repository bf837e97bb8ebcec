/**
 * The signer's name as OCR read it, with its tone marks put right where the
 * name as read is a rare one and a far more usual name has the same letters:
 * under a red seal OCR loses marks (`Nguyên Hoàng Giang` for Nguyễn,
 * `Trân Phước Hiện` for Trần Phước Hiền). Each syllable is weighed by how
 * often it stands in its place (surname, middle, given name) among the names
 * of `grammars/person-names.json`; the syllable as read keeps a head start.
 */
import {stripTones} from '../vietnamese/letters.js'
import {loadGrammar} from '../util/grammar.js'

/** A syllable as read must be this many times less usual than another of the same letters to be replaced. */
export const readBias = 3

/** And the other must be a usual name (this weight at least): a rare name read right (`Trương Minh Đương`) is not made another rare one (`Đường`). */
export const minRepairWeight = 5

type Place = 'surnames' | 'middle' | 'given'

interface NameTables {
  counts: Record<Place, Map<string, number>>
  /** Every known name syllable, by its letters without tone marks. */
  byLetters: Map<string, Set<string>>
}

let tables: NameTables | undefined

function load(): NameTables {
  if (tables) return tables
  const data = loadGrammar('person-names').data as {
    surnames: Record<string, number>
    middle: Record<string, number>
    given: Record<string, number>
    common: {weight: number; middle: string[]; given: string[]}
  }
  const counts = {
    surnames: new Map(Object.entries(data.surnames)),
    middle: new Map(Object.entries(data.middle)),
    given: new Map(Object.entries(data.given))
  }
  for (const place of ['middle', 'given'] as const) {
    for (const name of data.common[place]) counts[place].set(name, (counts[place].get(name) ?? 0) + data.common.weight)
  }
  const byLetters = new Map<string, Set<string>>()
  for (const map of Object.values(counts)) {
    for (const name of map.keys()) {
      const key = stripTones(name)
      if (!byLetters.has(key)) byLetters.set(key, new Set())
      byLetters.get(key)!.add(name)
    }
  }
  tables = {counts, byLetters}
  return tables
}

/** How usual `syllable` is in `place`, counting its use in the other places a little. */
function weight(syllable: string, place: Place, counts: NameTables['counts']): number {
  const own = counts[place].get(syllable) ?? 0
  const other = (Object.keys(counts) as Place[]).filter((p) => p !== place).reduce((a, p) => a + (counts[p].get(syllable) ?? 0), 0)
  return own + 0.1 * other
}

/** The name with each syllable put right when a far more usual one differs from it by tone marks only; `changes` lists them. */
export function repairPersonName(name: string): {name: string; changes: Array<{from: string; to: string}>} {
  const {counts, byLetters} = load()
  const parts = name.split(/\s+/u).filter(Boolean)
  if (parts.length < 2 || parts.length > 5) return {name, changes: []}
  const changes: Array<{from: string; to: string}> = []
  const out = parts.map((part, i) => {
    const place: Place = i === 0 ? 'surnames' : i === parts.length - 1 ? 'given' : 'middle'
    const candidates = byLetters.get(stripTones(part))
    if (!candidates) return part
    let best = part
    let bestWeight = weight(part, place, counts) * readBias
    for (const candidate of candidates) {
      const w = weight(candidate, place, counts)
      if (w > bestWeight && w >= minRepairWeight) {
        best = candidate
        bestWeight = w
      }
    }
    if (best !== part) changes.push({from: part, to: best})
    return best
  })
  return {name: out.join(' '), changes}
}

/**
 * The surname whose first letters a signature's stroke or a seal took (`rân` for Trần, `ạ m` for
 * Phạm): the one known surname `tail` ends, tone marks first, then letters only. Null when no
 * surname or more than one fits (`am`: Phạm, Đàm), or the tail is under two letters.
 */
export function surnameFromTail(tail: string): string | null {
  const letters = tail.toLowerCase().replace(/[^\p{L}]+/gu, '')
  if ([...letters].length < 2) return null
  const surnames = [...load().counts.surnames.keys()]
  const fits = (exact: boolean) =>
    surnames.filter((s) => {
      const name = s.toLowerCase()
      return name !== letters && (exact ? name.endsWith(letters) : stripTones(name).endsWith(stripTones(letters)))
    })
  for (const exact of [true, false]) {
    const found = fits(exact)
    if (found.length === 1) return found[0]
    if (found.length > 1) return null
  }
  return null
}

/** Whether `syllable` is a known middle or given name (`Ngọc`, `Căng`). */
export function isNameSyllable(syllable: string): boolean {
  const {counts} = load()
  return counts.middle.has(syllable) || counts.given.has(syllable)
}
