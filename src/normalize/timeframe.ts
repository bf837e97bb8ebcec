/**
 * Time frames ("Thời gian thực hiện") to `{raw, start, end, kind}`, driven
 * by `grammars/timeframes.json`: the first rule whose pattern matches the
 * start of the (diacritic-folded) text decides the kind, and its `resolve`
 * turns the named groups into ISO dates.
 *
 * A date is never guessed: what is not written stays null. A missing year
 * ("Quý I", "6 tháng đầu năm", "Trong năm") is the plan's year, given as
 * `context.year`; without it the dates stay null.
 */
import type {Timeframe} from '../output/schema.js'
import {loadGrammar, type GrammarOf} from '../util/grammar.js'
import type {TimeframeResolve} from '../util/grammar-schemas.js'
import {dayBefore, isoDate, monthEnd, monthStart, quarterNumber} from './dates.js'
import {collapseWhitespace, foldChars, foldPattern} from './fold.js'
import {stripEmphasis} from '../vietnamese/emphasis.js'
import {memoize} from '../util/memoize.js'

/** What a time frame is resolved against. */
export interface TimeframeContext {
  /** The plan's year, for phrases that do not write one. */
  year: number | null
}

/** The rule that matched and its named groups (folded text). */
export interface TimeframeMatch {
  rule: string
  groups: Record<string, string | undefined>
}

type Kind = Timeframe['kind']
type Groups = Record<string, string | undefined>
type Range = {start: string | null; end: string | null}
type Resolver = (groups: Groups, year: number | null) => Range | null
type Rule = GrammarOf<'timeframes'>['rules'][number]

interface CompiledRule {
  id: string
  kind: Kind
  resolve: TimeframeResolve
  regex: RegExp
}

const none: Range = {start: null, end: null}

const num = (value: string | undefined) => (value === undefined ? null : Number(value))
const yearOf = (groups: Groups, key: string, fallback: number | null) => num(groups[key]) ?? fallback

/** Numbers in a list such as `01-05`, `6 và tháng 12`, `III,IV`. */
function listOf(value: string | undefined, parse: (item: string) => number | null): number[] {
  if (!value) return []
  return value
    .split(/\s*(?:-|–|,|;|&|\bva\b|\bden\b|\btoi\b|\bthang\b|\bqu[yi]\b)\s*/iu)
    .filter((item) => item.trim() !== '')
    .map((item) => parse(item))
    .filter((n): n is number => n !== null)
}

