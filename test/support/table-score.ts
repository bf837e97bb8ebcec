/**
 * Scores of a parsed plan against a real-layout table fixture
 * (`fixtures/tables-real/<layout>/expected.json`): the share of its task
 * checks that pass, and the cell-level precision and recall of the tables the
 * reader saw (`file.data.layout.tables`) against the source grid.
 *
 * Cells match by column, spans and text: same `column`, `rowSpan` and
 * `colSpan`, and texts (case, punctuation, spacing and tone placement folded)
 * at most 10% apart by edit distance, so an OCR slip does not lose a cell but
 * a cell cut in two or run into its neighbour does. Row numbers are not
 * compared (a table over pages may come out as one table or as one per
 * page); a header cell may match once per page it is repeated on.
 */
import {distance} from 'fastest-levenshtein'
import type {LayoutTable} from '../../src/read/types.js'
import {normalise, runChecks, type Check} from './expectations.js'

/** A cell of the source grid. */
export interface SourceCell {
  row: number
  column: number
  rowSpan: number
  colSpan: number
  text: string
}

/** A table of the source grid: its size, how many header rows, its cells. */
export interface SourceTable {
  rows: number
  columns: number
  headerRows: number
  cells: SourceCell[]
}

/** What `expected.json` holds. */
export interface TableFixture {
  about: string
  checks: Check[]
  tables: SourceTable[]
}

/** How many checks pass, and which fail. */
export interface CheckScore {
  passed: number
  total: number
  /** `passed / total`. */
  ratio: number
  failed: string[]
}

/** Cell-level precision and recall. */
export interface CellScore {
  /** Non-empty source cells. */
  truth: number
  /** Non-empty cells the reader gave. */
  found: number
  /** Found cells that match a source cell. */
  matched: number
  precision: number
  recall: number
}

/** Run the fixture's checks on `output`. */
export function scoreChecks(output: unknown, checks: Check[]): CheckScore {
  const results = runChecks(output, checks)
  const passed = results.filter((r) => r.ok).length
  return {passed, total: checks.length, ratio: round(passed / Math.max(1, checks.length)), failed: results.filter((r) => !r.ok).map((r) => r.check.path)}
}

/** Compare the reader's tables with the source grid. */
export function scoreCells(truth: SourceTable[], found: LayoutTable[]): CellScore {
  const key = (c: {column: number; rowSpan: number; colSpan: number}) => `${c.column}/${c.rowSpan}/${c.colSpan}`
  const fold = (text: string) => normalise(text, true, true)
  // Source cells by position key; header cells may be matched again (a header repeated on each page).
  const pool = new Map<string, Array<{text: string; header: boolean; used: boolean}>>()
  let truthCount = 0
  for (const table of truth) {
    for (const cell of table.cells) {
      const text = fold(cell.text)
      if (text === '') continue
      truthCount++
      const list = pool.get(key(cell)) ?? []
      list.push({text, header: cell.row < table.headerRows, used: false})
      pool.set(key(cell), list)
    }
  }
  let foundCount = 0
  let matched = 0
  for (const cell of found.flatMap((t) => t.cells)) {
    const text = fold(cell.text)
    if (text === '') continue
    foundCount++
    let best: {text: string; header: boolean; used: boolean} | undefined
    let bestDistance = Infinity
    for (const candidate of pool.get(key(cell)) ?? []) {
      if (candidate.used && !candidate.header) continue
      const d = distance(candidate.text, text)
      if (d < bestDistance) {
        best = candidate
        bestDistance = d
      }
    }
    if (best && bestDistance <= 0.1 * Math.max(best.text.length, text.length)) {
      best.used = true
      matched++
    }
  }
  const used = [...pool.values()].flat().filter((c) => c.used).length
  return {truth: truthCount, found: foundCount, matched, precision: round(matched / Math.max(1, foundCount)), recall: round(used / Math.max(1, truthCount))}
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
