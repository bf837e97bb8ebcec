/**
 * Learn the OCR confusion table from word pairs (printed, read): align each
 * word's letters with what was read (each letter becomes 0–3 characters),
 * count, re-estimate, re-align (hard EM), and smooth with Witten-Bell.
 * Counts are kept apart from the table so that pairs from several sources
 * (rendered pages, a real scan) can be pooled, with weights.
 */
import type {ChannelTable} from './channel-table.js'
import {stripMarks} from '../vietnamese/letters.js'
import {isValidSyllable} from '../vietnamese/orthography.js'

/** A printed word and what OCR read for it. */
export type ChannelPair = [printed: string, read: string]

/** Longest reading of one letter. */
export const maxReading = 3

/** What a set of pairs taught: letter readings and how often other tokens were read as printed. */
export interface ChannelCounts {
  /** `emissions[letter][reading]`: how often the letter (lowercase) was read so. */
  emissions: Record<string, Record<string, number>>
  /** Tokens that are not Vietnamese syllables (numbers, codes, acronyms): read as printed, and in all. */
  identity: {same: number; total: number}
  /** Word pairs counted. */
  pairs: number
  description: string
}

/** Cost (−log10 P) of `letter` read as `reading`. */
type Cost = (letter: string, reading: string) => number

/** A first guess, before any counts: the letter itself, then its bare base letter, then anything. */
const initialCost: Cost = (letter, reading) => {
  if (reading === letter) return 0.1
  if (reading.length === 1) return stripMarks(reading) === stripMarks(letter) ? 1 : 3
  if (reading.length === 0) return 2.5
  if (reading.length === 2) return reading.includes(letter) || reading.includes(stripMarks(letter)) ? 3 : 4.5
  return 6
}

/** Best segmentation of `read` into one reading per letter of `printed`: the readings, or null when none fits. */
export function alignLetters(printed: string[], read: string[], cost: Cost): string[] | null {
  const n = printed.length
  const m = read.length
  const w = m + 1
  const d = new Float64Array((n + 1) * w).fill(Infinity)
  const back = new Int8Array((n + 1) * w)
  d[0] = 0
  for (let i = 1; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      for (let l = 0; l <= maxReading && l <= j; l++) {
        const prev = d[(i - 1) * w + j - l]
        if (prev === Infinity) continue
        const c = prev + cost(printed[i - 1], read.slice(j - l, j).join(''))
        if (c < d[i * w + j]) {
          d[i * w + j] = c
          back[i * w + j] = l
        }
      }
    }
  }
  if (d[n * w + m] === Infinity) return null
  const out: string[] = new Array(n)
  let j = m
  for (let i = n; i >= 1; i--) {
    const l = back[i * w + j]
    out[i - 1] = read.slice(j - l, j).join('')
    j -= l
  }
  return out
}

/** Count the letter readings of `pairs` under the alignment `cost` gives. */
function count(pairs: ChannelPair[], cost: Cost, description: string): ChannelCounts {
  const emissions: ChannelCounts['emissions'] = {}
  const identity = {same: 0, total: 0}
  for (const [printed, read] of pairs) {
    if (!isValidSyllable(printed)) {
      identity.total++
      if (printed === read) identity.same++
      continue
    }
    const letters = [...printed.toLowerCase()]
    const readings = alignLetters(letters, [...read.toLowerCase()], cost)
    if (readings === null) continue
    letters.forEach((letter, i) => {
      const m = (emissions[letter] ??= {})
      m[readings[i]] = (m[readings[i]] ?? 0) + 1
    })
  }
  return {emissions: sorted(emissions), identity, pairs: pairs.length, description}
}

/** The same counts with letters and readings in code point order (stable JSON). */
function sorted(emissions: ChannelCounts['emissions']): ChannelCounts['emissions'] {
  const out: ChannelCounts['emissions'] = {}
  for (const letter of Object.keys(emissions).sort()) {
    out[letter] = {}
    for (const reading of Object.keys(emissions[letter]).sort()) out[letter][reading] = emissions[letter][reading]
  }
  return out
}

