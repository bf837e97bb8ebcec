import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {detectTables} from '../../src/parser/tables/index.js'

const seed = (name: string) =>
  readFileSync(new URL(`../../fixtures/${name}/input.txt`, import.meta.url), 'utf8').split(/\r?\n/)

describe('detectTables: tabs', () => {
  it('should find the one appendix table of seed 000 with a row per numbered line', () => {
    const lines = seed('seed-000')
    const blocks = detectTables(lines)
    expect(blocks).toHaveLength(1)
    const [block] = blocks
    expect(block.layout).toBe('tabs')
    expect(lines[block.start].startsWith('TT\tNội dung')).toBe(true)
    // The closing `----\t--` rule line belongs to the block but is no row.
    expect(lines[block.end - 1].startsWith('----')).toBe(true)
    const numbered = lines.filter((line) => /^\d+\t/.test(line)).length
    const groups = lines.filter((line) => /^[IVX]+\.[\t ]/.test(line) && line.includes('\t')).length
    expect(numbered).toBe(43)
    expect(block.rows).toHaveLength(1 + groups + numbered)
    expect(block.rows.every((row) => row.cells.length === 6)).toBe(true)
  })

  it('should keep group rows with trailing empty cells, with their positions', () => {
    const lines = seed('seed-000')
    const [block] = detectTables(lines)
    const group = block.rows.find((row) => row.cells[0].text.startsWith('V. '))!
    expect(group.cells[0].text).toBe('V. Cải cách chế độ công vụ')
    expect(group.cells.slice(1).every((cell) => cell.text === '')).toBe(true)
    const row16 = block.rows.find((row) => row.cells[0].text === '16')!
    const line = lines[row16.lines[0]]
    const lead = row16.cells[2]
    expect(line.slice(lead.column, lead.column + lead.text.length)).toBe('Trung tâm Phục vụ HCC')
  })

  it('should find no table in seeds without one', () => {
    for (const name of ['seed-001', 'seed-002', 'seed-003', 'seed-004']) {
      expect(detectTables(seed(name))).toEqual([])
    }
  })

  it('should not take a two-column header block for a table', () => {
    const lines = ['ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'XÃ CHẤN HƯNG\tĐộc lập - Tự do - Hạnh phúc']
    expect(detectTables(lines)).toEqual([])
  })

  it('should merge a line with an empty first cell into the row above', () => {
    const lines = [
      'TT\tNội dung\tChủ trì\tThời gian',
      '1\tBan hành Kế hoạch\tPhòng Văn hoá-\tQuý I/2026',
      '\tcải cách hành chính\tXã hội\t',
      '2\tKiểm tra\tVăn phòng\tQuý II/2026'
    ]
    const [block] = detectTables(lines)
    expect(block.rows).toHaveLength(3)
    expect(block.rows[1].lines).toEqual([1, 2])
    expect(block.rows[1].cells[1].text).toBe('Ban hành Kế hoạch\ncải cách hành chính')
    expect(block.rows[1].cells[1].fragments).toHaveLength(2)
    expect(block.rows[1].cells[2].text).toBe('Phòng Văn hoá-\nXã hội')
  })

  it('should join a cell broken by a newline (a short row completed by the next line)', () => {
    const lines = [
      'TT\tNội dung\tChủ trì\tThời gian\tSản phẩm',
      '1\tBan hành Kế hoạch\tPhòng Văn hoá - Xã hội',
      'và Trung tâm Văn hóa\tQuý I/2026\tKế hoạch',
      '2\tKiểm tra\tVăn phòng\tQuý II/2026\tBáo cáo'
    ]
    const [block] = detectTables(lines)
    expect(block.rows).toHaveLength(3)
    expect(block.rows[1].cells.map((cell) => cell.text)).toEqual([
      '1',
      'Ban hành Kế hoạch',
      'Phòng Văn hoá - Xã hội\nvà Trung tâm Văn hóa',
      'Quý I/2026',
      'Kế hoạch'
    ])
  })

  it('should end a table at the next appendix\'s heading, not take the heading into its last cell', () => {
    const head = 'TT\tNội dung\tChủ trì\tThời gian'
    const lines = [head, '1\tRà soát\tPhòng Kinh tế\tQuý I', '', 'PHỤ LỤC II', 'NHIỆM VỤ NĂM 2027', '', head, '1\tKiểm tra\tCông an xã\tQuý II']
    const blocks = detectTables(lines)
    expect(blocks.map((b) => [b.start, b.end])).toEqual([
      [0, 2],
      [6, 8]
    ])
  })

  it('should end the table at a paragraph and keep the paragraph out', () => {
    const lines = ['TT\tNội dung\tChủ trì', '1\tA\tB', '2\tC\tD', '', 'Nơi nhận:', '- Như trên;']
    const [block] = detectTables(lines)
    expect(block.end).toBe(3)
    expect(block.rows).toHaveLength(3)
  })
})

describe('detectTables: pipes', () => {
  it('should read a markdown table, dropping the rule line', () => {
    const lines = [
      'Phụ lục',
      '| TT | Nội dung | Cơ quan chủ trì | Thời gian |',
      '|---|---|---|---|',
      '| 1 | Ban hành Kế hoạch | Phòng Kinh tế | Quý I/2026 |',
      '| 2 | Kiểm tra \\| rà soát | Công an xã | Quý II/2026 |',
      'Nơi nhận:'
    ]
    const [block] = detectTables(lines)
    expect(block).toMatchObject({layout: 'pipes', start: 1, end: 5})
    expect(block.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian'],
      ['1', 'Ban hành Kế hoạch', 'Phòng Kinh tế', 'Quý I/2026'],
      ['2', 'Kiểm tra | rà soát', 'Công an xã', 'Quý II/2026']
    ])
    const cell = block.rows[1].cells[2]
    expect(lines[cell.line].slice(cell.column, cell.column + cell.text.length)).toBe('Phòng Kinh tế')
  })

  it('should make one row of the lines between two rules of a grid table', () => {
    const lines = [
      '+----+-------------------+-----------+',
      '| TT | Nội dung          | Chủ trì   |',
      '+====+===================+===========+',
      '| 1  | Ban hành Kế hoạch | Phòng Văn |',
      '|    | cải cách          | hoá-Xã hội|',
      '+----+-------------------+-----------+',
      '| 2  | Kiểm tra          | Công an   |',
      '+----+-------------------+-----------+'
    ]
    const [block] = detectTables(lines)
    expect(block).toMatchObject({layout: 'pipes', start: 0, end: 8})
    expect(block.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['TT', 'Nội dung', 'Chủ trì'],
      ['1', 'Ban hành Kế hoạch\ncải cách', 'Phòng Văn\nhoá-Xã hội'],
      ['2', 'Kiểm tra', 'Công an']
    ])
  })

  it('should keep a marked paragraph before a new markdown table out of the table above', () => {
    const lines = [
      '| TT | Nội dung | Mức thu |',
      '| --- | --- | --- |',
      '| 1 | A | B |',
      'b) Bổ sung điểm như sau:',
      '',
      '| TT | Nội dung | Mức thu |',
      '| --- | --- | --- |',
      '| 2 | C | D |'
    ]
    const blocks = detectTables(lines)
    expect(blocks.map((block) => [block.start, block.end])).toEqual([
      [0, 3],
      [5, 8]
    ])
  })
})

