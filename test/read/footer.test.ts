/**
 * The foot of a document read column by column (`src/read/reread-footer.ts`):
 * where it starts, the gutter between recipients and signature, and a real
 * OCR of a foot whose signature lines stand level with the recipients.
 */
import {afterAll, describe, expect, it} from 'vitest'
import {FONT_FAMILY} from '../../src/fixture/fonts.js'
import {createOcrPool} from '../../src/read/index.js'
import {ocrPage} from '../../src/read/ocr-page.js'
import {findGutter, footTop, recipientsHeading} from '../../src/read/reread-footer.js'
import type {OcrWord} from '../../src/read/ocr-pool.js'
import {drawPage, grey} from './pages.js'

const pool = createOcrPool({workers: 1})
afterAll(() => pool.terminate())

const word = (text: string, x0: number, y0: number, x1: number): OcrWord => ({text, bbox: {x0, y0, x1, y1: y0 + 30}, confidence: 0.9})

describe('foot of the page', () => {
  it('knows the recipients heading as OCR reads it', () => {
    for (const text of ['Nơi nhận:', 'Näơi nhận:', 'Xơi nhận:', 'Noi nhan:']) expect(recipientsHeading.test(text)).toBe(true)
    for (const text of ['Nội dung', 'Người nhận tiền', 'Nơi làm việc']) expect(recipientsHeading.test(text)).toBe(false)
  })

  it('starts at the heading, or at the items above the filed copy when the heading is lost', () => {
    const body = {words: [word('Đề', 100, 1500, 160), word('nghị', 170, 1500, 240)]}
    const withHeading = [body, {words: [word('Nơi', 100, 2000, 160), word('nhận:', 170, 2000, 260)]}, {words: [word('-', 100, 2040, 110), word('Như', 120, 2040, 180)]}]
    expect(footTop(withHeading, 2480, 3508)).toBe(2000)
    const lost = [body, {words: [word('-', 100, 2040, 110), word('Như', 120, 2040, 180)]}, {words: [word('-', 100, 2080, 110), word('Lưu:', 120, 2080, 180), word('VT.', 190, 2080, 240)]}]
    expect(footTop(lost, 2480, 3508)).toBe(2040)
    expect(footTop([body], 2480, 3508)).toBeNull()
  })

  it('cuts at the widest gap in the middle that no word crosses', () => {
    const boxes = [word('a', 100, 0, 900).bbox, word('b', 1400, 0, 2300).bbox, word('c', 100, 40, 1000).bbox]
    expect(findGutter(boxes, [100, 2300], 15)).toEqual([1000, 1400])
    expect(findGutter([word('prose', 100, 0, 2300).bbox], [100, 2300], 15)).toBeNull()
  })

  it('reads recipients and signature apart when their lines stand level', async () => {
    const canvas = drawPage(2480, 1200, 0, (context) => {
      context.fillStyle = '#000'
      context.font = `44px "${FONT_FAMILY}"`
      context.fillText('Yêu cầu các sở, ban, ngành thực hiện nghiêm túc Chỉ thị này./.', 200, 150)
      context.font = `bold italic 40px "${FONT_FAMILY}"`
      context.fillText('Nơi nhận:', 200, 420)
      context.font = `34px "${FONT_FAMILY}"`
      const items = ['- Như trên;', '- Thường trực Tỉnh ủy;', '- CT, PCT UBND tỉnh;', '- Sở Nội vụ;', '- Lưu: VT, NC.']
      items.forEach((text, i) => context.fillText(text, 200, 470 + i * 48))
      context.font = `bold 44px "${FONT_FAMILY}"`
      context.fillText('KT. CHỦ TỊCH', 1550, 420)
      context.fillText('PHÓ CHỦ TỊCH', 1545, 470)
      context.fillText('Trần Hoàng Tuấn', 1500, 662)
    })
    const page = await ocrPage(grey(canvas), pool)
    const texts = page.lines.map((l) => l.words.map((w) => w.text).join(' '))
    const left = (t: string) => /Như|Tỉnh ủy|PCT|Nội vụ|Lưu/u.test(t)
    const right = (t: string) => /CHỦ|Tuấn|Trần/u.test(t)
    expect(texts.filter(left)).toHaveLength(5)
    expect(texts.filter((t) => left(t) && right(t))).toEqual([])
    expect(texts.some((t) => t.includes('Trần Hoàng Tuấn'))).toBe(true)
  })
})
