/**
 * Markers the Vietnamese model misreads, put right by the numbering around
 * them — and left alone where nothing says what they are.
 */
import {describe, expect, it} from 'vitest'
import {repairColumnNumbers, repairMarkers, romanMarker, rowNumber} from '../../src/read/layout/repair-markers.js'
import type {LayoutCell} from '../../src/read/types.js'
import type {LayoutLine} from '../../src/read/types.js'

const lines = (...texts: string[]): LayoutLine[] =>
  texts.map((text) => ({text, bbox: {x0: 0, y0: 0, x1: 1, y1: 1}, confidence: 0.9, words: text.split(/[ \t]+/).filter(Boolean).map((w) => ({text: w, bbox: {x0: 0, y0: 0, x1: 1, y1: 1}, confidence: 0.9}))}))
const repaired = (...texts: string[]) => {
  const given = lines(...texts)
  repairMarkers(given)
  return given.map((l) => l.text)
}

describe('romanMarker and rowNumber', () => {
  it('reads Roman numerals and their usual misreadings', () => {
    for (const [read, want] of [
      ['I.', 'I.'],
      ['IV', 'IV.'],
      ['L', 'I.'],
      ['H.', 'II.'],
      ['HI.', 'III.'],
      ['VI.', 'VI.']
    ]) expect(romanMarker(read), read).toBe(want)
    for (const read of ['Lưu:', 'Hà', 'X1', 'Điều']) expect(romanMarker(read), read).toBeUndefined()
  })

  it('reads row numbers with digits misread as letters', () => {
    for (const [read, want] of [
      ['12', '12'],
      ['3z', '32'],
      ['l', '1'],
      ['1O', '10'],
      ['43.', '43.'],
      ['5:', '5.']
    ]) expect(rowNumber(read), read).toBe(want)
    for (const read of ['TT', 'Ban', 'ab', '1234', ':']) expect(rowNumber(read), read).toBeUndefined()
  })
})

describe('repairMarkers', () => {
  it('puts right Roman headings by the numbering before them', () => {
    expect(repaired('L MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'I. NHIỆM VỤ, GIẢI PHÁP', 'HI. KINH PHÍ', 'IV. TỔ CHỨC THỰC HIỆN')).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      'III. KINH PHÍ',
      'IV. TỔ CHỨC THỰC HIỆN'
    ])
  })

  it('leaves lines that are not headings alone', () => {
    const text = ['L Hà Nội, ngày 5 tháng 3', 'H. và các đơn vị', 'I. Mục tiêu chung', 'I. Mục tiêu cụ thể']
    expect(repaired(...text)).toEqual(text)
  })

  it('puts right the first cells of a table: group numerals, look-alike digits, a lost digit', () => {
    expect(
      repaired('TI\tNội dung\tCơ quan', 'L\tChỉ đạo\t', 'l\tBan hành\tPhòng', '2\tĐịnh kỳ\tPhòng', 'H.\tCải cách thể chế\t', '10\tTổ chức\tVăn phòng', '1\tBan hành\tVăn phòng', '12\tTăng cường\tVăn phòng', 'II.\tCải cách TTHC\t', '3z\tTriển khai\tPhòng', 'VI Xây dựng Chính quyền số\t\t')
    ).toEqual(['TT\tNội dung\tCơ quan', 'I.\tChỉ đạo\t', '1\tBan hành\tPhòng', '2\tĐịnh kỳ\tPhòng', 'II.\tCải cách thể chế\t', '10\tTổ chức\tVăn phòng', '11\tBan hành\tVăn phòng', '12\tTăng cường\tVăn phòng', 'III.\tCải cách TTHC\t', '32\tTriển khai\tPhòng', 'VI. Xây dựng Chính quyền số\t\t'])
  })

  it('takes a group numeral garbled past the known misreadings for the one the numbering expects, "SIT" for "STT", and a sub-number that lost its dot', () => {
    expect(
      repaired('SIT\tNhiệm vụ\tSản phẩm', 'I.\tChỉ đạo\t', '1.1\tBan hành\tKế hoạch', '1.2\tTổng hợp\tBáo cáo', '13\tTự đánh giá\tBáo cáo', '1.4\tTriển khai\tKế hoạch', '1H\tCải cách thể chế\t', 'IHI\tCải cách TTHC\t', '13\tRà soát\tVăn bản')
    ).toEqual(['STT\tNhiệm vụ\tSản phẩm', 'I.\tChỉ đạo\t', '1.1\tBan hành\tKế hoạch', '1.2\tTổng hợp\tBáo cáo', '1.3\tTự đánh giá\tBáo cáo', '1.4\tTriển khai\tKế hoạch', 'II.\tCải cách thể chế\t', 'III.\tCải cách TTHC\t', '13\tRà soát\tVăn bản'])
  })

  it('leaves row numbers that restart in each group alone', () => {
    const text = ['TT\tNội dung', 'I.\tNhóm một', '1\tViệc a', '2\tViệc b', 'II.\tNhóm hai', '1\tViệc c', '2\tViệc d']
    expect(repaired(...text)).toEqual(text)
  })

  it('reads "Đ" after "e)" as "f)", after "d)" as "đ)", and nowhere else', () => {
    expect(repaired('d) Bốn', 'Đ) Năm', 'e) Sáu', 'Đ Bảy')).toEqual(['d) Bốn', 'đ) Năm', 'e) Sáu', 'f) Bảy'])
    expect(repaired('Đ) Năm', 'a) Một', 'Đ Hai')).toEqual(['Đ) Năm', 'a) Một', 'Đ Hai'])
  })

  it('reports each change and keeps the first word in step with the text', () => {
    const given = lines('L MỤC ĐÍCH', '3z\tViệc')
    expect(repairMarkers(given)).toEqual([
      {line: 0, from: 'L', to: 'I.'},
      {line: 1, from: '3z', to: '32'}
    ])
    expect(given[0].words?.[0].text).toBe('I.')
    expect(given[1].words?.[0].text).toBe('32')
  })
})