describe('detectTables: aligned columns', () => {
  const lines = [
    'Phụ lục',
    '',
    'TT   Nội dung nhiệm vụ              Cơ quan chủ trì     Thời gian      Sản phẩm',
    '                                                        thực hiện',
    'I.   Chỉ đạo điều hành',
    '1    Ban hành Kế hoạch cải cách     Phòng Văn hoá -     Trước ngày     Quyết định ban',
    '     hành chính năm 2026            Xã hội              15/01/2026     hành Kế hoạch',
    '2    Tổng hợp báo cáo               Công an xã          Quý IV/2026    Báo cáo',
    '',
    '                         - 2 -',
    '',
    'TT   Nội dung nhiệm vụ              Cơ quan chủ trì     Thời gian      Sản phẩm',
    '                                                        thực hiện',
    '     thực hiện công tác CCHC',
    'II. Cải cách thể chế',
    '3    Rà soát văn bản                Văn phòng           Cả năm 2026    Kế hoạch',
    '',
    'Nơi nhận:',
    '- Như trên;'
  ]

  it('should find the columns, join wrapped cells and keep group rows', () => {
    const [block] = detectTables(lines)
    expect(block).toMatchObject({layout: 'aligned', start: 2, end: 16, breaks: [9]})
    expect(block.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian\nthực hiện', 'Sản phẩm'],
      ['I.', 'Chỉ đạo điều hành'],
      ['1', 'Ban hành Kế hoạch cải cách\nhành chính năm 2026', 'Phòng Văn hoá -\nXã hội', 'Trước ngày\n15/01/2026', 'Quyết định ban\nhành Kế hoạch'],
      // Row 2 goes on after the page break and the repeated header.
      ['2', 'Tổng hợp báo cáo\nthực hiện công tác CCHC', 'Công an xã', 'Quý IV/2026', 'Báo cáo'],
      ['II. Cải cách thể chế'],
      ['3', 'Rà soát văn bản', 'Văn phòng', 'Cả năm 2026', 'Kế hoạch']
    ])
  })

  it('should not take prose with double spaces or a two-column header for a table', () => {
    expect(
      detectTables([
        'Căn cứ Nghị định số 08/2015/NĐ-CP  ngày 21 tháng 01 năm 2015 của Chính phủ quy định chi tiết;',
        'Căn cứ Nghị định số 31/2018/NĐ-CP  ngày 08 tháng 3 năm 2018 của Chính phủ  quy định chi tiết;',
        'Căn cứ Nghị định số 43/2017/NĐ-CP  ngày 14 tháng 4 năm 2017 của Chính phủ  về nhãn hàng hóa;'
      ])
    ).toEqual([])
    expect(
      detectTables([
        'ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'XÃ CHẤN HƯNG                 Độc lập - Tự do - Hạnh phúc',
        'Số: 15/KH-UBND               Chấn Hưng, ngày 14 tháng 9 năm 2025'
      ])
    ).toEqual([])
  })
})

describe('detectTables: pages', () => {
  it('should continue a tab table over a form feed and a repeated header', () => {
    const lines = [
      'TT\tNội dung\tChủ trì\tThời gian',
      '1\tA\tPhòng Kinh tế\tQuý I/2026',
      '2\tB\tCông an xã\tQuý II/2026',
      '\fTT\tNội dung\tChủ trì\tThời gian',
      '\tcủa B\t\t',
      '3\tC\tPhòng Kinh tế\tQuý III/2026'
    ]
    const [block] = detectTables(lines)
    expect(block).toMatchObject({start: 0, end: 6, breaks: [3]})
    expect(block.rows.map((row) => row.cells[1].text)).toEqual(['Nội dung', 'A', 'B\ncủa B', 'C'])
    expect(block.rows[2].lines).toEqual([2, 4])
  })
})
