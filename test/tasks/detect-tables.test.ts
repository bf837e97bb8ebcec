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

  it('should end the table at a paragraph and keep the paragraph out', () => {
    const lines = ['TT\tNội dung\tChủ trì', '1\tA\tB', '2\tC\tD', '', 'Nơi nhận:', '- Như trên;']
    const [block] = detectTables(lines)
    expect(block.end).toBe(3)
    expect(block.rows).toHaveLength(3)
  })
})
