/**
 * The tables of a PDF page with a good text layer, as cells: ruled tables
 * from the page's own drawing (`lattice.ts`), their words taken out of the
 * text layer by position before any line is formed (`cell-text.ts`). What is
 * left is grouped into lines as usual; tables without rules are found there
 * later, from the alignment of their words (`layout/tables.ts`).
 */
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {LayoutWord} from '../types.js'
import {compactRows, type PageTable} from '../layout/table-cells.js'
import {fillCells} from './cell-text.js'
import {readRules} from './drawing.js'
import {findLattices, type Lattice} from './lattice.js'
import {groupLines, type TextLayer} from './text-layer.js'

/** A text-layer page split into its tables (as cells) and the lines around them. */
export interface TextPage {
  lines: Array<{words: LayoutWord[]}>
  tables: PageTable[]
}

/** The tables of `page` and the lines of its other text. */
export async function readTextPage(page: PDFPageProxy, layer: TextLayer): Promise<TextPage> {
  const lattices = findLattices(await readRules(page))
  if (lattices.length === 0) return {lines: layer.lines, tables: []}
  return splitTables(lattices, layer.runs)
}

/** Take the words of each lattice out of `runs` into its cells; lattices holding text in fewer than two cells are not tables. */
export function splitTables(lattices: Lattice[], runs: LayoutWord[][]): TextPage {
  let words = runs.flat()
  const tables: PageTable[] = []
  for (const lattice of lattices) {
    const grid = {rows: lattice.ys.length - 1, columns: lattice.xs.length - 1, bbox: lattice.bbox, method: 'lattice' as const}
    const {table, rest} = fillCells(lattice.cells, grid, words)
    if (table.cells.filter((c) => c.text !== '').length < 2) continue
    tables.push(compactRows(table))
    words = rest
  }
  if (tables.length === 0) return {lines: groupLines(runs), tables}
  const kept = new Set(words)
  return {lines: groupLines(runs.map((run) => run.filter((w) => kept.has(w)))), tables}
}