/** Resolvers named by the grammar's `resolve` field. */
const resolvers: Record<TimeframeResolve, Resolver> = {
  none: () => none,
  continuous(groups, year) {
    if (groups.y) return resolvers.year(groups, year)
    if (groups.inYear) return year === null ? none : resolvers.year({}, year)
    return none
  },
  fromYear(groups) {
    const y = num(groups.y)
    return y === null ? null : {start: isoDate(y, 1, 1), end: null}
  },
  deadlineDate(groups, year) {
    const y = yearOf(groups, 'y', year)
    if (y === null) return none
    const end = isoDate(y, Number(groups.m), Number(groups.d))
    return end ? {start: null, end} : null
  },
  dayRange(groups) {
    const y = Number(groups.y)
    const m = Number(groups.m)
    const start = isoDate(y, m, Number(groups.d1))
    const end = isoDate(y, m, Number(groups.d2))
    return start && end && start <= end ? {start, end} : null
  },
  date(groups) {
    const date = isoDate(Number(groups.y), Number(groups.m), Number(groups.d))
    return date ? {start: date, end: date} : null
  },
  dateRange(groups) {
    const y2 = Number(groups.y2)
    const start = isoDate(yearOf(groups, 'y1', y2)!, Number(groups.m1), Number(groups.d1))
    const end = isoDate(y2, Number(groups.m2), Number(groups.d2))
    return start && end && start <= end ? {start, end} : null
  },
  beforeMonth(groups, year) {
    const y = yearOf(groups, 'y', year)
    if (y === null) return none
    const start = monthStart(y, Number(groups.m))
    return start ? {start: null, end: dayBefore(start)} : null
  },
  byMonth(groups, year) {
    const y = yearOf(groups, 'y', year)
    if (y === null) return none
    const end = monthEnd(y, Number(groups.m))
    return end ? {start: null, end} : null
  },
  beforeQuarter(groups, year) {
    const y = yearOf(groups, 'y', year)
    const q = quarterNumber(groups.q ?? '')
    if (q === null) return null
    return y === null ? none : {start: null, end: dayBefore(monthStart(y, q * 3 - 2))}
  },
  byQuarter(groups, year) {
    const y = yearOf(groups, 'y', year)
    const q = quarterNumber(groups.q ?? '')
    if (q === null) return null
    return y === null ? none : {start: null, end: monthEnd(y, q * 3)}
  },
  beforeYear(groups) {
    const y = Number(groups.y)
    return {start: null, end: isoDate(y - 1, 12, 31)}
  },
  byYear(groups) {
    return {start: null, end: isoDate(Number(groups.y), 12, 31)}
  },
  monthSpan(groups) {
    const start = monthStart(Number(groups.y1), Number(groups.m1))
    const end = monthEnd(Number(groups.y2), Number(groups.m2))
    return start && end && start <= end ? {start, end} : null
  },
  months(groups, year) {
    const months = listOf(groups.ms, (item) => {
      const n = Number(item)
      return Number.isInteger(n) && n >= 1 && n <= 12 ? n : null
    })
    if (months.length === 0) return null
    const y = yearOf(groups, 'y', year)
    if (y === null) return none
    return {start: monthStart(y, Math.min(...months)), end: monthEnd(y, Math.max(...months))}
  },
  fromMonth(groups, year) {
    const y = yearOf(groups, 'y', year)
    if (y === null) return none
    const start = monthStart(y, Number(groups.m))
    return start ? {start, end: null} : null
  },
  quarters(groups, year) {
    const quarters = listOf(groups.qs, quarterNumber)
    if (quarters.length === 0) return null
    const y = yearOf(groups, 'y', year)
    if (y === null) return none
    return {start: monthStart(y, Math.min(...quarters) * 3 - 2), end: monthEnd(y, Math.max(...quarters) * 3)}
  },
  quarterSpan(groups) {
    const q1 = quarterNumber(groups.q1 ?? '')
    const q2 = quarterNumber(groups.q2 ?? '')
    if (q1 === null || q2 === null) return null
    const start = monthStart(Number(groups.y1), q1 * 3 - 2)
    const end = monthEnd(Number(groups.y2), q2 * 3)
    return start && end && start <= end ? {start, end} : null
  },
  halfYear(groups, year) {
    const y = yearOf(groups, 'y', year)
    if (y === null) return none
    return groups.half?.toLowerCase() === 'dau'
      ? {start: isoDate(y, 1, 1), end: isoDate(y, 6, 30)}
      : {start: isoDate(y, 7, 1), end: isoDate(y, 12, 31)}
  },
  years(groups) {
    const y1 = Number(groups.y1)
    const y2 = Number(groups.y2)
    return y1 <= y2 ? {start: isoDate(y1, 1, 1), end: isoDate(y2, 12, 31)} : null
  },
  year(groups, year) {
    const y = yearOf(groups, 'y', year)
    return y === null ? none : {start: isoDate(y, 1, 1), end: isoDate(y, 12, 31)}
  }
}

let compiled: CompiledRule[] | undefined

/** The grammar's rules with patterns folded for matching folded text. */
function rules(): CompiledRule[] {
  if (!compiled) {
    compiled = loadGrammar('timeframes').rules.map((rule: Rule) => ({
      id: rule.id,
      kind: rule.kind,
      resolve: rule.resolve,
      regex: new RegExp(foldPattern(rule.pattern), rule.flags ?? 'iu')
    }))
  }
  return compiled
}

/** Clean a time-frame cell: emphasis, bullets, whitespace, end punctuation (`Quý I/2026.` → `Quý I/2026`). */
export function cleanTimeframe(raw: string): string {
  return collapseWhitespace(stripEmphasis(raw.normalize('NFC')).replace(/^[-+•*]\s+/u, '')).replace(/[\s.,;]+$/u, '')
}

/** The first grammar rule matching `raw`, with its groups; null when none does. */
export function matchTimeframe(raw: string): TimeframeMatch | null {
  const folded = foldChars(cleanTimeframe(raw))
  for (const rule of rules()) {
    const match = rule.regex.exec(folded)
    if (match) return {rule: rule.id, groups: {...match.groups}}
  }
  return null
}

/**
 * Parse a time frame. Unknown phrasing (or an impossible date) gives
 * `kind: null` and null dates, with `raw` kept.
 */
export function parseTimeframe(raw: string, context: TimeframeContext): Timeframe {
  // Plans write the same few time frames again and again: each is parsed once per year (a copy is returned).
  return {...parseRemembered(`${context.year ?? ''}\u0000${raw}`)}
}

/** `parseAnew`, remembered by the year (empty: none) and the text, joined by U+0000. */
const parseRemembered = memoize((key: string): Timeframe => {
  const at = key.indexOf('\u0000')
  return parseAnew(key.slice(at + 1), at === 0 ? null : Number(key.slice(0, at)))
}, 4096)

function parseAnew(raw: string, year: number | null): Timeframe {
  const text = cleanTimeframe(raw)
  const folded = foldChars(text)
  for (const rule of rules()) {
    const match = rule.regex.exec(folded)
    if (!match) continue
    const range = resolvers[rule.resolve]({...match.groups}, year)
    if (!range) break
    return {raw: text, start: range.start, end: range.end, kind: rule.kind}
  }
  return {raw: text, start: null, end: null, kind: null}
}
