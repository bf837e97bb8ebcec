/**
 * Task fields from column headers and list-form labels, by the synonyms in
 * `grammars/columns.json` (matched on diacritic-folded text).
 */
import {distance} from 'fastest-levenshtein'
import {collapseWhitespace, foldChars, foldPattern} from '../normalize/fold.js'
import {stripEmphasis} from '../vietnamese/emphasis.js'
import {loadGrammar} from '../util/grammar.js'
import {memoize} from '../util/memoize.js'
import type {ColumnField} from '../util/grammar-schemas.js'

/** A task field a column or label can hold (`start`/`end`: a time frame split over two columns). */
export type Field = ColumnField

/** Column index of each field found in a header row. */
export type ColumnMap = Partial<Record<Field, number>>

let compiled: Array<{field: Field; regex: RegExp; examples: string[]}> | undefined

function rules() {
  compiled ??= loadGrammar('columns').rules.map((rule) => ({
    field: rule.field,
    regex: new RegExp(foldPattern(rule.pattern), rule.flags ?? 'iu'),
    examples: (rule.ok ?? []).map((example) => foldChars(normalise(String(example))).toLowerCase())
  }))
  return compiled
}

/** Normalise a header cell or label: emphasis, whitespace, trailing `:`/`(1)`. */
function normalise(text: string): string {
  return collapseWhitespace(stripEmphasis(text.normalize('NFC')))
    .replace(/\s*\(\s*\d{1,2}\s*\)\s*$/u, '')
    .replace(/[\s:.*]+$/u, '')
}

/** The year a header cell names for its column ("Thời gian (Năm 2026)" → 2026), or null. */
export function headerYear(text: string): number | null {
  if (fieldOf(text) !== 'timeframe') return null
  // The `timeframe` pattern allows a year after the words; `headerYear` in `grammars/plan.json` reads it.
  const year = loadGrammar('plan').rule('headerYear').regex.exec(normalise(text))?.groups?.year
  return year ? Number(year) : null
}

/** `findField` of the cells and labels seen so far, without and with `near`: every row of a table is tried as a header. */
const fields = [memoize((text: string) => findField(text, false), 10_000), memoize((text: string) => findField(text, true), 10_000)]

/** The field a header cell or a label names, or null; `near`: or the field of the nearest example (`nearField`). */
export function fieldOf(text: string, near = false): Field | null {
  return fields[near ? 1 : 0](text)
}

function findField(text: string, near: boolean): Field | null {
  const value = foldChars(normalise(text))
  if (value === '') return null
  for (const rule of rules()) if (rule.regex.test(value)) return rule.field
  return near ? nearField(value.toLowerCase()) : null
}

/**
 * The field of the grammar's example nearest to `value` (folded), when it is
 * a fifth of its letters away at most and no other field's is as near: an
 * OCR'd header with a letter or two misread ("Thời zian hoàn thành").
 */
function nearField(value: string): Field | null {
  if (value.length < 6) return null
  let best: Field | null = null
  let bestDistance = Infinity
  let tie = false
  for (const rule of rules()) {
    for (const example of rule.examples) {
      const d = distance(value, example)
      if (d > Math.floor(0.2 * Math.max(value.length, example.length))) continue
      if (d < bestDistance) [best, bestDistance, tie] = [rule.field, d, false]
      else if (d === bestDistance && rule.field !== best) tie = true
    }
  }
  return tie ? null : best
}

/**
 * Map header cells to fields; null unless it looks like a task table's
 * header: a content column and at least one of lead, time frame, outputs.
 * Once it does, a cell no pattern names takes the field of the nearest
 * example (an OCR'd header).
 */
export function headerMap(cells: string[]): ColumnMap | null {
  const map = mapCells(cells, false)
  const valid = (m: ColumnMap) => m.content !== undefined && (m.lead !== undefined || m.timeframe !== undefined || m.outputs !== undefined || m.end !== undefined)
  if (!valid(map)) return null
  return mapCells(cells, true)
}

function mapCells(cells: string[], near: boolean): ColumnMap {
  const map: ColumnMap = {}
  cells.forEach((cell, index) => {
    const field = fieldOf(cell, near)
    if (field && map[field] === undefined) map[field] = index
  })
  return map
}

/**
 * A labelled field of the list form: `Cơ quan chủ trì thực hiện: X` →
 * `{field: 'lead', value: 'X'}`; null when the text has no known label.
 */
export function labelledField(text: string): {field: Field; value: string} | null {
  const clean = stripEmphasis(text.normalize('NFC')).replace(/^\s*(?:[-+•]\s*)+/u, '')
  const colon = clean.indexOf(':')
  if (colon < 1 || colon > 80) return null
  const field = fieldOf(clean.slice(0, colon))
  if (!field || field === 'number' || field === 'note') return null
  return {field, value: clean.slice(colon + 1).trim()}
}
