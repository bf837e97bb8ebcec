/**
 * The digitization outputs of a phone photo (real OCR, one read shared by
 * every test): the searchable PDF read back by pdf.js and pdftotext, and
 * the review page opened in a real headless Chromium.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {decode} from 'fast-png'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseSync, type ParseResult} from '../../src/parse.js'
import {wordErrorRate} from '../../src/read/error-rate.js'
import {createOcrPool, read, type OcrPool} from '../../src/read/index.js'
import {restoredText} from '../../src/restored-text.js'
import {writeOutputs} from '../../src/outputs/index.js'
import {restoredRuns} from '../../src/outputs/restored-words.js'
import {lineEndHyphen} from '../../src/outputs/text-layer.js'
import {expectedLines, fixture} from '../read/helpers.js'
import {launchChromium, pdftotext, pdftotextWords, pdfTextItems} from './support.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-outputs-'))
const jpeg = readFileSync(fixture('phone-jpeg', 'input.jpg'))
const expected = expectedLines('phone-jpeg').join('\n')
let pool: OcrPool
let parsed: ParseResult
let pdfPath: string
let htmlPath: string

beforeAll(async () => {
  pool = createOcrPool({workers: 1})
  parsed = parseSync(await read(new VFile({path: fixture('phone-jpeg', 'input.jpg'), value: jpeg}), {ocr: pool}))
  pdfPath = path.join(tmp, 'phone.pdf')
  htmlPath = path.join(tmp, 'phone.html')
  await writeOutputs(jpeg, parsed, {pdf: pdfPath, review: htmlPath, fsync: false})
})
afterAll(async () => {
  await pool?.terminate()
  rmSync(tmp, {recursive: true, force: true})
})

describe('searchable PDF of a phone photo', () => {
  it('keeps the JPEG as it is: its bytes are in the PDF, on one page', async () => {
    const pdf = readFileSync(pdfPath)
    expect(pdf.indexOf(jpeg)).toBeGreaterThan(0)
    const {pages} = await pdfTextItems(pdf)
    expect(pages).toHaveLength(1)
    // No resolution declared: 210 mm wide, the photo's proportions.
    expect(pages[0].width).toBeCloseTo(595.28, 1)
    const layout = parsed.file.data.layout!.pages[0]
    expect(pages[0].height / pages[0].width).toBeCloseTo(layout.height / layout.width, 3)
  })

  it('has the restored words where OCR saw them: lines as pdf.js reads them, words as pdftotext boxes them', async () => {
    const {items, pages} = await pdfTextItems(readFileSync(pdfPath))
    const [page] = restoredRuns(parsed.file, parsed.tree)
    const scale = pages[0].width / page.width
    const words = page.runs.filter((r) => r.kind === 'word')
    expect(words.length).toBeGreaterThan(80)
    // pdf.js joins the words of a line into one item: it starts at the line's first box, its baseline within the line.
    const groups = [...new Set(words.map((w) => w.group))].map((g) => words.filter((w) => w.group === g))
    const lines = groups.filter((group) =>
      items.some((item) => {
        const top = Math.min(...group.map((w) => w.bbox.y0)) * scale
        const bottom = Math.max(...group.map((w) => w.bbox.y1)) * scale
        return item.text === group.map((w, i) => (i === group.length - 1 ? lineEndHyphen(w.text) : w.text)).join(' ') && Math.abs(item.x - group[0].bbox.x0 * scale) < 1 && item.y > top && item.y < bottom
      })
    )
    expect(lines.length / groups.length).toBeGreaterThan(0.9)
    // Poppler's word boxes: each restored word starts where its OCR box starts and overlaps it.
    const boxed = pdftotextWords(pdfPath)
    const placed = words.filter((run) =>
      boxed.some((w) => {
        const b = run.bbox
        return w.text === run.text && Math.abs(w.x0 - b.x0 * scale) < 1 && w.x1 <= b.x1 * scale + 1 && w.y0 < b.y1 * scale && w.y1 > b.y0 * scale
      })
    )
    expect(placed.length / words.length).toBeGreaterThan(0.95)
    const texts = boxed.map((w) => w.text)
    for (const word of ['Tổ', 'chức', 'quyền', 'Số:', '06/QĐ-UBND', 'Chính', 'phủ']) expect(texts).toContain(word)
  })

  it('extracts with pdftotext as `sohoa text` reads (word error rate within a point; in stream order the same)', () => {
    const text = restoredText(parsed.file)
    const fromPdf = pdftotext(pdfPath)
    expect(fromPdf).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;')
    expect(fromPdf).toContain('Số: 06/QĐ-UBND')
    const reference = wordErrorRate(text, expected)
    // A line ending in "-" (2021-/2030) is written with U+2010 so that pdftotext does not join it to the next as 20212030.
    expect(fromPdf).toMatch(/2021\u2010\n+2030;/)
    expect(wordErrorRate(fromPdf, expected)).toBeLessThanOrEqual(reference + 0.01)
    expect(wordErrorRate(pdftotext(pdfPath, true), expected)).toBeLessThanOrEqual(reference + 0.01)
  })

  it('carries the document metadata in the information dictionary and XMP', async () => {
    const {info, xmp} = await pdfTextItems(readFileSync(pdfPath))
    expect(info.Title).toBe('Quyết định 06/QĐ-UBND')
    expect(String(info.Subject)).toMatch(/^Ban hành Kế/)
    expect(String(info.Keywords)).toContain('Quyết định, 06/QĐ-UBND, ')
    expect(info.Custom).toMatchObject({DocumentNumber: '06/QĐ-UBND'})
    expect(xmp).toContain('<dc:identifier>06/QĐ-UBND</dc:identifier>')
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Quyết định 06/QĐ-UBND</rdf:li>')
  })
})

describe('review page of a phone photo', () => {
  it('is one file with nothing to fetch: the photo inlined, no external script, style or font', () => {
    const html = readFileSync(htmlPath, 'utf8')
    expect(html).toContain(`data:image/jpeg;base64,${jpeg.toString('base64').slice(0, 200)}`)
    expect(html).not.toMatch(/<(?:script|img|link|iframe)[^>]+(?:src|href)="(?!data:)/)
    expect(html).not.toMatch(/url\(|@import|@font-face/)
    expect(html).toContain("default-src 'none'")
  })

  it('renders in Chromium with the number, its box and the other boxes; links flash the box', async () => {
    const {context, close} = await launchChromium()
    try {
      const page = await context.newPage()
      const requests: string[] = []
      page.on('request', (request) => requests.push(request.url()))
      await page.goto(pathToFileURL(htmlPath).href)
      expect(requests.every((url) => url.startsWith('file:') || url.startsWith('data:'))).toBe(true)
      await expect.poll(() => page.locator('.page img').evaluate((img) => (img as unknown as {naturalWidth: number}).naturalWidth)).toBe(1240)
      expect(await page.locator('h1').textContent()).toBe('Quyết định 06/QĐ-UBND')
      const row = page.locator('tr', {hasText: 'Số: 06/QĐ-UBND'})
      await expect.poll(() => row.count()).toBe(1)
      const link = row.locator('a.go')
      const id = await link.getAttribute('data-field')
      const box = page.locator(`#box-${id}-0`)
      const boxArea = await box.boundingBox()
      const pageArea = await page.locator('#page-1').boundingBox()
      expect(boxArea && pageArea).toBeTruthy()
      // The number stands in the top left quarter of the photo.
      expect(boxArea!.x - pageArea!.x).toBeLessThan(pageArea!.width / 2)
      expect(boxArea!.y - pageArea!.y).toBeLessThan(pageArea!.height / 3)
      expect(boxArea!.width).toBeGreaterThan(20)
      expect(await page.locator('.box.field').count()).toBeGreaterThanOrEqual(8)
      await link.click()
      await expect.poll(() => box.getAttribute('class')).toContain('flash')
      const shot = decode(await page.screenshot())
      // Not blank: much of the screen is neither white nor one flat colour.
      const {data, channels} = shot
      const colours = new Set<number>()
      let dark = 0
      for (let i = 0; i < data.length; i += channels * 7) {
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2])
        if (data[i] + data[i + 1] + data[i + 2] < 600) dark++
      }
      expect(colours.size).toBeGreaterThan(200)
      expect(dark / (data.length / (channels * 7))).toBeGreaterThan(0.2)
      // On paper: one column, the lists after the pages, each page on its own sheet, the boxes still drawn.
      await page.emulateMedia({media: 'print'})
      type Styled = {getComputedStyle: (e: unknown) => Record<string, string>}
      const style = (selector: string, property: string) => page.locator(selector).evaluate((e, p) => (globalThis as unknown as Styled).getComputedStyle(e)[p], property)
      expect(await style('.side', 'position')).toBe('static')
      expect(await style('#page-1', 'breakAfter')).toBe('page')
      expect(await style(`#box-${id}-0`, 'borderTopStyle')).toBe('solid')
      const pdf = await page.pdf({format: 'A4'})
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    } finally {
      await close()
    }
  })
})
