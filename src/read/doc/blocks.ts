/**
 * The marked text of a DOC (`extract.ts`) → Word blocks: paragraphs, and
 * tables where the format marks them (cells end with `\x07`, rows with the
 * row mark, paragraphs inside cells are flagged). Fields keep their result
 * (a page number's too is dropped), drawing and footnote marks go.
 */
import type {WordBlock, WordCell, WordTable} from '../word/model.js'
import type {DocRow} from './extract.js'

/** Fields whose result is a page number. */
const pageFields = /^\s*(PAGE|NUMPAGES|SECTIONPAGES|PAGEREF)\b/i

/** Parse the marked text into blocks; `layouts` are the table rows' layouts in order (cell edges, vertical merges). */
export function docBlocks(raw: string, layouts: DocRow[] = []): WordBlock[] {
  const text = resolveFields(raw)
  const blocks: WordBlock[] = []
  let paragraph = ''
  let cellParagraphs: string[] = []
  let row: WordCell[] = []
  let rows: WordCell[][] = []
  let rowLayouts: Array<DocRow | undefined> = []
  let nextLayout = 0
  const closeTable = () => {
    if (row.length > 0) {
      rows.push(row)
      rowLayouts.push(undefined)
    }
    if (rows.length > 0) blocks.push(tableOf(rows, rowLayouts))
    rows = []
    row = []
    rowLayouts = []
  }
  for (const ch of text) {
    switch (ch) {
      case '\r':
      case '\f':
        // A paragraph outside any table: a table before it has ended.
        if (cellParagraphs.length > 0) {
          // Marked as in a table but not closed by a cell mark: keep the text.
          paragraph = [...cellParagraphs, paragraph].join('\n')
          cellParagraphs = []
        }
        closeTable()
        blocks.push({kind: 'paragraph', text: paragraph})
        paragraph = ''
        break
      case '\u2029':
        cellParagraphs.push(paragraph)
        paragraph = ''
        break
      case '\x07':
        cellParagraphs.push(paragraph)
        row.push({column: row.length, colSpan: 1, rowSpan: 1, blocks: cellParagraphs.map((t) => ({kind: 'paragraph', text: t}))})
        cellParagraphs = []
        paragraph = ''
        break
      case '\n':
        // The row mark (word-extractor writes it as a newline); its layout is the next one in order.
        if (row.length > 0) {
          rows.push(row)
          rowLayouts.push(layouts[nextLayout])
        }
        nextLayout++
        row = []
        paragraph = ''
        break
      case '\x0b':
        paragraph += '\n'
        break
      case '\x1e':
        paragraph += '-'
        break
      default:
        if (ch >= ' ' || ch === '\t') paragraph += ch
    }
  }
  if (cellParagraphs.length > 0) paragraph = [...cellParagraphs, paragraph].join('\n')
  closeTable()
  if (paragraph !== '') blocks.push({kind: 'paragraph', text: paragraph})
  return blocks
}

/**
 * A table from its rows. With the rows' layouts (when each has as many cells
 * as its row), the grid's columns are the cells' distinct edges: a cell
 * spans the columns between its edges, and a cell marked as merged into the
 * one above (`vertMerge` 1) adds a row to it. Without, cells are numbered
 * left to right.
 */
function tableOf(rows: WordCell[][], layouts: Array<DocRow | undefined>): WordTable {
  const usable = rows.every((row, r) => layouts[r]?.vertMerge.length === row.length)
  if (!usable) return {kind: 'table', columns: Math.max(...rows.map((r) => r.length)), rows}
  // Edges closer than a tenth of a centimetre (57 twips) are one.
  const edges: number[] = []
  for (const edge of layouts.flatMap((l) => l!.edges).sort((a, b) => a - b)) {
    if (edges.length === 0 || edge - edges[edges.length - 1] > 57) edges.push(edge)
  }
  const column = (x: number) => {
    let best = 0
    for (let k = 1; k < edges.length; k++) if (Math.abs(edges[k] - x) < Math.abs(edges[best] - x)) best = k
    return best
  }
  const out: WordCell[][] = rows.map(() => [])
  const above = new Map<number, {cell: WordCell; row: number}>()
  for (const [r, row] of rows.entries()) {
    const layout = layouts[r]!
    for (const [i, cell] of row.entries()) {
      const start = column(layout.edges[i])
      const span = Math.max(1, column(layout.edges[i + 1]) - start)
      const placed: WordCell = {...cell, column: start, colSpan: span}
      const open = above.get(start)
      if (layout.vertMerge[i] === 1 && open && open.cell.colSpan === span) {
        open.cell.rowSpan = r - open.row + 1
        open.cell.blocks.push(...cell.blocks.filter((b) => b.kind === 'table' || b.text.trim() !== ''))
        continue
      }
      out[r].push(placed)
      above.set(start, {cell: placed, row: r})
    }
  }
  return {kind: 'table', columns: Math.max(1, edges.length - 1), rows: out}
}

/** Fields (`\x13 code \x14 result \x15`, nested) replaced by their result; page numbers and result-less fields dropped. */
function resolveFields(text: string): string {
  let out = ''
  // Open fields, innermost last: the code so far and whether the result has started.
  const open: Array<{code: string; result: boolean}> = []
  for (const ch of text) {
    if (ch === '\x13') open.push({code: '', result: false})
    else if (ch === '\x14' && open.length > 0) open[open.length - 1].result = true
    else if (ch === '\x15' && open.length > 0) open.pop()
    else if (open.length === 0) out += ch
    else {
      const top = open[open.length - 1]
      if (!top.result) top.code += ch
      else if (open.every((f) => f.result && !pageFields.test(f.code))) out += ch
    }
  }
  return out
}
