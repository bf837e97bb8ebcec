/**
 * Stream tables from text-layer runs: columns from the gutters of aligned
 * runs, rows from the number column (or the rules across), a group row's
 * title running over the columns, two cells' texts run together by pdf.js
 * cut apart at the gutter; prose and two-column blocks are no table.
 */
import {describe, expect, it} from 'vitest'
import {findStreamTables} from '../../src/read/pdf/stream.js'
import type {LayoutWord} from '../../src/read/types.js'

const size = 12
/** A run (a pdf.js text item) at `x` on baseline `base`: its words, 6 units a letter, spaces included. */
function run(text: string, x: number, base: number): LayoutWord[] {
  const words: LayoutWord[] = []
  let offset = 0
  for (const part of text.split(/(\s+)/)) {
    if (part.trim() !== '') words.push({text: part, confidence: 1, bbox: {x0: x + 6 * offset, y0: base - 0.8 * size, x1: x + 6 * (offset + part.length), y1: base + 0.2 * size}})
    offset += part.length
  }
  return words
}

/** The runs of a table row: cell texts (lines split on `\n`) at the column starts, from baseline `base`. */
function row(cells: string[], base: number, columns = [60, 100, 300, 420]): LayoutWord[][] {
  return cells.flatMap((cell, c) => cell.split('\n').map((line, k) => (line ? run(line, columns[c], base + 14 * k) : []))).filter((r) => r.length > 0)
}

const cellTexts = (table: ReturnType<typeof findStreamTables>['tables'][number]) =>
  Array.from({length: table.rows}, (_, r) => table.cells.filter((c) => c.row === r).map((c) => c.text))

describe('findStreamTables', () => {
  it('finds columns from the gutters and rows from the number column', () => {
    const runs = [
      run('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH', 150, 60),
      ...row(['TT', 'Nội dung', 'Chủ trì', 'Thời gian'], 100),
      ...row(['I', 'Cải cách thể chế và thủ tục hành chính của xã', '', ''], 120),
      ...row(['1', 'Rà soát văn bản quy\nphạm pháp luật', 'Văn phòng\nHĐND và UBND', 'Quý I/2026'], 140),
      ...row(['2', 'Kiểm tra văn bản', 'Công an xã', 'Cả năm'], 190),
      run('Ghi chú: các cơ quan báo cáo kết quả thực hiện về Văn phòng HĐND và UBND xã trước ngày 15/12.', 60, 260)
    ]
    const {tables, runs: rest} = findStreamTables(runs, [])
    expect(tables).toHaveLength(1)
    expect(tables[0]).toMatchObject({method: 'stream', rows: 4, columns: 4})
    expect(cellTexts(tables[0])).toEqual([
      ['TT', 'Nội dung', 'Chủ trì', 'Thời gian'],
      ['I', 'Cải cách thể chế và thủ tục hành chính của xã', ''],
      ['1', 'Rà soát văn bản quy\nphạm pháp luật', 'Văn phòng\nHĐND và UBND', 'Quý I/2026'],
      ['2', 'Kiểm tra văn bản', 'Công an xã', 'Cả năm']
    ])
    // The group title runs over the lead column: one cell spanning both.
    expect(tables[0].cells.find((c) => c.row === 1 && c.column === 1)?.colSpan).toBe(2)
    expect(rest.flat().map((w) => w.text).slice(0, 3)).toEqual(['KẾ', 'HOẠCH', 'CẢI'])
    expect(rest.flat().some((w) => w.text === 'Ghi')).toBe(true)
  })

  it('cuts two cells pdf.js ran into one run at the gutter', () => {
    // The last row's two right cells as one run, its words where they stand.
    const joined = [run('2', 60, 160), run('Kiểm tra văn bản', 100, 160), [...run('Công an xã', 300, 160), ...run('Cả năm', 420, 160)]]
    const runs = [...row(['TT', 'Nội dung', 'Chủ trì', 'Thời gian'], 100), ...row(['1', 'Rà soát văn bản', 'Văn phòng', 'Quý I/2026'], 140), ...joined]
    const {tables} = findStreamTables(runs, [])
    expect(cellTexts(tables[0])[2]).toEqual(['2', 'Kiểm tra văn bản', 'Công an xã', 'Cả năm'])
  })

  it('splits rows at the rules across the table when there is no number column', () => {
    const at = [60, 140, 300, 420]
    const runs = [...row(['Nội dung', 'Mô tả', 'Chủ trì', 'Thời gian'], 100, at), ...row(['Rà soát', 'Văn bản\nquy phạm', 'Văn phòng', 'Quý I'], 130, at), ...row(['Kiểm tra', 'Công vụ', 'Công an xã', 'Cả năm'], 175, at)]
    const rules = [88, 117, 160, 190].map((y) => ({y, x0: 55, x1: 480}))
    const {tables} = findStreamTables(runs, rules)
    expect(cellTexts(tables[0]).map((r) => r[0])).toEqual(['Nội dung', 'Rà soát', 'Kiểm tra'])
    expect(cellTexts(tables[0])[1][1]).toBe('Văn bản\nquy phạm')
  })

  it('finds no table in prose or in a two-column block', () => {
    const prose = [
      run('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;', 60, 100),
      run('Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;', 60, 116),
      [...run('ỦY BAN NHÂN DÂN', 60, 140), ...run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 140)],
      [...run('XÃ CHẤN HƯNG', 80, 156), ...run('Độc lập - Tự do - Hạnh phúc', 320, 156)],
      [...run('Số: 15/KH-UBND', 70, 172), ...run('Chấn Hưng, ngày 14 tháng 01 năm 2026', 300, 172)]
    ]
    expect(findStreamTables(prose, []).tables).toEqual([])
  })
})
