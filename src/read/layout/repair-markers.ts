/**
 * Markers that the Vietnamese model misreads in a set way, put right in OCR'd
 * text where the page's structure shows what they are:
 *
 * - Roman numerals of headings set in bold serif capitals: "I." comes out as
 *   "L", "II." as "H." or as "I." (one stem lost), "III." as "HI." — at the
 *   start of a line whose rest is capitals ("L MỤC ĐÍCH, YÊU CẦU"), where
 *   the numbering before it says what comes next.
 * - The "TT" heading the numbering column of a table, read as "TI" or "SIT".
 * - The row numbers of a table (its first cell): the same numerals (or any
 *   run of stems and look-alikes, "1H", "IHI": the numeral the numbering
 *   expects), digits read as look-alike letters ("3z" for 32, "l" for 1), a
 *   number out of step between two in step ("10", "1", "12": "11" lost a
 *   digit), a sub-number that lost its dot ("1.2", "13", "1.4").
 * - The letter "f)" read as "Đ" or "Đ)" (the model knows "Đ" far better)
 *   after an "e)", and "đ)" after a "d)".
 *
 * - The row of column numbers under a table's header ("(1)", "(2)", … one a
 *   column), some of them garbled ("G1)", "(9)", "Cơ)"): the whole row is
 *   put right when most of it reads right and the rest is as short
 *   (`repairColumnNumbers`).
 *
 * A line's first word is changed, nothing else; every change is returned.
 */
import type {LayoutCell, LayoutLine} from '../types.js'

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

/** `text` read as a row number: digits (with an optional dot, read as `:` or `,` too) after the look-alike letters are put right, or undefined. */
export function rowNumber(text: string): string | undefined {
  if (!/\d/.test(text) && text.length > 1) return undefined
  // A dot read as a colon or a comma ("5:").
  const fixed = [...text.replace(/(?<=.)[:;,]$/u, '.')].map((c) => digitConfusions[c] ?? c).join('')
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
  // The last group numeral of the table before the last "TT" header.
  let lastGroup = 0
  let letter = ''
  for (const [index, line] of lines.entries()) {
    const first = line.text.match(/^[^\s\t]+/)?.[0]
    if (!first) continue
    const rest = line.text.slice(first.length)
    let to: string | undefined
    if (line.text.includes('\t')) {
      const cell = line.text.split('\t')[0]
      if (/^S?[TIl1|][TIl1|]\.?$/.test(cell) && cell.includes('T')) {
        // The header of the numbering column ("TT", "STT"), its second T often read as "I"; numbering may start again.
        if (group > 0) lastGroup = group
        group = 0
        const header = cell.startsWith('S') ? 'STT' : 'TT'
        if (cell !== header) change(line, index, cell, header, repairs)
        continue
      }
      // A group numeral garbled past the known misreadings ("1H", "IHI", "VH"): the one the numbering expects.
      // (After a header repeated on the next page, the numbering goes on from the last page.)
      const expected = romanValues[group > 0 ? group : lastGroup]
      const garbled = first === cell && /^[IVXHLl1|]{1,5}\.?$/.test(first) && /[VXHL]/.test(first) && expected ? `${expected}.` : undefined
      const roman = romanMarker(first) ?? garbled
      const number = first === cell ? rowNumber(first) : undefined
      if (roman && (first === cell || isHeading(rest.split('\t')[0]) || /^\s\p{Lu}/u.test(rest))) {
        // After a repeated header the numbering goes on from the page before; a table started again starts at "I.".
        to = next(roman, group > 0 || romanValue(roman) < 2 ? group : lastGroup)
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
  // A sub-number that lost its dot between two in step ("1.2", "13", "1.4") is the one between them.
  const sub = (cell: string) => /^\d{1,3}(?:\.\d{1,3})+\.?$/.test(cell)
  const dotted = lines
    .map((line, index) => ({line, index, cell: line.text.split('\t')[0]}))
    .filter((r) => r.line.text.includes('\t') && (sub(r.cell) || /^\d{2,4}$/.test(r.cell)))
  for (let k = 1; k + 1 < dotted.length; k++) {
    const [before, now, after] = [dotted[k - 1].cell, dotted[k].cell, dotted[k + 1].cell]
    if (!sub(before) || !sub(after) || sub(now)) continue
    const [b, a] = [before.replace(/\.$/, '').split('.'), after.replace(/\.$/, '').split('.')]
    const last = Number(b[b.length - 1])
    if (b.length !== a.length || b.slice(0, -1).join('.') !== a.slice(0, -1).join('.') || Number(a[a.length - 1]) !== last + 2) continue
    const expected = [...b.slice(0, -1), String(last + 1)].join('.')
    if (expected.replaceAll('.', '') !== now) continue
    change(dotted[k].line, dotted[k].index, now, expected, repairs)
    dotted[k].cell = expected
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

/** One change to a table's cell: where, what was read and what it became. */
export interface CellRepair {
  row: number
  column: number
  from: string
  to: string
}

/**
 * Put right the row of column numbers of an OCR'd table (in its first four
 * rows): a row of three or more single cells, each empty or four characters
 * at most, two or more of them reading as their column's number ("(n)" or
 * "n", n counted from 1), every other written one with a bracket or a digit
 * ("G1)", "(9)", "Cơ)", "6?"), and half of the cells written at least. The cells (and the
 * word of a one-word cell) are changed in place; the changes are returned.
 */
export function repairColumnNumbers(cells: LayoutCell[]): CellRepair[] {
  const repairs: CellRepair[] = []
  const rows = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b).slice(0, 4)
  for (const row of rows) {
    const inRow = cells.filter((c) => c.row === row)
    if (inRow.length < 3 || inRow.some((c) => c.colSpan !== 1 || c.rowSpan !== 1 || [...c.text.trim()].length > 4)) continue
    const written = inRow.filter((c) => c.text.trim() !== '')
    const bracketed = written.filter((c) => c.text.trim() === `(${c.column + 1})`).length
    const bare = written.filter((c) => c.text.trim() === String(c.column + 1)).length
    const exact = (c: LayoutCell) => [`(${c.column + 1})`, String(c.column + 1)].includes(c.text.trim())
    if (Math.max(bracketed, bare) < 2 || 2 * written.length < inRow.length || !written.every((c) => exact(c) || /[()\d]/u.test(c.text))) continue
    for (const cell of inRow) {
      const to = bracketed >= bare ? `(${cell.column + 1})` : String(cell.column + 1)
      if (cell.text.trim() === to) continue
      repairs.push({row, column: cell.column, from: cell.text, to})
      cell.text = to
      if (cell.words?.length === 1) cell.words[0] = {...cell.words[0], text: to}
    }
    break
  }
  return repairs
}