describe('repairColumnNumbers', () => {
  const row = (r: number, texts: string[]): LayoutCell[] => texts.map((text, column) => ({row: r, column, rowSpan: 1, colSpan: 1, text, confidence: 0.9}))

  it('puts right the garbled cells of the row of column numbers under the header', () => {
    const cells = [...row(0, ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Thời gian', 'Chủ trì', 'Phối hợp', 'Theo dõi']), ...row(1, ['G1)', '(2', '(3)', '(4)', '(9)', '(6)', '(7)']), ...row(2, ['1', 'Ban hành', 'Quyết định', 'Quý I', 'Phòng', 'Các phòng', 'Văn phòng'])]
    expect(repairColumnNumbers(cells)).toEqual([
      {row: 1, column: 0, from: 'G1)', to: '(1)'},
      {row: 1, column: 1, from: '(2', to: '(2)'},
      {row: 1, column: 4, from: '(9)', to: '(5)'}
    ])
    expect(cells.filter((c) => c.row === 1).map((c) => c.text)).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'])
  })

  it('puts right a row of which only two cells read right when the others hold a bracket or a digit', () => {
    const cells = row(1, ['G1)', '(2', '(3)', '(4)', '(9)', '(6', 'Cơ)'])
    expect(repairColumnNumbers(cells).map((r) => r.to)).toEqual(['(1)', '(2)', '(5)', '(6)', '(7)'])
    expect(repairColumnNumbers(row(1, ['6?', '(2)', '(3)', '(4)', '', 'G1']))).toHaveLength(3)
  })

  it('leaves a row alone when less than two cells read right, when a cell holds more than a number, or a word without a bracket or digit', () => {
    expect(repairColumnNumbers(row(1, ['G1)', '(2', '(3)', 'đ)', '(9)']))).toEqual([])
    expect(repairColumnNumbers(row(1, ['1', '2', 'Ba', '4']))).toEqual([])
    const task = row(1, ['1', '2', '3', '4', 'Phòng Văn hóa'])
    expect(repairColumnNumbers(task)).toEqual([])
  })
})
