/**
 * The gazetteer's names spelt as Vietnamese syllables, indexed by the letters
 * of their first syllable (what `favourPlaces` looks names up by). Spelling
 * the 3,355 names takes a cold process ~30–50 ms, so the index is also
 * shipped made (`models/place-names.json`, written by
 * `npx tsx scripts/build-place-index.ts`) and read from there when it was
 * made from the same unit lists (a fingerprint of `data/`'s two files);
 * otherwise it is made here, as it always can be.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {placeNames} from '../gazetteer/names.js'
import {dataFolder} from '../gazetteer/units.js'
import {stripMarks} from '../vietnamese/letters.js'
import {canonical, isValidSyllable} from '../vietnamese/orthography.js'
import {packagePath} from '../util/package-root.js'

/** A place name as syllables. */
export interface PlaceEntry {
  /** Lowercase canonical syllables. */
  syllables: string[]
  /** The same without marks (what a stripped text shows). */
  letters: string[]
  /** Types of the units so named (`xã`, `phường`, `đặc khu`, `tỉnh`, `thành phố`). */
  types: string[]
}

/** The shipped index: `models/place-names.json`. */
export const placeIndexPath = packagePath('models/place-names.json')

/** The unit lists the index is made from. */
const listFiles = ['provinces-2025.tsv', 'admin-units-2025.tsv']

/** The file as stored: per letters of a first syllable, its names as [syllables, letters, types], syllables and letters joined by spaces, types by commas. */
interface IndexFile {
  /** sha256 of the unit lists (`listFiles`, in order). */
  fingerprint: string
  byFirst: Record<string, Array<[string, string, string]>>
}

/** A fingerprint of the unit lists: the index made from them is valid for them only. */
export function listsFingerprint(): string {
  const hash = createHash('sha256')
  for (const name of listFiles) hash.update(readFileSync(new URL(name, dataFolder)))
  return hash.digest('hex')
}

/** Make the index from the gazetteer: names with a word that is no syllable are left out; names in `placeNames` order. */
export function makePlaceIndex(): Map<string, PlaceEntry[]> {
  const byFirst = new Map<string, PlaceEntry[]>()
  // Names share their syllables (3,355 names, far fewer distinct words): each word is spelt once.
  const spelt = new Map<string, {syllable: string; letters: string} | null>()
  const spell = (word: string) => {
    let known = spelt.get(word)
    if (known === undefined) {
      const syllable = isValidSyllable(word) ? canonical(word.toLowerCase()) : null
      spelt.set(word, (known = syllable === null ? null : {syllable, letters: stripMarks(syllable)}))
    }
    return known
  }
  for (const place of placeNames()) {
    const words = place.name.split(/\s+/).map(spell)
    if (words.some((w) => w === null)) continue
    const entry = {syllables: words.map((w) => w!.syllable), letters: words.map((w) => w!.letters), types: place.types}
    const list = byFirst.get(entry.letters[0])
    if (list) list.push(entry)
    else byFirst.set(entry.letters[0], [entry])
  }
  return byFirst
}

/** The index as `models/place-names.json` stores it (deterministic: the same lists give the same text). */
export function placeIndexFile(index: Map<string, PlaceEntry[]> = makePlaceIndex()): string {
  const byFirst: IndexFile['byFirst'] = {}
  for (const [key, list] of index) byFirst[key] = list.map((e) => [e.syllables.join(' '), e.letters.join(' '), e.types.join(',')])
  return JSON.stringify({fingerprint: listsFingerprint(), byFirst} satisfies IndexFile) + '\n'
}

/** Names by the letters of their first syllable, from a stored index (each list made on its first look-up). */
class StoredIndex {
  private readonly made = new Map<string, PlaceEntry[] | undefined>()
  constructor(private readonly byFirst: IndexFile['byFirst']) {}

  get(key: string): PlaceEntry[] | undefined {
    if (this.made.has(key)) return this.made.get(key)
    const stored = Object.hasOwn(this.byFirst, key) ? this.byFirst[key] : undefined
    const list = stored?.map(([syllables, letters, types]) => ({syllables: syllables.split(' '), letters: letters.split(' '), types: types.split(',')}))
    this.made.set(key, list)
    return list
  }
}

/** What `favourPlaces` needs of the index: the names whose first syllable has these letters. */
export interface PlaceIndex {
  get(key: string): PlaceEntry[] | undefined
}

let index: PlaceIndex | undefined

/** The index: the shipped one when it was made from the current unit lists, else made now. */
export function placeIndex(): PlaceIndex {
  if (index) return index
  try {
    const file = JSON.parse(readFileSync(placeIndexPath, 'utf8')) as IndexFile
    if (file.fingerprint === listsFingerprint()) return (index = new StoredIndex(file.byFirst))
  } catch {
    // No shipped index (or not readable): make it.
  }
  return (index = makePlaceIndex())
}
