/**
 * Tables the reader saw as cells (`layout.tables`): the parser builds the
 * table node from the cells, not from the lines it wrote them as; a table
 * whose lines were edited since is read as text, with a message.
 */
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {composePages} from '../../src/read/layout/compose.js'
import type {PageTable} from '../../src/read/layout/table-cells.js'
import {parseText} from '../../src/parser/index.js'
import type {Table} from '../../src/tree/types.js'

const cell = (row: number, column: number, text: string, rowSpan = 1, colSpan = 1) => ({
  row,
  column,
  rowSpan,
  colSpan,
  text,
  confidence: 1,
  bbox: {x0: 100 * column, y0: 50 * row + 200, x1: 100 * (column + colSpan), y1: 50 * (row + rowSpan) + 200}
})

const table: PageTable = {
  method: 'lattice',
  bbox: {x0: 0, y0: 200, x1: 300, y1: 400},
  rows: 4,
  columns: 3,
  cells: [
    cell(0, 0, 'TT'),
    cell(0, 1, 'Nội dung'),
    cell(0, 2, 'Chủ trì'),
    cell(1, 0, 'I'),
    cell(1, 1, 'Cải cách thể chế', 1, 2),
    cell(2, 0, '1'),
    cell(2, 1, 'Rà soát văn bản\nquy phạm'),
    cell(2, 2, 'Văn phòng\nHĐND và UBND xã', 2),
    cell(3, 0, '2'),
    cell(3, 1, 'Kiểm tra\tvăn bản')
  ]
}

function file(): VFile {
  const composed = composePages([
    {number: 3, width: 800, height: 600, route: 'pdf-text', lines: [{words: [{text: 'PHỤ', bbox: {x0: 0, y0: 100, x1: 30, y1: 112}, confidence: 1}, {text: 'LỤC', bbox: {x0: 35, y0: 100, x1: 70, y1: 112}, confidence: 1}]}], tables: [table]}
  ])
  const f = new VFile({value: composed.text})
  f.data.layout = composed.layout
  return f
}

describe('parser: the reader\'s tables', () => {
  it('builds the table from the cells: grid place, spans, own line breaks, page and box', () => {
    const f = file()
    const tree = parseText(String(f.value), f)
    const node = tree.children.find((c) => c.type === 'table') as Table
    expect(node.data).toMatchObject({layout: 'lattice', rows: 4, columns: 3, page: 3})
    expect(node.children.map((row) => row.children.map((c) => c.value))).toEqual([
      ['TT', 'Nội dung', 'Chủ trì'],
      ['I', 'Cải cách thể chế'],
      ['1', 'Rà soát văn bản\nquy phạm', 'Văn phòng\nHĐND và UBND xã'],
      ['2', 'Kiểm tra văn bản']
    ])
    const merged = node.children[2].children[2]
    expect(merged.data).toMatchObject({row: 2, column: 2, rowSpan: 2, colSpan: 1, page: 3, bbox: {x0: 200, y0: 300, x1: 300, y1: 400}, confidence: 1})
    expect(node.children[1].children[1].data).toMatchObject({column: 1, colSpan: 2})
  })

  it('points each cell at its text on the line its row was written as', () => {
    const f = file()
    const text = String(f.value)
    const tree = parseText(text, f)
    const node = tree.children.find((c) => c.type === 'table') as Table
    for (const row of node.children) {
      for (const c of row.children) {
        const {start, end} = c.position!
        expect(text.slice(start.offset, end.offset)).toBe(c.value.replace(/\s+/g, ' '))
      }
    }
    expect(node.position!.start.line).toBe(3)
  })

  it('reads a table whose lines were edited as text, and says so', () => {
    const f = file()
    f.value = String(f.value).replace('Rà soát', 'Rà  soát')
    const tree = parseText(String(f.value), f)
    const node = tree.children.find((c) => c.type === 'table') as Table
    expect(node.data?.layout).toBe('tabs')
    expect(f.messages.map((m) => m.ruleId)).toEqual(['layout-table-mismatch'])
  })

  it('numbers the cells of a table found in text left to right', () => {
    const tree = parseText('TT\tNội dung\tChủ trì\n1\tRà soát\tVăn phòng\n2\tKiểm tra\tCông an xã')
    const node = tree.children[0] as Table
    expect(node.children[1].children.map((c) => c.data)).toEqual([{row: 1, column: 0}, {row: 1, column: 1}, {row: 1, column: 2}])
  })
})
