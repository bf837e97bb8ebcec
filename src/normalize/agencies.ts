/**
 * Agencies in task cells: split a cell into agencies and give each its
 * canonical name from the gazetteer in `grammars/agencies.json`.
 *
 * Names are compared as folded keys (no case, diacritics or punctuation,
 * `&` = `và`, abbreviations such as `UBND`, `HCC` expanded, also when OCR
 * misread one of their letters: `SUBND`), first exactly,
 * then without qualifiers ("liên quan", "trực thuộc") and the unit word
 * ("xã", "phường"), then by edit distance (`fastest-levenshtein`).
 */
import {distance} from 'fastest-levenshtein'
import {loadGrammar} from '../util/grammar.js'
import {memoize} from '../util/memoize.js'
import {collapseWhitespace, foldKey, foldWords} from './fold.js'
import {stripEmphasis} from '../vietnamese/emphasis.js'
import {endsWithWordHyphen} from './word-hyphen.js'

/** An agency as written and as the gazetteer names it. */
export interface CanonicalAgency {
  /** The canonical name, or the cleaned text when the agency is unknown. */
  name: string
  /** The agency as written in the cell (emphasis, bullets and end punctuation removed). */
  raw: string
  /** Whether the gazetteer knows it. */
  known: boolean
}

interface Entry {
  name: string
  aliases: string[]
}

interface Gazetteer {
  exact: Map<string, Entry>
  loose: Map<string, Entry>
  /** Keys for edit distance; `local` keys keep their unit word and are compared with the query's exact key. */
  keys: Array<{key: string; entry: Entry; local: boolean}>
}

/** Largest edit distance, relative to the longer key, still taken as the same name. */
const maxRelativeDistance = 0.15
/** Keys shorter than this must match exactly. */
const minFuzzyLength = 8

const grammar = loadGrammar('agencies')
const head = grammar.rule('head').regex
const enumerated = grammar.rule('enumerated').regex
/** A chunk that opens (or goes on with) an enumeration of kinds of bodies: "Các sở", "UBND các xã", "Các sở, ban". */
const opensEnumeration = /(?:^|\s)các\s+[^,;]{1,25}(?:,\s*[^,;]{1,25})*$/iu
const qualifier = grammar.rule('qualifier').regex
const place = grammar.rule('place').regex
const unit = grammar.rule('unit').regex
const abbreviations = new Map(Object.entries(grammar.data.abbreviations))

let gazetteer: Gazetteer | undefined

/** Clean an agency as written: emphasis, bullets, a leading `và`, end punctuation, spaces. */
export function cleanAgency(raw: string): string {
  return collapseWhitespace(stripEmphasis(raw.normalize('NFC')))
    .replace(/^(?:[-+•*]\s*)+/u, '')
    .replace(/^(?:và|&)\s+/iu, '')
    .replace(/[\s.,;:]+$/u, '')
    .trim()
}

/** Abbreviations long enough (4 letters and more) to recognise with one letter misread. */
const longAbbreviations = [...abbreviations.keys()].filter((a) => a.length >= 4)

/**
 * The abbreviation an all-capital token is when OCR misread one letter of
 * it (`SUBND`, `UBNO` → `UBND`): the one long abbreviation at edit distance
 * 1, none when there are two (`HBND`: `UBND` or `HĐND`?) or the token has
 * digits or lower-case letters.
 */
function misreadAbbreviation(written: string): string | undefined {
  if (written.length < 4 || written !== written.toUpperCase() || /\d/u.test(written)) return undefined
  const token = written.toLowerCase()
  const near = longAbbreviations.filter((a) => distance(a, token) === 1)
  return near.length === 1 ? near[0] : undefined
}

/** Folded key with abbreviations (also OCR-misread ones) expanded and `và` dropped. */
function keyOf(text: string): string {
  const tokens = foldKey(text).split(' ')
  const written = foldWords(text).split(' ')
  const cased = written.length === tokens.length ? written : tokens
  return tokens
    .map((token, i) => abbreviations.get(token) ?? abbreviations.get(misreadAbbreviation(cased[i]) ?? '') ?? token)
    .join(' ')
    .split(' ')
    .filter((token) => token !== 'va' && token !== '')
    .join(' ')
}

/** Without trailing qualifiers, repeatedly ("trực thuộc có liên quan"). */
function withoutQualifiers(text: string): string {
  let value = text
  for (let previous = ''; previous !== value; ) {
    previous = value
    value = value.replace(qualifier, '').trim()
  }
  return value
}

/** The keys of a name, strictest first: as written, without qualifiers, without the unit word. */
function keysOf(text: string): {exact: string; loose: string} {
  const named = text.replace(place, ' $<unit>')
  const exact = keyOf(withoutQualifiers(named))
  const loose = exact.replace(unit, '')
  return {exact, loose}
}

