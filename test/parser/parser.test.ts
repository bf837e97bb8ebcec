import {describe, expect, it} from 'vitest'
import {stripEmphasis} from '../../src/vietnamese/emphasis.js'
import {parseText} from '../../src/parser/index.js'
import type {Paragraph, Table} from '../../src/tree/types.js'

const values = (text: string) =>
  parseText(text).children.map((c) => (c.type === 'paragraph' ? (c as Paragraph).value : `[${c.type}]`))

describe('parser', () => {
  it('should join a hard-wrapped line that continues in lower case', () => {
    expect(values('Thực hiện Chương trình tổng thể cải cách hành chính nhà nước\nxã Nguyễn Giáp giai đoạn 2026 - 2030')).toEqual([
      'Thực hiện Chương trình tổng thể cải cách hành chính nhà nước xã Nguyễn Giáp giai đoạn 2026 - 2030'
    ])
  })

  it('should join a word broken at a hyphen without a space', () => {
    expect(values('Nghị quyết số 76/NQ-\nCP ngày 15/7/2021')).toEqual(['Nghị quyết số 76/NQ-CP ngày 15/7/2021'])
  })

  it('should keep headings, list items and capital lines on their own', () => {
    expect(values('KẾ HOẠCH\nThực hiện Chương trình\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Thực hiện tốt mục tiêu')).toEqual([
      'KẾ HOẠCH',
      'Thực hiện Chương trình',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '- Thực hiện tốt mục tiêu'
    ])
  })

  it('should join across a page-break blank line when the sentence goes on', () => {
    expect(values('a) Tiếp tục bảo đảm đồng\n\nbộ với các quy định.\n\nb) Cơ cấu lại.')).toEqual([
      'a) Tiếp tục bảo đảm đồng bộ với các quy định.',
      'b) Cơ cấu lại.'
    ])
  })

  it('should not join a finished sentence to the next paragraph', () => {
    expect(values('Kinh phí thực hiện theo quy định.\nCác cơ quan thực hiện.')).toEqual([
      'Kinh phí thực hiện theo quy định.',
      'Các cơ quan thực hiện.'
    ])
  })

  it('should undo a PDF extraction that puts a blank line after every line', () => {
    const lines = [
      'I. MỤC ĐÍCH ',
      '1. Mục đích ',
      'Thực hiện tốt mục tiêu chung được Chính phủ đề ra tại Nghị quyết số ',
      '76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách ',
      'hành chính nhà nước giai đoạn 2021 - 2030, tăng cường trách nhiệm của thành phố ',
      'Hải Phòng trong việc thực hiện nhiệm vụ. ',
      '- Gắn mục tiêu cải cách hành chính với việc thực hiện Nghị quyết số 45- ',
      'NQ/TW ngày 24/01/2019 của Bộ Chính trị. ',
      '2. Yêu cầu ',
      '- Cụ thể hóa để thực hiện đầy đủ các quan điểm. ',
      '- Các phòng, đơn vị nhận thức đầy đủ. '
    ]
    expect(values(lines.join('\n\n'))).toEqual([
      'I. MỤC ĐÍCH',
      '1. Mục đích',
      'Thực hiện tốt mục tiêu chung được Chính phủ đề ra tại Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, tăng cường trách nhiệm của thành phố Hải Phòng trong việc thực hiện nhiệm vụ.',
      '- Gắn mục tiêu cải cách hành chính với việc thực hiện Nghị quyết số 45-NQ/TW ngày 24/01/2019 của Bộ Chính trị.',
      '2. Yêu cầu',
      '- Cụ thể hóa để thực hiện đầy đủ các quan điểm.',
      '- Các phòng, đơn vị nhận thức đầy đủ.'
    ])
  })

  it('should turn tab-separated rows into one table, blank lines included', () => {
    const tree = parseText('Phụ lục\nTT\tNội dung\tCơ quan chủ trì\n1\tBan hành\tPhòng Kinh tế\n\n2\tRà soát\tVăn phòng\nKết thúc.')
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph', 'table', 'paragraph'])
    const table = tree.children[1] as Table
    expect(table.children.map((r) => r.children.map((c) => c.value))).toEqual([
      ['TT', 'Nội dung', 'Cơ quan chủ trì'],
      ['1', 'Ban hành', 'Phòng Kinh tế'],
      ['2', 'Rà soát', 'Văn phòng']
    ])
    expect(table.children[2].children[1].position?.start).toEqual({line: 5, column: 3, offset: 64})
  })

  it('should give paragraphs positions in the input text', () => {
    const tree = parseText('Số: /QĐ-UBND\n\n  Chấn Hưng, ngày tháng 01 năm 2026')
    const second = tree.children[1] as Paragraph
    expect(second.position?.start).toEqual({line: 3, column: 3, offset: 16})
    expect(second.position?.end.line).toBe(3)
  })
})

describe('parser on OCR debris', () => {
  it('should not throw on a lone pipe (OCR of a stroke) inside a piped table', () => {
    const tree = parseText('| TT | Nội dung |\n| 1 | Ban hành |\n|\n| 2 | Kiểm tra |\n')
    expect(tree.children.some((c) => c.type === 'table')).toBe(true)
  })
})

describe('stripEmphasis', () => {
  it('should remove markdown emphasis around words', () => {
    expect(stripEmphasis('- Cơ quan chủ trì: **Phòng Văn hóa - Xã hội.**')).toBe('- Cơ quan chủ trì: Phòng Văn hóa - Xã hội.')
    expect(stripEmphasis('*Căn cứ Luật Tổ chức;')).toBe('Căn cứ Luật Tổ chức;')
    expect(stripEmphasis('giai đoạn 2021-2030;*')).toBe('giai đoạn 2021-2030;')
    expect(stripEmphasis('(***báo cáo năm***)')).toBe('(báo cáo năm)')
  })

  it('should keep a star used as a bullet', () => {
    expect(stripEmphasis('* Nội dung')).toBe('* Nội dung')
  })
})
