/**
 * Markers the Vietnamese model misreads, put right by the numbering around
 * them — and left alone where nothing says what they are.
 */
import {describe, expect, it} from 'vitest'
import {repairMarkers, romanMarker, rowNumber} from '../../src/read/layout/repair-markers.js'
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
      ['43.', '43.']
    ]) expect(rowNumber(read), read).toBe(want)
    for (const read of ['TT', 'Ban', 'ab', '1234']) expect(rowNumber(read), read).toBeUndefined()
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
