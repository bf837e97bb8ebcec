/**
 * Numbers written by hand into the printed header (`src/read/handwriting/`):
 * the marks are cut out, read by the shipped pen-digit model, and put in the
 * place of what OCR made of them; unsure → `⟨?⟩`; print is left to OCR.
 */
import type {SKRSContext2D} from '@napi-rs/canvas'
import {afterAll, describe, expect, it} from 'vitest'
import {FONT_FAMILY} from '../../src/fixture/fonts.js'
import {digitImage} from '../../src/read/handwriting/digit-image.js'
import {regionMarks} from '../../src/read/handwriting/marks.js'
import type {GreyImage} from '../../src/read/image/grey-image.js'
import {createOcrPool} from '../../src/read/index.js'
import {ocrPage} from '../../src/read/ocr-page.js'
import {drawPage, grey} from './pages.js'

const pool = createOcrPool({workers: 1})
afterAll(() => pool.terminate())

/** Pen strokes of a few digits (a unit box, y down), drawn as a hand would: a crossed 7, an open 4, a 1 with its lead-in. */
const PEN: Record<string, Array<Array<[number, number]>>> = {
  '1': [[[0.05, 0.5], [0.6, 0], [0.55, 1]]],
  '4': [[[0.5, 0], [0.05, 0.62], [0.95, 0.62]], [[0.72, 0.25], [0.7, 1]]],
  '7': [[[0.05, 0.05], [0.95, 0], [0.45, 1]], [[0.25, 0.5], [0.8, 0.5]]]
}

function pen(context: SKRSContext2D, digits: string, x: number, baseline: number, height: number): void {
  context.save()
  context.lineWidth = height * 0.11
  context.lineCap = 'round'
  context.lineJoin = 'round'
  context.strokeStyle = '#000'
  let at = x
  for (const digit of digits) {
    for (const stroke of PEN[digit]) {
      context.beginPath()
      stroke.forEach(([u, v], i) => {
        // Slanted a little to the right, as written.
        const px = at + u * height * 0.6 + (1 - v) * height * 0.15
        const py = baseline - height + v * height
        if (i === 0) context.moveTo(px, py)
        else context.lineTo(px, py)
      })
      context.stroke()
    }
    at += height * 0.75
  }
  context.restore()
}

/** A header strip: `Số: … /QĐ-UBND` and `Hà Nội, ngày … tháng 01 năm 2025`, with `fill(context)` writing into the gaps. */
function header(fill: (context: SKRSContext2D) => void): GreyImage {
  const canvas = drawPage(2400, 700, 0, (context) => {
    context.fillStyle = '#000'
    context.strokeStyle = '#000'
    context.font = `54px "${FONT_FAMILY}"`
    context.fillText('ỦY BAN NHÂN DÂN', 120, 120)
    context.fillText('Số:', 180, 300)
    context.fillText('/QĐ-UBND', 420, 300)
    context.font = `italic 54px "${FONT_FAMILY}"`
    context.fillText('Hà Nội, ngày', 1200, 300)
    context.fillText('tháng 01 năm 2025', 1700, 300)
    context.font = `54px "${FONT_FAMILY}"`
    context.fillText('Căn cứ Luật Tổ chức chính quyền địa phương;', 180, 560)
    fill(context)
  })
  return grey(canvas)
}

describe('pen marks', () => {
  it('sees a mark the same however it leans', () => {
    const bar = (lean: number) => {
      const width = 40
      const height = 60
      const ink = new Uint8Array(width * height)
      for (let y = 0; y < height; y++) for (let x = 0; x < 6; x++) ink[y * width + Math.round(10 + lean * (height - y)) + x] = 1
      return digitImage({width, height, ink})!
    }
    const upright = bar(0)
    const leaning = bar(0.4)
    let difference = 0
    for (let i = 0; i < upright.length; i++) difference += Math.abs(upright[i] - leaning[i])
    expect(difference / upright.reduce((a, v) => a + v, 0)).toBeLessThan(0.2)
    expect(Math.max(...upright)).toBeLessThanOrEqual(1)
  })

  it('cuts the marks of a field apart, without the colon, the slash of the code or the line above', () => {
    const image = header((context) => pen(context, '47', 290, 305, 80))
    const {marks, cut} = regionMarks(image, {x0: 262, y0: 190, x1: 418, y1: 360}, 54, {top: 250, bottom: 304})
    expect(cut).toBe(false)
    expect(marks).toHaveLength(2)
    expect(marks[0].x0).toBeLessThan(marks[1].x0)
  })
})

describe('handwritten header fields', () => {
  it('reads the number and the day written by hand, and puts them in the place of the OCR reading', async () => {
    const image = header((context) => {
      pen(context, '47', 285, 305, 80)
      pen(context, '17', 1545, 305, 80)
    })
    const page = await ocrPage(image, pool)
    expect(page.fillIns.map((f) => [f.kind, f.text])).toEqual([
      ['number', '47'],
      ['day', '17']
    ])
    const text = page.lines.map((l) => l.words.map((w) => w.text).join(' '))
    expect(text.find((t) => t.startsWith('Số:'))).toContain('Số: 47 /QĐ-UBND')
    expect(text.find((t) => t.includes('tháng'))).toContain('ngày 17 tháng 01 năm 2025')
  })

  it('writes ⟨?⟩ for a mark that is no digit it is sure of', async () => {
    const image = header((context) => {
      context.lineWidth = 9
      context.beginPath()
      // A scribble where the number goes.
      for (const [i, [x, y]] of [[285, 240], [330, 300], [300, 230], [360, 290], [320, 250], [390, 300]].entries()) {
        if (i === 0) context.moveTo(x, y)
        else context.lineTo(x, y)
      }
      context.stroke()
    })
    const page = await ocrPage(image, pool)
    const number = page.fillIns.find((f) => f.kind === 'number')
    expect(number?.text).toBe('⟨?⟩')
    expect(page.lines.map((l) => l.words.map((w) => w.text).join(' ')).find((t) => t.startsWith('Số:'))).toContain('Số: ⟨?⟩ /QĐ-UBND')
  })

  it('leaves a number typed in print to OCR', async () => {
    const image = header((context) => {
      context.font = `54px "${FONT_FAMILY}"`
      context.fillText('15', 300, 300)
      context.font = `italic 54px "${FONT_FAMILY}"`
      context.fillText('09', 1545, 300)
    })
    const page = await ocrPage(image, pool)
    expect(page.fillIns).toEqual([])
    const text = page.lines.map((l) => l.words.map((w) => w.text).join(' '))
    expect(text.find((t) => t.startsWith('Số:'))).toContain('15')
  })
})
