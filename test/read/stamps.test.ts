/**
 * Stamps and signature boxes are kept out of the text and given apart
 * (`src/read/layout/stamps.ts`).
 */
import {describe, expect, it} from 'vitest'
import {composePages, type PageInput} from '../../src/read/layout/compose.js'
import {cleanStampText, splitStamps, stampKind} from '../../src/read/layout/stamps.js'
import type {LayoutWord} from '../../src/read/types.js'

/** A line of words laid left to right from `x`, at `y`, 10 units high. */
function line(text: string, x: number, y: number, confidence = 0.95): {words: LayoutWord[]} {
  let at = x
  return {
    words: text.split(' ').map((word) => {
      const w = {text: word, confidence, bbox: {x0: at, y0: y, x1: at + 6 * word.length, y1: y + 10}}
      at += 6 * word.length + 4
      return w
    })
  }
}

function page(lines: Array<{words: LayoutWord[]}>, extra: Partial<PageInput> = {}): PageInput {
  return {number: 1, width: 600, height: 850, route: 'ocr', lines, ...extra}
}

describe('stamps', () => {
  it('knows a stamp by its words', () => {
    expect(stampKind('Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi')).toBe('e-signature')
    expect(stampKind('Thời gian ký: 17/01/2025 17:06:30')).toBe('e-signature')
    expect(stampKind('ĐẾN Số: 1614')).toBe('received')
    expect(stampKind('HỎA TỐC', 'mark')).toBe('urgency')
    expect(stampKind('SAO Y BẢN CHÍNH', 'mark')).toBe('copy')
    expect(stampKind('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;')).toBeNull()
    expect(stampKind('Khẩn trương triển khai', 'mark')).toBeNull()
  })

  it('keeps the lines of a signature box in the top margin out of the header', () => {
    const {page: kept, stamps} = splitStamps(
      page([
        line('Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi', 350, 5),
        line('Tho gia KP. 001 17:06:30', 350, 17, 0.3),
        line('ỦY BAN NHÂN DÂN', 60, 80),
        line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, 80),
        line('Số: /QĐ-UBND', 70, 115)
      ])
    )
    expect(kept.lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: /QĐ-UBND'])
    expect(stamps).toHaveLength(1)
    expect(stamps[0]).toMatchObject({kind: 'e-signature', page: 1})
    expect(stamps[0].text).toContain('Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi')
  })

  it('leaves lines above the Quốc hiệu that are no stamp, and a page without one, as they are', () => {
    const lines = [line('Mẫu số 01', 60, 20), line('ỦY BAN NHÂN DÂN', 60, 80), line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, 80)]
    expect(splitStamps(page(lines)).stamps).toEqual([])
    expect(splitStamps(page([line('Ký bởi: Ủy ban nhân dân tỉnh', 60, 20), line('Điều 1. Nội dung', 60, 80)])).stamps).toEqual([])
  })

  it('takes a mark alone on its line anywhere, and the words inside a box read apart', () => {
    const widget = {kind: 'e-signature' as const, text: 'Ký bởi: Sở Nội vụ\nThời gian ký: 05/02/2025 10:00:00', page: 1, bbox: {x0: 300, y0: 0, x1: 590, y1: 60}, confidence: 0.9}
    const {page: kept, stamps} = splitStamps(page([line('TRUNG TÂM CÔNG BÁO', 320, 10), line('HỎA TỐC', 40, 300), line('Kính gửi: Sở Tài chính', 60, 320)], {stamps: [widget]}))
    expect(kept.lines.map((l) => l.words.map((w) => w.text).join(' '))).toEqual(['Kính gửi: Sở Tài chính'])
    expect(stamps.map((s) => s.kind)).toEqual(['e-signature', 'urgency'])
  })

  it('gives the stamps in the layout, not in the text', () => {
    const composed = composePages([
      page([line('HỎA TỐC', 40, 40), line('ỦY BAN NHÂN DÂN', 60, 80), line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, 80)])
    ])
    expect(composed.text).not.toContain('HỎA TỐC')
    expect(composed.layout.stamps).toEqual([expect.objectContaining({kind: 'urgency', text: 'HỎA TỐC', page: 1})])
  })

  it('cleans the noise OCR reads into a stamp’s logo', () => {
    expect(cleanStampText('¬ Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\nˆ SÂN TỰ, Cơ quan: Tỉnh Quảng Ngãi\n\\\\gai.goV.V = NA E\nx\\\\YAA')).toBe(
      'Ký bởi: Ủy ban nhân dân tỉnh Quảng Ngãi\nCơ quan: Tỉnh Quảng Ngãi'
    )
  })
})
