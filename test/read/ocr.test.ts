/**
 * Real tesseract.js OCR (Vietnamese model from @tesseract.js-data/vie,
 * offline) on the small rendered fixtures, one pool shared by every test.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {createCanvas, loadImage} from '@napi-rs/canvas'
import UTIF from 'utif2'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {characterErrorRate, wordErrorRate} from '../../src/read/error-rate.js'
import {parseSync} from '../../src/parse.js'
import {restoredText} from '../../src/restored-text.js'
import {createOcrPool, read, type OcrPool} from '../../src/read/index.js'
import {expectedLines, fixture, nonBlank} from './helpers.js'

let pool: OcrPool
const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-ocr-'))
beforeAll(() => {
  pool = createOcrPool({workers: 2})
})
afterAll(async () => {
  await pool.terminate()
  rmSync(tmp, {recursive: true, force: true})
})

const expected = (dir: string) => expectedLines(dir).join('\n')

describe('OCR pool', () => {
  it('fails fast, naming the file, when the traineddata is missing', () => {
    expect(() => createOcrPool({langPath: tmp})).toThrow(/traineddata not found: .*vie\.traineddata\.gz/)
  })
})

describe('read: scans and images (real OCR)', () => {
  it('OCRs a scanned PDF without a text layer', async () => {
    const file = await read(fixture('scanned-pdf', 'input.pdf'), {ocr: pool})
    expect(file.data.source).toMatchObject({route: 'ocr', pages: 1, mediaType: 'application/pdf'})
    expect(file.data.source?.ocrConfidence).toBeGreaterThan(0.8)
    expect(characterErrorRate(String(file.value), expected('scanned-pdf'))).toBeLessThan(0.02)
    // The two-column header comes out column by column.
    const lines = nonBlank(String(file.value))
    expect(lines.slice(0, 6)).toEqual(expectedLines('scanned-pdf').slice(0, 6))
    // Layout lines carry page and bbox, in PDF points.
    const layout = file.data.layout!
    const page = layout.pages[0]
    expect(page.route).toBe('ocr')
    expect(page.width).toBeCloseTo(595.28, 1)
    const provenance = layout.lines.filter((l) => l !== undefined)
    expect(provenance).toHaveLength(lines.length)
    for (const p of provenance) {
      expect(p.page).toBe(1)
      expect(p.bbox.x0).toBeGreaterThanOrEqual(0)
      expect(p.bbox.x1).toBeLessThanOrEqual(page.width)
      expect(p.bbox.y1).toBeLessThanOrEqual(page.height)
      expect(p.confidence).toBeGreaterThan(0)
    }
    expect(page.lines[0].words?.length).toBeGreaterThan(1)
  })

  it('detects a garbage (English-model) text layer and OCRs the page instead', async () => {
    const file = await read(fixture('garbage-layer-pdf', 'input.pdf'), {ocr: pool})
    expect(file.data.layout?.pages[0].route).toBe('ocr')
    expect(file.messages.map((m) => m.ruleId)).toContain('bad-text-layer')
    expect(characterErrorRate(String(file.value), expected('garbage-layer-pdf'))).toBeLessThan(0.02)
  })

  it('keeps a garbage layer as ocr-text when rendering is off', async () => {
    const file = await read(fixture('garbage-layer-pdf', 'input.pdf'), {render: false})
    expect(file.data.source?.route).toBe('ocr-text')
    expect(String(file.value)).toContain('CONG HOA XA HOI CHU NGHIA VIET NAM')
  })

  it('reads a phone-quality JPEG (skew, blur, uneven light, JPEG q45)', async () => {
    const file = await read(fixture('phone-jpeg', 'input.jpg'), {ocr: pool})
    expect(file.data.source).toMatchObject({route: 'ocr', mediaType: 'image/jpeg'})
    expect(characterErrorRate(String(file.value), expected('phone-jpeg'))).toBeLessThan(0.08)
    // The Vietnamese model reads hỏi as sắc on such photos (Tổ → Tố, tổng thể → tống thế); the pipeline checks
    // every word's marks against the language model (marks mode), as `sohoa text` prints.
    const raw = wordErrorRate(String(file.value), expected('phone-jpeg'))
    const restored = wordErrorRate(restoredText(file), expected('phone-jpeg'))
    expect(restored).toBeLessThan(raw)
    expect(restored).toBeLessThan(0.09)
    expect(restoredText(file)).toContain('Căn cứ Luật Tổ chức chính quyền')
    const {output} = parseSync(file)
    expect(output.document?.number?.raw).toBe('06/QĐ-UBND')
    const basis = output.document?.bases?.find((b) => b.text.includes('Nghị quyết'))
    expect(basis?.references?.[0]?.number).toBe('76/NQ-CP')
    // Both bases, though OCR read a speck or a stray quote before the first.
    expect(output.document?.bases?.map((b) => b.text.slice(0, 13))).toEqual(['Căn cứ Luật T', 'Căn cứ Nghị q'])
  })

  it('reads a phone photo of the sheet on a dark desk: the desk is painted out, its edges make no table', async () => {
    const file = await read(fixture('phone-desk', 'input.jpg'), {ocr: pool})
    expect(String(file.value)).not.toContain('\t')
    expect(wordErrorRate(restoredText(file), expected('phone-desk'))).toBeLessThan(0.12)
    const {output} = parseSync(file)
    expect(output.document?.number?.raw).toBe('06/QĐ-UBND')
  })

  it('reads a photo taken upside down: turned half a turn, boxes on the photo as given', async () => {
    const photo = await loadImage(readFileSync(fixture('phone-jpeg', 'input.jpg')))
    const canvas = createCanvas(photo.width, photo.height)
    const ctx = canvas.getContext('2d')
    ctx.translate(photo.width, photo.height)
    ctx.rotate(Math.PI)
    ctx.drawImage(photo, 0, 0)
    const file = await read(canvas.encodeSync('jpeg', 90), {ocr: pool})
    expect(file.messages.map((m) => m.ruleId)).toContain('upside-down')
    expect(wordErrorRate(restoredText(file), expected('phone-jpeg'))).toBeLessThan(0.12)
    // The issuer's first line stands at the top of the page, so at the bottom of the photo as given.
    const first = file.data.layout!.lines.find((l) => l !== undefined)!
    expect(first.bbox.y0).toBeGreaterThan(photo.height / 2)
    expect(first.bbox.y1).toBeLessThanOrEqual(photo.height + 1)
  })

  it('rebuilds a ruled table from OCR word boxes as tab-separated rows', async () => {
    const file = await read(fixture('table-png', 'input.png'), {ocr: pool})
    const rows = nonBlank(String(file.value)).filter((l) => l.includes('\t'))
    expect(rows).toHaveLength(4)
    for (const row of rows) expect(row.split('\t')).toHaveLength(5)
    expect(characterErrorRate(String(file.value), expected('table-png'))).toBeLessThan(0.03)
    const want = expectedLines('table-png').filter((l) => l.includes('\t'))
    // Row numbers in the narrow first column, which page layout analysis drops, are read again cell by cell.
    expect(rows.slice(2).map((r) => r.split('\t')[0])).toEqual(['1', '2'])
    // One table row per line: no blank line inside the table.
    const text = String(file.value)
    expect(text.slice(text.indexOf(rows[0]), text.indexOf(rows[3]))).not.toContain('\n\n')
    // Cell by cell, the content column (wrapped over several lines in the image) is whole.
    rows.forEach((row, i) => expect(characterErrorRate(row.split('\t')[1], want[i].split('\t')[1])).toBeLessThan(0.05))
  })

  it('reads TIFF and WebP (made from a crop of the PNG)', async () => {
    const image = await loadImage(readFileSync(fixture('table-png', 'input.png')))
    const canvas = createCanvas(1200, 260)
    canvas.getContext('2d').drawImage(image, -250, -240)
    const rgba = canvas.getContext('2d').getImageData(0, 0, 1200, 260).data
    writeFileSync(path.join(tmp, 'crop.tif'), new Uint8Array(UTIF.encodeImage(new Uint8Array(rgba), 1200, 260)))
    writeFileSync(path.join(tmp, 'crop.webp'), canvas.encodeSync('webp', 90))
    for (const [name, mediaType] of [
      ['crop.tif', 'image/tiff'],
      ['crop.webp', 'image/webp']
    ]) {
      const file = await read(path.join(tmp, name), {ocr: pool})
      expect(file.data.source?.mediaType).toBe(mediaType)
      expect(String(file.value)).toMatch(/Cơ quan chủ/)
      expect(String(file.value)).toMatch(/Nội dung nhiệm vụ/)
    }
  })
})