/** Sum counts, each scaled by its weight (rounded to hundredths, so JSON stays small and exact). */
export function addCounts(parts: Array<{counts: ChannelCounts; weight: number}>): ChannelCounts {
  const emissions: ChannelCounts['emissions'] = {}
  const identity = {same: 0, total: 0}
  let pairs = 0
  const round = (x: number) => Math.round(x * 100) / 100
  for (const {counts, weight} of parts) {
    for (const [letter, readings] of Object.entries(counts.emissions)) {
      const m = (emissions[letter] ??= {})
      for (const [reading, c] of Object.entries(readings)) m[reading] = round((m[reading] ?? 0) + weight * c)
    }
    identity.same = round(identity.same + weight * counts.identity.same)
    identity.total = round(identity.total + weight * counts.identity.total)
    pairs += counts.pairs
  }
  const description = parts.map((p) => (p.weight === 1 ? p.counts.description : `${p.counts.description} (weight ${p.weight})`)).join('; ')
  return {emissions: sorted(emissions), identity, pairs, description}
}

/**
 * Learn counts from `pairs` by hard EM (align, count, re-estimate, re-align), starting from the
 * first guess or, when given, from the table of `base` (pooled with the pairs' own counts × weight).
 */
export function learnCounts(pairs: ChannelPair[], description: string, options: {base?: ChannelCounts; weight?: number; iterations?: number} = {}): ChannelCounts {
  const weight = options.weight ?? 1
  const iterations = options.iterations ?? 4
  let cost: Cost = options.base ? costOf(tableFromCounts(options.base)) : initialCost
  let counts = count(pairs, cost, description)
  for (let i = 1; i < iterations; i++) {
    const pooled = options.base ? addCounts([{counts: options.base, weight: 1}, {counts, weight}]) : counts
    cost = costOf(tableFromCounts(pooled))
    counts = count(pairs, cost, description)
  }
  return counts
}

function costOf(table: ChannelTable): Cost {
  return (letter, reading) => -readingLogProb(table, letter, reading)
}

/** log10 P(reading | letter) under a table (unseen readings share the letter's unseen mass). */
export function readingLogProb(table: ChannelTable, letter: string, reading: string): number {
  const known = table.emissions[letter]?.[reading]
  if (known !== undefined) return known
  if (reading.length > maxReading) return -Infinity
  if (table.emissions[letter] === undefined) return reading === letter ? Math.log10(0.5) : -3 + table.unseenByLength[reading.length]
  return table.unseen[letter] + table.unseenByLength[reading.length]
}

/** The table of pooled counts: Witten-Bell estimates; readings seen less than twice go to the unseen mass. */
export function tableFromCounts(counts: ChannelCounts): ChannelTable {
  const emissions: ChannelTable['emissions'] = {}
  const unseen: ChannelTable['unseen'] = {}
  const rareByLength = [0, 0, 0, 0]
  const round = (x: number) => Math.round(x * 1000) / 1000
  let letters = 0
  for (const letter of Object.keys(counts.emissions).sort()) {
    const m = counts.emissions[letter]
    let total = 0
    for (const c of Object.values(m)) total += c
    letters += total
    const types = Object.keys(m).length
    const out: Record<string, number> = {}
    for (const reading of Object.keys(m).sort()) {
      const c = m[reading]
      if (c < 2) {
        rareByLength[reading.length]++
        continue
      }
      out[reading] = round(Math.log10(c / (total + types)))
    }
    emissions[letter] = out
    unseen[letter] = round(Math.log10(types / (total + types)))
  }
  // Split the unseen mass by reading length as the rare readings split, over the readings of that length.
  const rare = rareByLength.reduce((a, b) => a + b, 0) + 4
  const alphabet = 60
  const unseenByLength = rareByLength.map((s, l) => round(Math.log10((s + 1) / rare / alphabet ** l))) as ChannelTable['unseenByLength']
  const identity = (counts.identity.same + 1) / (counts.identity.total + 2)
  return {
    emissions,
    unseen,
    unseenByLength,
    identity: round(Math.log10(identity)),
    source: {description: counts.description, pairs: Math.round(counts.pairs), letters: Math.round(letters)}
  }
}

/** Learn a table from pairs alone (hard EM from the first guess). */
export function learnChannel(pairs: ChannelPair[], description: string, iterations = 4): ChannelTable {
  return tableFromCounts(learnCounts(pairs, description, {iterations}))
}
