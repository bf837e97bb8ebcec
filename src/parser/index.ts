/**
 * The parser: the text of a file (plus its layout, when it has one) → a
 * sohoa tree of paragraphs and tables (see `src/tree/README.md`). Tables the
 * reader saw as cells (`layout.tables`) are built from their cells; tables
 * in the rest of the text are detected there (tabs, pipes, aligned).
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {LayoutTable} from '../read/types.js'
import type {Paragraph, FlatRoot, Table, TableCell, TableRow} from '../tree/types.js'
import {collapseSpaces} from '../normalize/fold.js'
import {stripEmphasis} from '../vietnamese/emphasis.js'
import {joinLines, joinTexts, type JoinLine} from './join-lines.js'
import {splitLines, type SourceLine} from './lines.js'
import {provenance} from './provenance.js'
import {layoutTableNode, usableTables} from './layout-tables.js'
import {detectTables, type TableBlock} from './tables/index.js'

/** Options of the parser (none yet). */
export type Options = Record<string, never>

/** Unified plugin: set the parser of the processor. */
const parser: Plugin<[Options?], string, FlatRoot> = function () {
  this.parser = (document: string, file: VFile) => parseText(document, file)
}

export default parser

/** Parse `text` into a tree; `file` gives the layout (when any). */
export function parseText(text: string, file?: VFile): FlatRoot {
  const lines = splitLines(text)
  const layout = file?.data.layout
  const children: FlatRoot['children'] = []
  let cursor = 0
  const flushText = (end: number) => {
    const slice: JoinLine[] = lines.slice(cursor, end).map((l) => ({index: l.index, text: cleanLine(l.text)}))
    for (const group of joinLines(slice)) children.push(paragraphOf(group, lines, layout))
  }
  for (const block of tableBlocks(lines, usableTables(layout?.tables, lines, file))) {
    flushText(block.start)
    children.push('layout' in block ? tableOf(block, lines, layout) : layoutTableNode(block.table, lines, layout))
    cursor = block.end
  }
  flushText(lines.length)
  const last = lines[lines.length - 1]
  return {
    type: 'root',
    children,
    position: {
      start: {line: 1, column: 1, offset: 0},
      end: {line: lines.length, column: last.text.length + 1, offset: text.length}
    }
  }
}

/**
 * The tables of the text in order: the reader's (`layoutTables`), and
 * those detected in the text between them.
 */
function tableBlocks(lines: SourceLine[], layoutTables: LayoutTable[]): Array<TableBlock | {start: number; end: number; table: LayoutTable}> {
  const blocks: Array<TableBlock | {start: number; end: number; table: LayoutTable}> = []
  let from = 0
  for (const table of [...layoutTables, undefined]) {
    const to = table ? table.lines.start : lines.length
    for (const block of detectTables(lines.slice(from, to).map((l) => l.text))) {
      blocks.push(shiftBlock(block, from))
    }
    if (table) {
      blocks.push({start: table.lines.start, end: table.lines.end, table})
      from = table.lines.end
    }
  }
  return blocks
}

/** A block detected in a slice of the lines, with its line numbers moved by `by`. */
function shiftBlock(block: TableBlock, by: number): TableBlock {
  if (by === 0) return block
  const shift = <T extends {line: number}>(f: T): T => ({...f, line: f.line + by})
  return {
    ...block,
    start: block.start + by,
    end: block.end + by,
    breaks: block.breaks.map((line) => line + by),
    rows: block.rows.map((row) => ({
      lines: row.lines.map((line) => line + by),
      cells: row.cells.map((cell) => ({...shift(cell), ...(cell.fragments ? {fragments: cell.fragments.map(shift)} : {})}))
    }))
  }
}

function cleanLine(text: string): string {
  return stripEmphasis(text.replace(/\t/g, ' ')).trim()
}

function paragraphOf(group: JoinLine[], lines: SourceLine[], layout: Parameters<typeof provenance>[0]): Paragraph {
  const first = lines[group[0].index]
  const last = lines[group[group.length - 1].index]
  const lead = first.text.length - first.text.trimStart().length
  const trail = last.text.trimEnd().length
  const node: Paragraph = {
    type: 'paragraph',
    value: joinTexts(group.map((l) => l.text)),
    position: {
      start: {line: first.index + 1, column: lead + 1, offset: first.offset + lead},
      end: {line: last.index + 1, column: trail + 1, offset: last.offset + trail}
    }
  }
  const data = provenance(
    layout,
    group.map((l) => l.index)
  )
  if (data) node.data = data
  return node
}

function tableOf(block: TableBlock, lines: SourceLine[], layout: Parameters<typeof provenance>[0]): Table {
  const rows: TableRow[] = block.rows.map((row, rowIndex) => {
    const cells: TableCell[] = row.cells.map((cell, column) => {
      const line = lines[cell.line]
      // A cell wrapped over several lines keeps its line breaks (they often separate items).
      const value = cell.text
        .split('\n')
        .map((part) => collapseSpaces(stripEmphasis(part)))
        .join('\n')
      const last = cell.fragments?.[cell.fragments.length - 1] ?? cell
      const lastLine = lines[last.line]
      return {
        type: 'tableCell',
        value,
        data: {row: rowIndex, column},
        position: {
          start: {line: cell.line + 1, column: cell.column + 1, offset: line.offset + cell.column},
          end: {
            line: last.line + 1,
            column: last.column + last.text.length + 1,
            offset: lastLine.offset + last.column + last.text.length
          }
        }
      }
    })
    const first = lines[row.lines[0]]
    const last = lines[row.lines[row.lines.length - 1]]
    const node: TableRow = {
      type: 'tableRow',
      children: cells,
      position: {
        start: {line: first.index + 1, column: 1, offset: first.offset},
        end: {line: last.index + 1, column: last.text.length + 1, offset: last.offset + last.text.length}
      }
    }
    const data = provenance(layout, row.lines)
    if (data) node.data = data
    return node
  })
  const first = lines[block.start]
  const last = lines[block.end - 1]
  const table: Table = {
    type: 'table',
    children: rows,
    data: {layout: block.layout, ...provenance(layout, range(block.start, block.end))},
    position: {
      start: {line: first.index + 1, column: 1, offset: first.offset},
      end: {line: last.index + 1, column: last.text.length + 1, offset: last.offset + last.text.length}
    }
  }
  return table
}

function range(start: number, end: number): number[] {
  return Array.from({length: end - start}, (_, i) => start + i)
}
