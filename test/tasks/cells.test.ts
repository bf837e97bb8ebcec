/**
 * Task tables the reader saw as cells: fields read by column meaning
 * through the grid; a cell merged down over two tasks goes to both; a task
 * whose number cell is merged over two rows keeps its two products apart;
 * a group title merged across the row is a group, not a lead.
 */
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {composePages} from '../../src/read/layout/compose.js'
import type {PageTable} from '../../src/read/layout/table-cells.js'
import parser from '../../src/parser/index.js'
import tasks from '../../src/tasks/index.js'
import type {LayoutCell} from '../../src/read/types.js'

/** A table from rows of [text, rowSpan?, colSpan?] placed left to right past covered slots. */
function grid(rows: Array<Array<string | [string, number, number?]>>, columns: number): PageTable {
  const covered = new Set<string>()
  const cells: LayoutCell[] = []
  rows.forEach((row, r) => {
    let c = 0
    for (const item of row) {
      while (covered.has(`${r},${c}`)) c++
      const [text, rowSpan, colSpan] = typeof item === 'string' ? [item, 1, 1] : [item[0], item[1], item[2] ?? 1]
      for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) covered.add(`${r + i},${c + j}`)
      cells.push({row: r, column: c, rowSpan, colSpan, text, confidence: 1, bbox: {x0: 100 * c, y0: 40 * r, x1: 100 * (c + colSpan), y1: 40 * (r + rowSpan)}})
      c += colSpan
    }
  })
  return {method: 'lattice', bbox: {x0: 0, y0: 0, x1: 100 * columns, y1: 40 * rows.length}, rows: rows.length, columns, cells}
}

/** The tasks of tables read as cells, one page each (`between`: a line of text above each table but the first). */
function extract(table: PageTable | PageTable[], between?: string) {
  const line = (text: string) => ({words: [{text, bbox: {x0: 0, y0: -50, x1: 100, y1: -38}, confidence: 1}]})
  const composed = composePages(
    [table].flat().map((t, k) => ({number: k + 1, width: 1000, height: 800, route: 'pdf-text' as const, lines: k > 0 && between ? [line(between)] : [], tables: [t]}))
  )
  const file = new VFile({value: composed.text})
  file.data.layout = composed.layout
  const processor = unified().use(parser).use(tasks, {year: 2026})
  processor.runSync(processor.parse(file), file)
  return file.data.tasks ?? []
}

const header = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Thời gian hoàn thành', 'Chủ trì thực hiện', 'Phối hợp thực hiện']

