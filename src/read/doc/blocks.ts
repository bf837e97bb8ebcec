/**
 * The marked text of a DOC (`extract.ts`) → Word blocks: paragraphs, and
 * tables where the format marks them (cells end with `\x07`, rows with the
 * row mark, paragraphs inside cells are flagged). Fields keep their result
 * (a page number's too is dropped), drawing and footnote marks go.
 */
import type {WordBlock, WordCell, WordTable} from '../word/model.js'

/** Fields whose result is a page number. */
const pageFields = /^\s*(PAGE|NUMPAGES|SECTIONPAGES|PAGEREF)\b/i

/** Parse the marked text into blocks. */
export function docBlocks(raw: string): WordBlock[] {
  const text = resolveFields(raw)
  const blocks: WordBlock[] = []
  let paragraph = ''
  let cellParagraphs: string[] = []
  let row: WordCell[] = []
  let rows: WordCell[][] = []
  const closeTable = () => {
    if (row.length > 0) rows.push(row)
    if (rows.length > 0) blocks.push(tableOf(rows))
    rows = []
    row = []
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
        // The row mark (word-extractor writes it as a newline).
        if (row.length > 0) rows.push(row)
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

function tableOf(rows: WordCell[][]): WordTable {
  return {kind: 'table', columns: Math.max(...rows.map((r) => r.length)), rows}
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
