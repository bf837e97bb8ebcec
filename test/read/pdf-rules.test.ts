/**
 * The PDF route's ruled tables on PDFs built here with pdf-lib: borders
 * drawn as thin filled rectangles (as Word draws them) or stroked lines,
 * inside a form XObject on a page shown turned (/Rotate), white rules that
 * are no rules, and a word the PDF splits into two runs.
 */
import fontkit from '@pdf-lib/fontkit'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {degrees, PDFDocument, rgb, type PDFFont, type PDFPage} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {read} from '../../src/read/index.js'
import {openPdf} from '../../src/read/pdf/pdfjs.js'
import {readRules} from '../../src/read/pdf/drawing.js'
import {root} from './helpers.js'

const rows = [
  ['TT', 'Nội dung', 'Chủ trì', 'Thời gian'],
  ['1', 'Rà soát văn bản quy phạm pháp luật', 'Phòng Kinh tế', 'Quý I/2026'],
  ['2', 'Kiểm tra công tác cải cách', 'Công an xã', 'Cả năm 2026']
]
const xs = [40, 70, 300, 420, 520]
const ys = [60, 80, 110, 140]

async function font(doc: PDFDocument, style = 'Regular'): Promise<PDFFont> {
  doc.registerFontkit(fontkit)
  return doc.embedFont(readFileSync(path.join(root, `fixtures/fonts/LiberationSerif-${style}.ttf`)), {subset: true})
}

/** Draw the table on `page` (top-left units, `height` the page's): borders as filled 0.6 pt rectangles or stroked lines. */
function drawTable(page: PDFPage, f: PDFFont, height: number, style: 'filled' | 'stroked', split?: PDFFont): void {
  const black = rgb(0, 0, 0)
  for (const y of ys) {
    if (style === 'filled') page.drawRectangle({x: xs[0], y: height - y - 0.3, width: xs[4] - xs[0], height: 0.6, color: black})
    else page.drawLine({start: {x: xs[0], y: height - y}, end: {x: xs[4], y: height - y}, thickness: 0.5, color: black})
  }
  for (const x of xs) {
    if (style === 'filled') page.drawRectangle({x: x - 0.3, y: height - ys[3], width: 0.6, height: ys[3] - ys[0], color: black})
    else page.drawLine({start: {x, y: height - ys[0]}, end: {x, y: height - ys[3]}, thickness: 0.5, color: black})
  }
  // A white rule through the middle of the table is no border.
  page.drawLine({start: {x: xs[0], y: height - 95}, end: {x: xs[4], y: height - 95}, thickness: 0.5, color: rgb(1, 1, 1)})
  rows.forEach((cells, r) => {
    cells.forEach((text, c) => {
      const y = height - ys[r] - 14
      if (split && r === 1 && c === 2) {
        // "Phòng Kinh tế" as two runs cut inside "Kinh", the second in another font: "Phòng Ki" + "nh tế".
        const head = 'Phòng Ki'
        page.drawText(head, {x: xs[c] + 3, y, size: 10, font: f})
        page.drawText('nh tế', {x: xs[c] + 3 + f.widthOfTextAtSize(head, 10), y, size: 10, font: split})
      } else page.drawText(text, {x: xs[c] + 3, y, size: 10, font: f})
    })
  })
}

async function filledPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const f = await font(doc)
  const page = doc.addPage([595, 300])
  drawTable(page, f, 300, 'filled', await font(doc, 'Italic'))
  return doc.save()
}

/** The table drawn on a landscape form, shown on a portrait page turned by /Rotate 90. */
async function rotatedPdf(): Promise<Uint8Array> {
  const source = await PDFDocument.create()
  const f = await font(source)
  const landscape = source.addPage([595, 300])
  drawTable(landscape, f, 300, 'stroked')
  const doc = await PDFDocument.create()
  const [form] = await doc.embedPdf(await source.save())
  const page = doc.addPage([300, 595])
  // Content turned a quarter counter-clockwise; /Rotate 90 shows it upright again.
  page.drawPage(form, {x: 300, y: 0, rotate: degrees(90)})
  page.setRotation(degrees(90))
  return doc.save()
}

describe('PDF rules and ruled tables', () => {
  it('reads borders drawn as thin filled rectangles, not the white rule', async () => {
    const doc = await openPdf(await filledPdf(), 'filled.pdf')
    const rules = await readRules(await doc.getPage(1))
    await doc.destroy()
    expect(rules.horizontal.map((h) => Math.round(h.y)).sort((a, b) => a - b)).toEqual(ys)
    expect(rules.vertical.map((v) => Math.round(v.x)).sort((a, b) => a - b)).toEqual(xs)
  })

  it('reads the table as cells, the word split in two runs whole', async () => {
    const file = await read(await filledPdf())
    const [table] = file.data.layout!.tables!
    expect(table).toMatchObject({method: 'lattice', rows: 3, columns: 4, page: 1})
    expect(table.cells.filter((c) => c.row === 1).map((c) => c.text)).toEqual(rows[1])
    expect(table.cells.every((c) => c.confidence === 1)).toBe(true)
  })

  it('maps rules and words of a form on a page shown turned into the page as shown', async () => {
    const bytes = await rotatedPdf()
    const doc = await openPdf(bytes, 'rotated.pdf')
    const page = await doc.getPage(1)
    expect(page.getViewport({scale: 1}).width).toBeCloseTo(595, 0)
    const rules = await readRules(page)
    await doc.destroy()
    expect(rules.horizontal.map((h) => Math.round(h.y)).sort((a, b) => a - b)).toEqual(ys)
    const file = await read(bytes)
    const [table] = file.data.layout!.tables!
    expect(table.cells.map((c) => c.text)).toEqual(rows.flat())
    expect(table.bbox).toMatchObject({x0: expect.closeTo(40, 0), y0: expect.closeTo(60, 0)})
  })
})
