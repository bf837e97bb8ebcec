/**
 * Real tesseract.js OCR on skewed and sideways scans: a ruled table turned by
 * a degree, the committed generated fixtures (`fixtures/generated/`, made by
 * `npm run fixtures`: rotated, noisy, 200 dpi) parsed back, and a phone photo
 * stored on its side with an EXIF orientation tag.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {createCanvas, loadImage} from '@napi-rs/canvas'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from '../../src/parse.js'
import {characterErrorRate} from '../../src/read/error-rate.js'
import {createOcrPool, read, type OcrPool} from '../../src/read/index.js'
import {expectedLines, fixture, nonBlank, root} from './helpers.js'
import {withOrientation} from './pages.js'

let pool: OcrPool
beforeAll(() => {
  pool = createOcrPool({workers: 2})
})
afterAll(async () => {
  await pool.terminate()
})

const generated = (name: string, file: string) => path.join(root, 'fixtures/generated', name, file)
const rowsOf = (text: string) => nonBlank(text).filter((l) => l.includes('\t'))

describe('read: skewed scans', () => {
  it('straightens a ruled table turned by 1.2° and gives back its rows and cells', async () => {
    const image = await loadImage(readFileSync(fixture('table-png', 'input.png')))
    const canvas = createCanvas(image.width, image.height)
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, image.width, image.height)
    ctx.translate(image.width / 2, image.height / 2)
    ctx.rotate((1.2 * Math.PI) / 180)
    ctx.drawImage(image, -image.width / 2, -image.height / 2)
    const file = await read(canvas.encodeSync('png'), {ocr: pool})
    const page = file.data.layout!.pages[0]
    expect(page.skew).toBeCloseTo(1.2, 1)
    const want = expectedLines('table-png').filter((l) => l.includes('\t'))
    const rows = rowsOf(String(file.value))
    expect(rows).toHaveLength(want.length)
    rows.forEach((row, i) => {
      const cells = row.split('\t')
      expect(cells).toHaveLength(5)
      expect(cells[0]).toBe(want[i].split('\t')[0])
      expect(characterErrorRate(row, want[i]), row).toBeLessThan(0.03)
    })
    // Boxes are on the page as it is (turned), inside it.
    for (const line of page.lines) {
      expect(line.bbox.x0).toBeGreaterThanOrEqual(0)
      expect(line.bbox.y1).toBeLessThanOrEqual(page.height)
    }
  })

  it('reads the generated appendix scan (−0.44°, 200 dpi, light noise) row by row', async () => {
    const file = await read(generated('appendix-light', 'input.pdf'), {ocr: pool})
    const truth = readFileSync(generated('appendix-light', 'truth.txt'), 'utf8')
    expect(characterErrorRate(String(file.value), truth)).toBeLessThan(0.01)
    const rows = rowsOf(String(file.value))
    const want = rowsOf(truth)
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['TT', 'I.', '1', '2', '3', '4', '5', '6'])
    for (const [i, row] of rows.entries()) {
      expect(row.split('\t')).toHaveLength(6)
      // truth.txt leaves a merged cell's empty cells out.
      expect(characterErrorRate(row.replace(/\t+$/, ''), want[i]), row).toBeLessThan(0.03)
    }
  })

  it('parses the header and closing of the generated decision scan (light noise, a stamp over the signature)', async () => {
    const file = await read(generated('decision-light', 'input.pdf'), {ocr: pool})
    const {output} = await parse(file)
    expect(output.source.route).toBe('ocr')
    expect(output.document).toMatchObject({
      type: {code: 'QĐ'},
      number: {raw: '/QĐ-UBND', typeCode: 'QĐ', issuerCode: 'UBND'},
      issuer: {name: 'Ủy ban nhân dân xã Chấn Hưng'},
      place: 'Chấn Hưng',
      date: {year: 2026, month: 1, day: null},
      signatures: [{position: 'CHỦ TỊCH', name: 'Nguyễn Anh Tuấn'}]
    })
    expect(output.document.articles).toHaveLength(3)
    expect(output.document.recipients).toHaveLength(10)
    expect(output.document.recipients[0]).toBe('Như Điều 3')
  })

  it('parses the tasks of the generated plan scan (heavy noise, two pages)', async () => {
    const {output} = await parse(await read(generated('plan-small', 'input.pdf'), {ocr: pool}))
    const expected = JSON.parse(readFileSync(generated('plan-small', 'expected.json'), 'utf8'))
    const tasks = output.plan?.tasks ?? []
    expect(tasks.map((t) => t.id)).toEqual(expected.plan.tasks.map((t: {id: string}) => t.id))
    // Group titles come through the noise with a tone mark or two astray ("Chuyến đối số"); their letters are right.
    const fold = (s: string | null | undefined) => (s ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd')
    expect(tasks.map((t) => fold(t.group))).toEqual(expected.plan.tasks.map((t: {group: string}) => fold(t.group)))
    expect(tasks.map((t) => t.lead[0]?.raw)).toEqual(expected.plan.tasks.map((t: {lead: Array<{raw: string}>}) => t.lead[0].raw))
    expect(tasks.map((t) => t.timeframe?.end)).toEqual(expected.plan.tasks.map((t: {timeframe: {end: string}}) => t.timeframe.end))
  })
})

describe('read: photos stored on their side', () => {
  it('reads a phone photo stored turned a quarter, upright by its EXIF orientation', async () => {
    const photo = await loadImage(readFileSync(fixture('phone-jpeg', 'input.jpg')))
    // Stored turned a quarter counter-clockwise; orientation 6 says: turn a quarter clockwise to stand.
    const canvas = createCanvas(photo.height, photo.width)
    const ctx = canvas.getContext('2d')
    ctx.translate(0, photo.width)
    ctx.rotate(-Math.PI / 2)
    ctx.drawImage(photo, 0, 0)
    const file = await read(withOrientation(canvas.encodeSync('jpeg', 90), 6), {ocr: pool})
    expect(file.data.layout!.pages[0].width).toBe(photo.width)
    expect(characterErrorRate(String(file.value), expectedLines('phone-jpeg').join('\n'))).toBeLessThan(0.08)
  })
})
