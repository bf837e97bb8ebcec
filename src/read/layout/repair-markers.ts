/**
 * Markers that the Vietnamese model misreads in a set way, put right in OCR'd
 * text where the page's structure shows what they are:
 *
 * - Roman numerals of headings set in bold serif capitals: "I." comes out as
 *   "L", "II." as "H." or as "I." (one stem lost), "III." as "HI." — at the
 *   start of a line whose rest is capitals ("L MỤC ĐÍCH, YÊU CẦU"), where
 *   the numbering before it says what comes next.
 * - The "TT" heading the numbering column of a table, read as "TI".
 * - The row numbers of a table (its first cell): the same numerals, digits
 *   read as look-alike letters ("3z" for 32, "l" for 1), and a number out of
 *   step between two in step ("10", "1", "12": "11" lost a digit).
 * - The letter "f)" read as "Đ" or "Đ)" (the model knows "Đ" far better)
 *   after an "e)", and "đ)" after a "d)".
 *
 * A line's first word is changed, nothing else; every change is returned.
 */
import type {LayoutLine} from '../types.js'

/** One change: the line (index into the lines given), what was read and what it became. */
export interface MarkerRepair {
  line: number
  from: string
  to: string
}

/** Misreadings of Roman numerals (the dot included when read). */
const romanConfusions: Record<string, string> = {
  'L': 'I.',
  'L.': 'I.',
  'l.': 'I.',
  '|.': 'I.',
  'H': 'II.',
  'H.': 'II.',
  'IL.': 'II.',
  'Il.': 'II.',
  'lI.': 'II.',
  'll.': 'II.',
  'LL.': 'II.',
  'HI': 'III.',
  'HI.': 'III.',
  'IH.': 'III.',
  'IIL.': 'III.',
  'HL.': 'III.',
  'IHI.': 'IV.',
  'TV.': 'IV.',
  'lV.': 'IV.',
  'Vl.': 'VI.',
  'VL.': 'VI.',
  'VH.': 'VII.',
  'VHI.': 'VIII.'
}

/** Letters that digits are misread as, in a row number. */
const digitConfusions: Record<string, string> = {l: '1', I: '1', '|': '1', i: '1', z: '2', Z: '2', O: '0', o: '0', S: '5', s: '5', B: '8', g: '9', q: '9'}

const romanValues = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV']

/** The value of a Roman numeral marker ("II." → 2), or 0. */
function romanValue(marker: string): number {
  return romanValues.indexOf(marker.replace(/\.$/, '')) + 1
}

/** `text` read as a Roman numeral marker: itself when valid, its usual misreading put right, or undefined. */
export function romanMarker(text: string): string | undefined {
  if (/^[IVX]+\.?$/.test(text) && romanValue(text) > 0) return text.endsWith('.') ? text : `${text}.`
  return romanConfusions[text]
}

/** `text` read as a row number: digits (with an optional dot) after the look-alike letters are put right, or undefined. */
export function rowNumber(text: string): string | undefined {
  if (!/\d/.test(text) && text.length > 1) return undefined
  const fixed = [...text].map((c) => digitConfusions[c] ?? c).join('')
  return /^\d{1,3}\.?$/.test(fixed) ? fixed : undefined
}

/** Most of the letters after the marker are capitals: a heading. */
function isHeading(rest: string): boolean {
  const letters = rest.match(/\p{L}/gu) ?? []
  const upper = rest.match(/\p{Lu}/gu) ?? []
  return letters.length >= 2 && upper.length >= 0.8 * letters.length
}

/**
 * Repair the markers of `lines` (the OCR'd lines of a file in reading order;
 * table rows are tab-separated) in place; return the changes.
 */
export function repairMarkers(lines: LayoutLine[]): MarkerRepair[] {
  const repairs: MarkerRepair[] = []
  let heading = 0
  let group = 0
  let letter = ''
  for (const [index, line] of lines.entries()) {
    const first = line.text.match(/^[^\s\t]+/)?.[0]
    if (!first) continue
    const rest = line.text.slice(first.length)
    let to: string | undefined
    if (line.text.includes('\t')) {
      const cell = line.text.split('\t')[0]
      if (/^S?T[TIl1|]\.?$/.test(cell)) {
        // The header of the numbering column ("TT", "STT"), its second T often read as "I".
        group = 0
        const header = cell.startsWith('S') ? 'STT' : 'TT'
        if (cell !== header) change(line, index, cell, header, repairs)
        continue
      }
      const roman = romanMarker(first)
      const number = first === cell ? rowNumber(first) : undefined
      if (roman && (first === cell || isHeading(rest.split('\t')[0]) || /^\s\p{Lu}/u.test(rest))) {
        to = next(roman, group)
        group = romanValue(to)
      } else if (number && number !== first) to = number
    } else {
      const roman = romanMarker(first)
      if (roman && isHeading(rest)) {
        to = next(roman, heading)
        heading = romanValue(to)
      }
      const mark = first.match(/^([a-zđ])\)$/)?.[1]
      if (mark) letter = mark
      else if (/^Đ\)?$/.test(first) && /^\s+\p{Lu}/u.test(rest) && (letter === 'd' || letter === 'e')) {
        to = letter === 'd' ? 'đ)' : 'f)'
        letter = to[0]
      }
    }
    if (to !== undefined && to !== first) change(line, index, first, to, repairs)
  }
  // A row number out of step between two in step ("10", "1", "12": a digit lost) is the one between them.
  const numbered = lines
    .map((line, index) => ({line, index, cell: line.text.split('\t')[0]}))
    .filter((r) => r.line.text.includes('\t') && /^\d{1,3}\.?$/.test(r.cell))
  for (let k = 1; k + 1 < numbered.length; k++) {
    const [before, now, after] = [numbered[k - 1], numbered[k], numbered[k + 1]].map((r) => Number.parseInt(r.cell, 10))
    if (after !== before + 2 || now === before + 1) continue
    const dot = numbered[k].cell.endsWith('.') ? '.' : ''
    change(numbered[k].line, numbered[k].index, numbered[k].cell, `${before + 1}${dot}`, repairs)
    numbered[k].cell = `${before + 1}${dot}`
  }
  return repairs.sort((a, b) => a.line - b.line)
}

/** Replace the first word of `line`, `from`, by `to`, and record it (merging with an earlier change of the line). */
function change(line: LayoutLine, index: number, from: string, to: string, repairs: MarkerRepair[]): void {
  line.text = to + line.text.slice(from.length)
  if (line.words && line.words.length > 0 && line.words[0].text === from) line.words[0] = {...line.words[0], text: to}
  const earlier = repairs.find((r) => r.line === index)
  if (earlier) earlier.to = to
  else repairs.push({line: index, from, to})
}

/** A numeral one stem short of the one expected after `previous` (a stem lost: "I." for "II.") is the expected one. */
function next(marker: string, previous: number): string {
  const expected = romanValues[previous]
  if (!expected) return marker
  const value = romanValue(marker)
  const short = expected.length > 1 && expected.slice(0, -1) === marker.replace(/\.$/, '') && expected.endsWith('I')
  return value === previous && short ? `${expected}.` : marker
}