describe('tasks from cells', () => {
  it('gives a lead merged down over two tasks to both, and a group title merged across the row is a group', () => {
    const found = extract(
      grid(
        [
          header,
          ['I', ['Cải cách thể chế', 1, 5]],
          ['1', 'Rà soát văn bản', 'Báo cáo', 'Quý I/2026', ['Văn phòng HĐND và UBND xã', 2], 'Các phòng'],
          ['2', 'Kiểm tra văn bản', 'Kế hoạch', 'Quý II/2026', 'Công an xã'],
          ['3', 'Tuyên truyền', 'Tin bài', 'Cả năm', 'Phòng Văn hóa - Xã hội', '']
        ],
        6
      )
    )
    expect(found.map((t) => [t.id, t.group, t.lead.map((a) => a.name), t.cooperating.map((a) => a.name), t.outputs])).toEqual([
      ['1', 'Cải cách thể chế', ['Văn phòng HĐND và UBND'], ['Các phòng'], ['Báo cáo']],
      ['2', 'Cải cách thể chế', ['Văn phòng HĐND và UBND'], ['Công an xã'], ['Kế hoạch']],
      ['3', 'Cải cách thể chế', ['Phòng Văn hóa - Xã hội'], [], ['Tin bài']]
    ])
  })

  it('keeps the two products of a task whose number is merged over two rows as two, in one task', () => {
    const found = extract(
      grid(
        [
          header,
          [['1', 2], ['Tổng kiểm kê tài sản công', 2], 'Báo cáo kết quả kiểm kê', 'Quý I/2026', ['Phòng Kinh tế', 2], ['Các phòng', 2]],
          ['Cơ sở dữ liệu tài sản', 'Quý I/2026'],
          ['2', 'Công khai ngân sách', 'Báo cáo', 'Quý II/2026', 'Phòng Kinh tế', '']
        ],
        6
      )
    )
    expect(found.map((t) => [t.id, t.content, t.outputs, t.lead.length])).toEqual([
      ['1', 'Tổng kiểm kê tài sản công', ['Báo cáo kết quả kiểm kê', 'Cơ sở dữ liệu tài sản'], 1],
      ['2', 'Công khai ngân sách', ['Báo cáo'], 1]
    ])
  })

  it('reads a table continued over pages under its repeated header: group, a row cut by the break, a lead merged across it', () => {
    const head = [...header, 'Theo dõi, kiểm tra, đôn đốc']
    const numbers = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']
    const found = extract([
      grid(
        [
          head,
          numbers,
          ['I', ['Cải cách thể chế', 1, 6]],
          ['1', 'Rà soát văn bản', 'Báo cáo', 'Quý I/2026', ['Văn phòng HĐND và', 2], 'Các phòng', ['Văn phòng', 2]],
          ['2', 'Kiểm tra văn bản quy phạm', 'Kế hoạch', 'Quý II/2026', 'Công an xã']
        ],
        7
      ),
      grid(
        [
          head,
          numbers,
          ['', 'pháp luật', '', '', ['UBND xã', 2], '', ['HĐND và UBND xã', 2]],
          ['3', 'Tuyên truyền', 'Tin bài', 'Cả năm 2026', 'Các thôn'],
          ['4', 'Tổng kết', 'Báo cáo', 'Quý IV/2026', '', '', '']
        ],
        7
      )
    ])
    expect(found.map((t) => [t.id, t.group, t.content, t.lead.map((a) => a.raw), t.monitoring?.map((a) => a.raw)])).toEqual([
      ['1', 'Cải cách thể chế', 'Rà soát văn bản', ['Văn phòng HĐND và'], ['Văn phòng']],
      ['2', 'Cải cách thể chế', 'Kiểm tra văn bản quy phạm pháp luật', ['Văn phòng HĐND và UBND xã'], ['Văn phòng HĐND và UBND xã']],
      ['3', 'Cải cách thể chế', 'Tuyên truyền', ['Văn phòng HĐND và UBND xã'], ['Văn phòng HĐND và UBND xã']],
      ['4', 'Cải cách thể chế', 'Tổng kết', [], []]
    ])
  })

  it('knows a repeated header OCR read differently on the next page, and goes on with the table', () => {
    const found = extract([
      grid([['STT', 'Nhiệm vụ', 'Sản phẩm', 'Thời gian hoàn thành', 'Chủ trì thực hiện', 'Phối hợp thực hiện'], ['I', ['Cải cách thể chế', 1, 5]], ['1', 'Rà soát', 'Báo cáo', 'Quý I/2026', 'Phòng Kinh tế', '']], 6),
      grid([['SIT', 'Nhiệm vụ', 'Sản P phẩm', 'Thời zian hoàn thành', 'Chủ trì thực hiện', 'Phối hợp thựch hiện'], ['2', 'Kiểm tra', 'Báo cáo', 'Quý II/2026', 'Công an xã', '']], 6)
    ])
    expect(found.map((t) => [t.id, t.group, t.timeframe?.raw])).toEqual([
      ['1', 'Cải cách thể chế', 'Quý I/2026'],
      ['2', 'Cải cách thể chế', 'Quý II/2026']
    ])
  })

  it('gives the lead of a cell merged from the last row of a page on over the next page\'s first tasks', () => {
    const found = extract([
      grid([header, ['1', 'Rà soát', 'Báo cáo', 'Quý I/2026', 'Phòng Kinh tế', '']], 6),
      grid([header, ['2', 'Kiểm tra', 'Báo cáo', 'Quý II/2026', ['', 2], ''], ['3', 'Tổng kết', 'Báo cáo', 'Quý IV/2026', '']], 6)
    ])
    expect(found.map((t) => [t.id, t.lead.map((a) => a.name)])).toEqual([
      ['1', ['Phòng Kinh tế']],
      ['2', ['Phòng Kinh tế']],
      ['3', ['Phòng Kinh tế']]
    ])
  })

  it('reads a header in two rows: a spanning "Cơ quan thực hiện" over "Chủ trì" and "Phối hợp", the other cells merged down', () => {
    const found = extract(
      grid(
        [
          [['TT', 2], ['Nội dung', 2], ['Cơ quan thực hiện', 1, 2], ['Thời gian', 2]],
          ['Chủ trì', 'Phối hợp'],
          ['1', 'Rà soát', 'Phòng Kinh tế', 'Công an xã', 'Quý I/2026']
        ],
        5
      )
    )
    expect(found.map((t) => [t.id, t.lead[0]?.name, t.cooperating[0]?.name, t.timeframe?.raw])).toEqual([['1', 'Phòng Kinh tế', 'Công an xã', 'Quý I/2026']])
  })

  it('takes a second table that numbers from 1 again as a new table, its ids qualified by its ordinal', () => {
    const body = (name: string) => [header, ['1', `${name} một`, 'Báo cáo', 'Quý I/2026', 'Công an xã', ''], ['2', `${name} hai`, 'Báo cáo', 'Quý II/2026', 'Công an xã', '']]
    const found = extract([grid(body('Năm 2026'), 6), grid(body('Năm 2027'), 6)], 'PHỤ LỤC II')
    expect(found.map((t) => [t.id, t.content])).toEqual([
      ['1', 'Năm 2026 một'],
      ['2', 'Năm 2026 hai'],
      ['2.1', 'Năm 2027 một'],
      ['2.2', 'Năm 2027 hai']
    ])
  })

  it('reads "Trách nhiệm thực hiện" as the lead and the year a time-frame header names', () => {
    const found = extract(
      grid(
        [
          ['TT', 'Nội dung', 'Trách nhiệm thực hiện', 'Thời gian (Năm 2027)'],
          ['1', 'Rà soát', 'Phòng Kinh tế; Các sở, ban, ngành', 'Quý I'],
          ['2', 'Kiểm tra', 'Sở Nội vụ chủ trì, phối hợp với các sở,\nngành liên quan', 'Quý II']
        ],
        4
      )
    )
    expect(found).toMatchObject([
      {lead: [{name: 'Phòng Kinh tế'}, {raw: 'Các sở, ban, ngành'}], cooperating: [], timeframe: {start: '2027-01-01', end: '2027-03-31'}},
      {lead: [{raw: 'Sở Nội vụ'}], cooperating: [{raw: 'các sở, ngành liên quan'}]}
    ])
    expect(found[0].monitoring).toBeUndefined()
  })
})
