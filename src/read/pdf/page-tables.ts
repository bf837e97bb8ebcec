/**
 * The tables of a PDF page with a good text layer, as cells: ruled tables
 * from the page's own drawing (`lattice.ts`), then tables with partial rules
 * or none from the alignment of the runs left (`stream.ts`). A table's words
 * are taken out of the text layer by position before any line is formed
 * (`cell-text.ts`); what is left is grouped into lines as usual.
 */
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {LayoutWord} from '../types.js'
import type {RulingLines} from '../image/ruling-lines.js'
import {compactRows, type PageTable} from '../layout/table-cells.js'
import {fillCells} from './cell-text.js'
import {readRules} from './drawing.js'
import {findLattices, mergeHorizontal, type Lattice} from './lattice.js'
import {findStreamTables} from './stream.js'
import {groupLines, type TextLayer} from './text-layer.js'

/** A text-layer page split into its tables (as cells) and the lines around them. */
export interface TextPage {
  lines: Array<{words: LayoutWord[]}>
  tables: PageTable[]
}

/** The tables of `page` and the lines of its other text. */
export async function readTextPage(page: PDFPageProxy, layer: TextLayer): Promise<TextPage> {
  return splitTables(await readRules(page), layer.runs)
}

/** Take each table's words out of `runs` into its cells: ruled tables first, then stream tables among the rest. */
export function splitTables(rules: RulingLines, runs: LayoutWord[][]): TextPage {
  const lattices = findLattices(rules)
  const ruled = ruledTables(lattices, runs)
  // Horizontal rules outside the ruled tables may still split the rows of a stream table.
  const inside = (y: number, x0: number, x1: number) => lattices.some((l) => y >= l.bbox.y0 - 2 && y <= l.bbox.y1 + 2 && x1 > l.bbox.x0 && x0 < l.bbox.x1)
  const loose = mergeHorizontal(rules.horizontal, 2).filter((r) => !inside(r.y, r.x0, r.x1))
  const stream = findStreamTables(ruled.runs, loose)
  const tables = [...ruled.tables, ...stream.tables].sort((a, b) => a.bbox.y0 - b.bbox.y0)
  return {lines: groupLines(stream.runs), tables}
}

/** The ruled tables holding text in two cells or more, and the runs left. */
function ruledTables(lattices: Lattice[], runs: LayoutWord[][]): {tables: PageTable[]; runs: LayoutWord[][]} {
  let words = runs.flat()
  const tables: PageTable[] = []
  for (const lattice of lattices) {
    const grid = {rows: lattice.ys.length - 1, columns: lattice.xs.length - 1, bbox: lattice.bbox, method: 'lattice' as const}
    const {table, rest} = fillCells(lattice.cells, grid, words)
    if (table.cells.filter((c) => c.text !== '').length < 2) continue
    tables.push(compactRows(table))
    words = rest
  }
  if (tables.length === 0) return {tables, runs}
  const kept = new Set(words)
  return {tables, runs: runs.map((run) => run.filter((w) => kept.has(w))).filter((run) => run.length > 0)}
}
