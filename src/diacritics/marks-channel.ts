/**
 * The marks channel: how an OCR engine that knows Vietnamese (tesseract's
 * `vie` model) gets marks wrong while reading the letters right: hỏi read as
 * sắc (`tổ` → `tố`, `thể` → `thế`), a dropped dot below (`trọng` → `trong`),
 * `ơ` read as `ờ`. log10 P(read | printed) of two spellings with the same
 * letters is the tone's term times one term per letter that can bear a
 * quality mark (a ă â, e ê, o ô ơ, u ư, d đ), learned from aligned word
 * pairs with add-half smoothing.
 */
import {readFileSync} from 'node:fs'
import {letterInfo, stripMarks, type Tone} from '../vietnamese/letters.js'
import {decompose} from '../vietnamese/orthography.js'
import {packagePath} from '../util/package-root.js'

/** What a set of (printed, read) pairs taught about marks: plain counts, so sources can be pooled. */
export interface MarksCounts {
  /** `tones[printed][read]`: how often a syllable with the printed tone (0–5) was read with the other. */
  tones: number[][]
  /** `letters[printed][read]`: how often a letter that can bear a quality mark (lowercase, toneless: `ô`) was read as another of its family. */
  letters: Record<string, Record<string, number>>
  /** Pairs with the same letters counted; pairs whose letters differ are left to other repairs. */
  pairs: number
  description: string
}

/** The marks channel in use: log10 probabilities. */
export interface MarksTable {
  /** `tones[printed][read]`: log10 P(read tone | printed tone). */
  tones: number[][]
  /** `letters[printed][read]`: log10 P(read letter | printed letter) within a family (a ă â …). */
  letters: Record<string, Record<string, number>>
  /** Where the counts came from. */
  source: {description: string; pairs: number}
}

/** The letters of each family that marks tell apart (toneless, lowercase). */
export const families: Record<string, string[]> = {
  a: ['a', 'ă', 'â'],
  e: ['e', 'ê'],
  o: ['o', 'ô', 'ơ'],
  u: ['u', 'ư'],
  d: ['d', 'đ']
}

/** The marks counts shipped with sohoa (derived by `scripts/ocr-marks.ts`). */
export const defaultMarksPath = packagePath('models/ocr-marks.json')

/** Read a marks counts file (as written by `scripts/ocr-marks.ts`); throws naming the file. */
export function readMarksCounts(file: string): MarksCounts {
  let counts: MarksCounts
  try {
    counts = JSON.parse(readFileSync(file, 'utf8')) as MarksCounts
  } catch (error) {
    throw new Error(`${file}: cannot read the marks counts (${error instanceof Error ? error.message : String(error)})`)
  }
  if (!Array.isArray(counts.tones) || counts.tones.length !== 6 || typeof counts.letters !== 'object') throw new Error(`${file}: not marks counts`)
  return counts
}

/** Added to every count before normalising. */
const smoothing = 0.5

/** Empty counts. */
export function emptyMarksCounts(description: string): MarksCounts {
  const letters: Record<string, Record<string, number>> = {}
  for (const members of Object.values(families)) for (const m of members) letters[m] = Object.fromEntries(members.map((x) => [x, 0]))
  return {tones: Array.from({length: 6}, () => new Array<number>(6).fill(0)), letters, pairs: 0, description}
}

/**
 * The tone of a written word (lowercase or not) and its toneless letters, or null when it has two
 * tones or characters that are not Vietnamese letters. Unlike `decompose`, the word need not be a
 * valid syllable: OCR output often is not.
 */
export function marksOf(word: string): {tone: Tone; bases: string[]} | null {
  let tone: Tone = 0
  const bases: string[] = []
  for (const ch of word.toLowerCase()) {
    const info = letterInfo(ch)
    if (info === undefined) return null
    if (info.tone !== 0) {
      if (tone !== 0) return null
      tone = info.tone
    }
    bases.push(info.base)
  }
  return {tone, bases}
}

/** Count `pairs` of (printed, read) words into `counts` (a copy): only valid printed syllables read with the same letters. */
export function countMarks(pairs: Iterable<[string, string]>, counts: MarksCounts): MarksCounts {
  const out: MarksCounts = structuredClone(counts)
  for (const [printed, read] of pairs) {
    if (decompose(printed) === null) continue
    if (stripMarks(printed.toLowerCase()) !== stripMarks(read.toLowerCase())) continue
    const p = marksOf(printed)
    const r = marksOf(read)
    if (!p || !r || p.bases.length !== r.bases.length) continue
    out.tones[p.tone][r.tone]++
    p.bases.forEach((b, i) => {
      const row = out.letters[b]
      if (row && r.bases[i] in row) row[r.bases[i]]++
    })
    out.pairs++
  }
  return out
}

/** Pool counts, each source weighted. */
export function addMarksCounts(sources: Array<{counts: MarksCounts; weight: number}>): MarksCounts {
  const out = emptyMarksCounts(sources.map((s) => s.counts.description).join(' + '))
  for (const {counts, weight} of sources) {
    counts.tones.forEach((row, p) => row.forEach((n, r) => (out.tones[p][r] += n * weight)))
    for (const [p, row] of Object.entries(counts.letters)) for (const [r, n] of Object.entries(row)) if (out.letters[p] && r in out.letters[p]) out.letters[p][r] += n * weight
    out.pairs += counts.pairs * weight
  }
  return out
}

/** The table of log10 probabilities from counts. */
export function marksTableFromCounts(counts: MarksCounts): MarksTable {
  const normalise = (row: number[]) => {
    const total = row.reduce((a, n) => a + n + smoothing, 0)
    return row.map((n) => Math.log10((n + smoothing) / total))
  }
  const letters: Record<string, Record<string, number>> = {}
  for (const [p, row] of Object.entries(counts.letters)) {
    const keys = Object.keys(row)
    const logs = normalise(keys.map((k) => row[k]))
    letters[p] = Object.fromEntries(keys.map((k, i) => [k, logs[i]]))
  }
  return {tones: counts.tones.map(normalise), letters, source: {description: counts.description, pairs: counts.pairs}}
}

/**
 * log10 P(`read` | `printed`) for two spellings with the same letters once marks are removed
 * (both lowercase; `printed` a valid syllable); -Infinity when the letters differ or a word has
 * two tones.
 */
export function marksScore(table: MarksTable, printed: string, read: string): number {
  const p = marksOf(printed)
  const r = marksOf(read)
  if (!p || !r || p.bases.length !== r.bases.length) return -Infinity
  let score = table.tones[p.tone][r.tone]
  for (let i = 0; i < p.bases.length; i++) {
    const row = table.letters[p.bases[i]]
    if (row) {
      const s = row[r.bases[i]]
      if (s === undefined) return -Infinity
      score += s
    } else if (p.bases[i] !== r.bases[i]) return -Infinity
  }
  return score
}
