/**
 * Task fields from column headers and list-form labels, by the synonyms in
 * `grammars/columns.json` (matched on diacritic-folded text).
 */
import {collapseWhitespace, foldChars, foldPattern} from '../normalize/fold.js'
import {stripEmphasis} from '../vietnamese/emphasis.js'
import {loadGrammar} from '../util/grammar.js'
import type {ColumnField} from '../util/grammar-schemas.js'

/** A task field a column or label can hold (`start`/`end`: a time frame split over two columns). */
export type Field = ColumnField

/** Column index of each field found in a header row. */
export type ColumnMap = Partial<Record<Field, number>>

let compiled: Array<{field: Field; regex: RegExp}> | undefined

function rules() {
  compiled ??= loadGrammar('columns').rules.map((rule) => ({
    field: rule.field,
    regex: new RegExp(foldPattern(rule.pattern), rule.flags ?? 'iu')
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

/** The field a header cell or a label names, or null. */
export function fieldOf(text: string): Field | null {
  const value = foldChars(normalise(text))
  if (value === '') return null
  for (const rule of rules()) if (rule.regex.test(value)) return rule.field
  return null
}

/**
 * Map header cells to fields; null unless it looks like a task table's
 * header: a content column and at least one of lead, time frame, outputs.
 */
export function headerMap(cells: string[]): ColumnMap | null {
  const map: ColumnMap = {}
  cells.forEach((cell, index) => {
    const field = fieldOf(cell)
    if (field && map[field] === undefined) map[field] = index
  })
  const valid =
    map.content !== undefined &&
    (map.lead !== undefined || map.timeframe !== undefined || map.outputs !== undefined || map.end !== undefined)
  return valid ? map : null
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