function load(): Gazetteer {
  if (gazetteer) return gazetteer
  const entries: Entry[] = grammar.data.entries
  const exact = new Map<string, Entry>()
  const loose = new Map<string, Entry>()
  const keys: Gazetteer['keys'] = []
  for (const entry of entries) {
    for (const alias of [entry.name, ...entry.aliases]) {
      const k = keysOf(alias)
      // "Công an xã" names the commune's police: without its unit word it would also name the district's.
      const local = k.loose !== k.exact
      if (!exact.has(k.exact)) exact.set(k.exact, entry)
      if (!local && !loose.has(k.loose)) loose.set(k.loose, entry)
      keys.push({key: local ? k.exact : k.loose, entry, local})
    }
  }
  gazetteer = {exact, loose, keys}
  return gazetteer
}

/** The gazetteer entry for a name, or undefined; remembered, as a plan names the same agencies in many cells. */
const lookup = memoize(search, 10_000)

function search(text: string): Entry | undefined {
  const {exact, loose, keys} = load()
  const k = keysOf(text)
  if (k.exact === '') return undefined
  const found = exact.get(k.exact) ?? loose.get(k.exact) ?? loose.get(k.loose)
  if (found) return found
  let best: {entry: Entry; score: number} | undefined
  for (const candidate of keys) {
    const query = candidate.local ? k.exact : k.loose
    if (candidate.key.length < minFuzzyLength || query.length < minFuzzyLength) continue
    const longer = Math.max(query.length, candidate.key.length)
    // The distance is at least the difference in length: a key too much longer or shorter cannot be near.
    if (Math.abs(query.length - candidate.key.length) / longer > maxRelativeDistance) continue
    const score = distance(query, candidate.key) / longer
    if (score <= maxRelativeDistance && (!best || score < best.score)) best = {entry: candidate.entry, score}
  }
  return best?.entry
}

/** Canonical name of one agency; unknown agencies keep their cleaned text as name. */
export function canonicalAgency(raw: string): CanonicalAgency {
  const cleaned = cleanAgency(raw)
  const entry = lookup(cleaned)
  return entry ? {name: entry.name, raw: cleaned, known: true} : {name: cleaned, raw: cleaned, known: false}
}

/** Does the gazetteer know this name? */
export function isKnownAgency(raw: string): boolean {
  return lookup(cleanAgency(raw)) !== undefined
}

/**
 * Split a cell into list items: `;`, and lines that start with a bullet.
 * Wrapped lines are joined — a line that starts with a dash too, when the
 * cell is no bulleted list and the line before does not end an item: a
 * name wrapped before its ` - ` ("Phòng Văn hóa" / "- Xã hội").
 */
function items(cell: string): string[] {
  const result: string[] = []
  let current = ''
  const lines = stripEmphasis(cell.normalize('NFC'))
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const bulleted = /^[-+•]/u.test(lines[0] ?? '')
  for (const line of lines) {
    if ((/^[-+•]\s*/u.test(line) && (bulleted || /[;:.]$/u.test(current))) || current === '') {
      if (current) result.push(current)
      current = line
    } else current += endsWithWordHyphen(current) ? line : ` ${line}`
  }
  if (current) result.push(current)
  return result.flatMap((item) => item.split(';'))
}

const separator = /(\s*,\s*|\s+(?:và|&|[-–+•])\s+)/u

/**
 * Split a cell into agencies: always on `;` and bulleted lines; on `,`,
 * `và`, `&` and an inline bullet (` - `, ` + `: a bulleted list whose line
 * breaks were lost) only where the next words open a new agency (`Phòng`,
 * `Trung tâm`, `các` …) and the joined text is not a known name. An
 * enumeration of kinds of bodies after "các" ("Các sở, ban, ngành") is one
 * collective.
 */
export function splitAgencies(cell: string): string[] {
  const result: string[] = []
  for (const item of items(cell)) {
    const text = cleanAgency(item)
    if (text === '') continue
    // Chunks: cut only where the next part opens a new agency.
    const parts = text.split(separator)
    const chunks: string[] = [parts[0]]
    const joins: string[] = []
    for (let i = 1; i < parts.length; i += 2) {
      const glue = parts[i]
      const next = parts[i + 1] ?? ''
      const enumerating = enumerated.test(next) && opensEnumeration.test(chunks[chunks.length - 1])
      if (head.test(next) && !enumerating) {
        joins.push(glue)
        chunks.push(next)
      } else chunks[chunks.length - 1] += glue + next
    }
    // Greedy: the longest run of chunks that is a known name stays one agency.
    for (let i = 0; i < chunks.length; ) {
      let taken = i
      let joined = chunks[i]
      let candidate = chunks[i]
      for (let j = i + 1; j < chunks.length; j++) {
        candidate += joins[j - 1] + chunks[j]
        if (isKnownAgency(candidate)) {
          taken = j
          joined = candidate
        }
      }
      const name = cleanAgency(joined)
      if (name) result.push(name)
      i = taken + 1
    }
  }
  return result
}
