/**
 * Composing OCR'd pages into text: two-column zones and what is not one,
 * rows kept apart when a swollen word straddles two lines, ruled tables from
 * their grid, and boxes of a straightened page mapped back onto the page.
 */
import {describe, expect, it} from 'vitest'
import {composePages, type PageInput} from '../../src/read/layout/compose.js'
import type {LayoutWord} from '../../src/read/types.js'

/** Words of a line of text starting at `x`, `y`: each word as wide as 14 units a letter, 40 high. */
function line(text: string, x: number, y: number, height = 40): {words: LayoutWord[]} {
  const words: LayoutWord[] = []
  for (const w of text.split(' ')) {
    words.push({text: w, confidence: 0.95, bbox: {x0: x, y0: y, x1: x + 14 * [...w].length, y1: y + height}})
    x += 14 * [...w].length + 12
  }
  return {words}
}

const page = (lines: Array<{words: LayoutWord[]}>, extra: Partial<PageInput> = {}): PageInput => ({number: 1, width: 2480, height: 3508, route: 'ocr', lines, ...extra})

describe('composePages', () => {
  it('reads the ND 30 header column by column', () => {
    const {text} = composePages([
      page([
        line('ỦY BAN NHÂN DÂN', 300, 200),
        line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 1200, 200),
        line('XÃ CHẤN HƯNG', 330, 260),
        line('Độc lập - Tự do - Hạnh phúc', 1300, 260),
        line('Số: /QĐ-UBND', 330, 340),
        line('Chấn Hưng, ngày tháng 01 năm 2026', 1250, 340)
      ])
    ])
    expect(text.split('\n').filter(Boolean)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ CHẤN HƯNG', 'Số: /QĐ-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Chấn Hưng, ngày tháng 01 năm 2026'])
  })

  it('keeps a line of prose whole when OCR lost a word in its middle (a hole, not two columns)', () => {
    const first = line('Điều 1. Ban hành kèm', 250, 1000)
    const after = line('Quyết định này “Kế hoạch Cải cách hành chính nhà', 1000, 1000)
    const {text} = composePages([page([{words: [...first.words, ...after.words]}, line('nước xã Chấn Hưng năm 2026”.', 250, 1060)])])
    expect(text.split('\n')).toEqual(['Điều 1. Ban hành kèm Quyết định này “Kế hoạch Cải cách hành chính nhà', 'nước xã Chấn Hưng năm 2026”.'])
  })

  it('does not run two lines together when a word beside them is swollen over both (a stamp, a speck)', () => {
    const name = line('Nguyễn Anh Tuấn', 1600, 2730)
    name.words[0].bbox.y0 = 2705
    name.words[0].bbox.y1 = 2795
    const {text} = composePages([
      page([line('- Các ban, ngành, phòng chuyên môn của xã;', 350, 2715), line('- Các cơ sở thôn; trạm y tế; trường học;', 350, 2772), name, line('- Trung tâm Dịch vụ sự nghiệp công xã;', 350, 2828)])
    ])
    const lines = text.split('\n').filter(Boolean)
    expect(lines).toContain('- Các cơ sở thôn; trạm y tế; trường học;')
    expect(lines.some((l) => l.includes('Các ban') && l.includes('Các cơ sở'))).toBe(false)
  })

  it('rebuilds a ruled table from its grid, a wrapped cell whole, a merged cell in its first column', () => {
    const grid = {
      xs: [200, 300, 1000, 1400],
      ys: [500, 560, 620, 760],
      open: [
        [false, false],
        [false, true],
        [false, false]
      ]
    }
    const {text} = composePages([
      page(
        [
          line('TT', 220, 510),
          line('Nội dung nhiệm vụ', 320, 510),
          line('Cơ quan chủ trì', 1020, 510),
          line('I.', 220, 570),
          line('Chỉ đạo điều hành, kiểm tra và tuyên truyền', 320, 570),
          line('1', 220, 630),
          line('Ban hành Kế hoạch cải cách', 320, 630),
          line('hành chính năm 2026', 320, 690),
          line('Phòng Văn hoá-Xã', 1020, 630),
          line('hội', 1020, 690)
        ],
        {grids: [grid]}
      )
    ])
    expect(text.split('\n')).toEqual(['TT\tNội dung nhiệm vụ\tCơ quan chủ trì', 'I.\tChỉ đạo điều hành, kiểm tra và tuyên truyền\t', '1\tBan hành Kế hoạch cải cách hành chính năm 2026\tPhòng Văn hoá-Xã hội'])
  })

  it('gives a ruled table as cells: grid place, merged columns, the cell\'s own line breaks, the lines it was written on', () => {
    const grid = {xs: [200, 300, 1000, 1400], ys: [500, 560, 620, 760], open: [[false, false], [false, true], [false, false]]}
    const {text, layout} = composePages([
      page(
        [
          line('PHỤ LỤC', 600, 300),
          line('TT', 220, 510),
          line('Nội dung nhiệm vụ', 320, 510),
          line('Cơ quan chủ trì', 1020, 510),
          line('I.', 220, 570),
          line('Chỉ đạo điều hành, kiểm tra và tuyên truyền', 320, 570),
          line('1', 220, 630),
          line('Ban hành Kế hoạch cải cách', 320, 630),
          line('hành chính năm 2026', 320, 690),
          line('Phòng Văn hoá-Xã', 1020, 630),
          line('hội', 1020, 690)
        ],
        {grids: [grid]}
      )
    ])
    const [table] = layout.tables!
    const lines = text.split('\n')
    expect(table).toMatchObject({method: 'grid', page: 1, rows: 3, columns: 3})
    expect(lines.slice(table.lines.start, table.lines.end)).toEqual([
      'TT\tNội dung nhiệm vụ\tCơ quan chủ trì',
      'I.\tChỉ đạo điều hành, kiểm tra và tuyên truyền\t',
      '1\tBan hành Kế hoạch cải cách hành chính năm 2026\tPhòng Văn hoá-Xã hội'
    ])
    expect(table.cells.map((c) => [c.row, c.column, c.rowSpan, c.colSpan, c.text])).toEqual([
      [0, 0, 1, 1, 'TT'],
      [0, 1, 1, 1, 'Nội dung nhiệm vụ'],
      [0, 2, 1, 1, 'Cơ quan chủ trì'],
      [1, 0, 1, 1, 'I.'],
      [1, 1, 1, 2, 'Chỉ đạo điều hành, kiểm tra và tuyên truyền'],
      [2, 0, 1, 1, '1'],
      [2, 1, 1, 1, 'Ban hành Kế hoạch cải cách\nhành chính năm 2026'],
      [2, 2, 1, 1, 'Phòng Văn hoá-Xã\nhội']
    ])
    expect(table.cells[4].bbox).toEqual({x0: 300, y0: 560, x1: 1400, y1: 620})
    expect(table.cells.every((c) => c.page === 1 && c.confidence === 0.95)).toBe(true)
  })

  it('joins an abbreviation a narrow cell broke inside ("HĐND&UBN" / "D xã"), not two lines of words', () => {
    const grid = {xs: [200, 300, 420], ys: [500, 560, 700], open: [[false], [false]]}
    const {layout} = composePages([
      page([line('TT', 220, 510), line('Chủ trì', 320, 510), line('1', 220, 570), line('Văn phòng', 305, 570), line('HĐND&UBN', 305, 615), line('D xã', 305, 660)], {grids: [grid]})
    ])
    expect(layout.tables![0].cells[3].text).toBe('Văn phòng\nHĐND&UBND xã')
  })

  it('puts a repaired row marker right in its cell too ("TI" read for "TT")', () => {
    const grid = {xs: [200, 300, 1000, 1400], ys: [500, 560, 620], open: [[false, false], [false, false]]}
    const {text, layout} = composePages([
      page([line('TI', 220, 510), line('Nội dung nhiệm vụ', 320, 510), line('Cơ quan chủ trì', 1020, 510), line('1', 220, 570), line('Ban hành Kế hoạch', 320, 570), line('Công an xã', 1020, 570)], {grids: [grid]})
    ])
    expect(text.split('\n')[0]).toBe('TT\tNội dung nhiệm vụ\tCơ quan chủ trì')
    expect(layout.tables![0].cells[0]).toMatchObject({text: 'TT', words: [{text: 'TT'}]})
  })

  it('places a table the engine read as cells among the page\'s lines, by its top', () => {
    const cells = [
      {row: 0, column: 0, rowSpan: 1, colSpan: 1, text: 'TT', confidence: 1, bbox: {x0: 200, y0: 500, x1: 300, y1: 560}},
      {row: 0, column: 1, rowSpan: 1, colSpan: 1, text: 'Nội dung', confidence: 1, bbox: {x0: 300, y0: 500, x1: 900, y1: 560}},
      {row: 1, column: 0, rowSpan: 1, colSpan: 1, text: '1', confidence: 1, bbox: {x0: 200, y0: 560, x1: 300, y1: 700}},
      {row: 1, column: 1, rowSpan: 2, colSpan: 1, text: 'Kiểm tra\ncông vụ', confidence: 1, bbox: {x0: 300, y0: 560, x1: 900, y1: 800}},
      {row: 2, column: 0, rowSpan: 1, colSpan: 1, text: '2', confidence: 1, bbox: {x0: 200, y0: 700, x1: 300, y1: 800}}
    ]
    const table = {method: 'lattice' as const, bbox: {x0: 200, y0: 500, x1: 900, y1: 800}, rows: 3, columns: 2, cells}
    const {text, layout} = composePages([page([line('Trên bảng', 200, 300), line('Dưới bảng', 200, 900)], {route: 'pdf-text', tables: [table]})])
    expect(text.split('\n')).toEqual(['Trên bảng', '', 'TT\tNội dung', '1\tKiểm tra công vụ', '2\t', '', 'Dưới bảng'])
    expect(layout.tables![0].lines).toEqual({start: 2, end: 5})
    expect(layout.lines[3]).toEqual({page: 1, bbox: {x0: 200, y0: 560, x1: 900, y1: 800}, confidence: 1})
  })

  it('orders a straightened page, then maps its boxes back onto the page and records the skew', () => {
    const {layout} = composePages([page([line('Căn cứ Luật Tổ chức chính quyền địa phương', 300, 1000)], {skew: {degrees: 1, cx: 1240, cy: 1754}})])
    const [first] = layout.pages[0].lines
    expect(layout.pages[0].skew).toBe(1)
    // The page is turned clockwise: the line's first word, 940 units left of the centre, stands 16 units higher on it.
    const word = first.words![0]
    expect(word.bbox.y0).toBeGreaterThan(1000 - 18)
    expect(word.bbox.y0).toBeLessThan(1000 - 13)
    expect(layout.lines[0]?.bbox).toEqual(first.bbox)
  })
})
