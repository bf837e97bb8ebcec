/**
 * The parts of the outputs that need no OCR: the content-stream lexer that
 * drops invisible text, EXIF orientation, header facts of images, where a
 * batch puts its outputs, metadata, and the mapping of restored words back
 * to their OCR boxes (through the real parser and diacritics stage).
 */
import path from 'node:path'
import {createCanvas} from '@napi-rs/canvas'
import {degrees, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream} from 'pdf-lib'
import UTIF from 'utif2'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseSync} from '../../src/parse.js'
import {apply, invert, layoutToUser, multiply, viewportTransform, type Matrix} from '../../src/outputs/page-geometry.js'
import {openPdf} from '../../src/read/pdf/pdfjs.js'
import {orientationMatrix} from '../../src/outputs/image-pages.js'
import {jpegInfo, pngDpi} from '../../src/outputs/image-info.js'
import {removeInvisibleText} from '../../src/outputs/invisible-text.js'
import {documentMetadata, xmpPacket} from '../../src/outputs/metadata.js'
import {restoredRuns, restoredTokenPlaces, physicalLines} from '../../src/outputs/restored-words.js'
import {searchablePdf} from '../../src/outputs/searchable-pdf.js'
import {siblingOutputPath} from '../../src/outputs/sibling-path.js'
import type {Layout, LayoutWord} from '../../src/read/types.js'

const text = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes)
const bytes = (s: string) => new TextEncoder().encode(s)

describe('removeInvisibleText', () => {
  it('drops the show operators of render mode 3 and keeps visible text, images and state', () => {
    const content = 'q 595 0 0 842 0 0 cm /Im1 Do Q\nBT 3 Tr /F1 12 Tf 1 0 0 1 10 10 Tm (UY BAN \\(x\\) NHAN) Tj [(CONG) -250 (HOA)] TJ ET\nBT 0 Tr (Visible) Tj ET'
    const {content: out, removed} = removeInvisibleText(bytes(content))
    expect(removed).toBe(2)
    const s = text(out)
    expect(s).toContain('/Im1 Do')
    expect(s).toContain('(Visible) Tj')
    expect(s).toContain('3 Tr /F1 12 Tf 1 0 0 1 10 10 Tm')
    expect(s).not.toContain('UY BAN')
    expect(s).not.toContain('CONG')
  })

  it('follows the render mode through q/Q, keeps the line moves of quote operators, and skips inline image data', () => {
    const image = 'BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\x54\x6a\x45 EI Q'
    const content = `q 3 Tr BT (a) Tj ET Q BT (b) Tj ET BT 3 Tr 1 2 (c) " (d) ' ET ${image} BT 3 Tr (e) Tj ET`
    const {content: out, removed} = removeInvisibleText(bytes(content))
    const s = text(out)
    expect(s).not.toContain('(a)')
    expect(s).toContain('(b) Tj')
    expect(s).toContain('1 Tw 2 Tc T*')
    expect(s).not.toContain('(d)')
    expect(s).toContain('ID \x00\x54\x6a\x45 EI')
    expect(s).not.toContain('(e)')
    expect(removed).toBe(4)
  })

  it('returns the content as it is when nothing is invisible', () => {
    const content = bytes('BT /F1 9 Tf (x) Tj ET')
    expect(removeInvisibleText(content).content).toBe(content)
  })
})

describe('viewportTransform', () => {
  it('is pdf.js\'s viewport at scale 1 for rotated pages with a crop box', async () => {
    const doc = await PDFDocument.create()
    for (const angle of [0, 90, 180, 270, -90]) {
      const page = doc.addPage([600, 800])
      page.setCropBox(20, 30, 500, 700)
      page.setRotation(degrees(angle))
    }
    const bytes = await doc.save()
    const reloaded = await PDFDocument.load(bytes)
    const pdfjs = await openPdf(bytes, 'rotated.pdf')
    try {
      for (const [i, page] of reloaded.getPages().entries()) {
        const viewport = (await pdfjs.getPage(i + 1)).getViewport({scale: 1})
        const ours = viewportTransform(page)
        viewport.transform.forEach((v: number, k: number) => expect(ours[k]).toBeCloseTo(v, 6))
        // And back: a corner of the view lands on the crop box.
        const [x, y] = apply(layoutToUser(page), 0, 0)
        expect([20, 520]).toContain(Math.round(x))
        expect([30, 730]).toContain(Math.round(y))
      }
    } finally {
      await pdfjs.destroy()
    }
  })
})

describe('orientationMatrix', () => {
  // Where the stored image's top-left corner (image space (0, 1)) lands on a 200 × 100 page (user space, y up).
  const topLeft = (o: number, w: number, h: number) => apply(orientationMatrix(o, w, h), 0, 1).map((v) => Math.round(v))
  it('draws an upright image over the page', () => {
    expect(orientationMatrix(1, 200, 100)).toEqual([200, 0, 0, 100, 0, 0])
  })
  it('turns the stored image as EXIF says', () => {
    // 6: stored on its side, turned a quarter clockwise to stand: the stored top-left goes to the top right.
    expect(topLeft(6, 100, 200)).toEqual([100, 200])
    // 8: a quarter counter-clockwise: to the bottom left.
    expect(topLeft(8, 100, 200)).toEqual([0, 0])
    // 3: upside down: to the bottom right.
    expect(topLeft(3, 200, 100)).toEqual([200, 0])
    // 2: mirrored: to the top right.
    expect(topLeft(2, 200, 100)).toEqual([200, 100])
  })
  it('multiply and invert agree', () => {
    const m: Matrix = [0, 1, -1, 0, 30, 40]
    const [x, y] = apply(multiply(m, invert(m)), 7, 9)
    expect(x).toBeCloseTo(7)
    expect(y).toBeCloseTo(9)
  })
})

describe('image headers', () => {
  it('reads JFIF density and the EXIF orientation of a JPEG', () => {
    const jfif = [0xff, 0xe0, 0, 16, ...bytes('JFIF\0'), 1, 1, 1, 0x01, 0x2c, 0x01, 0x2c, 0, 0]
    // EXIF, little-endian TIFF header, IFD0 with one entry: orientation (0x0112), SHORT, 1, value 6.
    const tiff = [0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]
    const exif = [0xff, 0xe1, 0, 2 + 6 + tiff.length, ...bytes('Exif\0\0'), ...tiff]
    const jpeg = new Uint8Array([0xff, 0xd8, ...jfif, ...exif, 0xff, 0xda, 0, 2])
    expect(jpegInfo(jpeg)).toEqual({orientation: 6, dpi: 300})
    expect(jpegInfo(new Uint8Array([0xff, 0xd8, 0xff]))).toEqual({orientation: 1})
  })
  it('reads the pHYs resolution of a PNG', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 9, ...bytes('pHYs'), 0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1, 0, 0, 0, 0])
    expect(pngDpi(png)).toBeCloseTo(300, 0)
  })
})

describe('siblingOutputPath', () => {
  it('puts x.pdf beside x.json, and never over an input', () => {
    expect(siblingOutputPath('out/a/x.json', '.pdf')).toBe('out/a/x.pdf')
    expect(siblingOutputPath('scans/x.json', '.pdf', new Set([path.resolve('scans/x.pdf')]))).toBe('scans/x.searchable.pdf')
    expect(siblingOutputPath('scans/x.json', '.html', new Set([path.resolve('scans/x.pdf')]))).toBe('scans/x.html')
  })
})

describe('restored words on their boxes', () => {
  /** A one-page OCR'd file of `lines`, each word 40 units wide, from the text without marks. */
  function laidOut(lines: string[]): VFile {
    const file = new VFile({path: 'page.jpg', value: lines.join('\n')})
    const pages: Layout['pages'] = [{number: 1, width: 1000, height: 1000, route: 'ocr', lines: []}]
    const provenance: Layout['lines'] = []
    lines.forEach((line, i) => {
      const y0 = 100 + 50 * i
      const words: LayoutWord[] = line.split(/[ \t]+/).map((w, k) => ({text: w, bbox: {x0: 100 + 50 * k, y0, x1: 140 + 50 * k, y1: y0 + 30}, confidence: 0.9}))
      const bbox = {x0: 100, y0, x1: 90 + 50 * words.length, y1: y0 + 30}
      pages[0].lines.push({text: line, bbox, confidence: 0.9, words})
      provenance.push({page: 1, bbox, confidence: 0.9})
    })
    file.data.layout = {pages, lines: provenance}
    file.data.source = {path: 'page.jpg', sha256: '0'.repeat(64), mediaType: 'image/jpeg', pages: 1, route: 'ocr'}
    return file
  }

  it('gives each OCR word the restored text of its characters, across joined lines and a hyphen break', () => {
    const file = laidOut(['Can cu Luat To chuc chinh quyen dia', 'phuong ngay 16 thang 6 nam 2025; giai doan 2021-', '2030;'])
    const {tree} = parseSync(file, {diacritics: {when: 'always', mode: 'auto'}})
    const [page] = restoredRuns(file, tree)
    expect(page.runs.every((r) => r.kind === 'word')).toBe(true)
    const words = page.runs.map((r) => r.text)
    expect(words.slice(0, 8)).toEqual(['Căn', 'cứ', 'Luật', 'Tổ', 'chức', 'chính', 'quyền', 'địa'])
    expect(words).toContain('phương')
    expect(words.slice(-2)).toEqual(['2021-', '2030;'])
    // Each word keeps its own box; the first line's words are one physical line.
    expect(page.runs[2].bbox).toEqual(file.data.layout!.pages[0].lines[0].words![2].bbox)
    expect(new Set(page.runs.slice(0, 8).map((r) => r.group)).size).toBe(1)
    expect(page.runs[8].group).not.toBe(page.runs[0].group)
    // Every changed token has a place: the box of its word.
    const places = restoredTokenPlaces(file, tree)
    const luat = places.find((p) => p.token.value === 'Luật')
    expect(luat?.bbox).toEqual(file.data.layout!.pages[0].lines[0].words![2].bbox)
  })

  it('spreads a line over its box when its words cannot be found in its text', () => {
    const file = laidOut(['Can cu Luat'])
    file.data.layout!.pages[0].lines[0].words![1].text = 'zz'
    const {tree} = parseSync(file, {diacritics: {when: 'always', mode: 'auto'}})
    const [page] = restoredRuns(file, tree)
    expect(page.runs).toEqual([{text: 'Căn cứ Luật', bbox: file.data.layout!.pages[0].lines[0].bbox, kind: 'line', line: 0, group: 0}])
  })

  it('splits a table row into its physical lines', () => {
    const box = (y0: number) => ({x0: 0, y0, x1: 10, y1: y0 + 10})
    expect(physicalLines([box(0), box(12), box(1), box(25)])).toEqual([0, 1, 0, 2])
  })
})

describe('metadata', () => {
  it('takes type and number for the title, the trích yếu for the subject, and escapes XMP', () => {
    const meta = documentMetadata({
      schemaVersion: 1,
      source: {path: null, sha256: '0'.repeat(64), mediaType: 'image/jpeg', pages: 1, route: 'ocr'},
      document: {
        type: {code: 'QĐ', name: 'Quyết định'},
        number: {raw: '06/QĐ-UBND', seq: 6, typeCode: 'QĐ', issuerCode: 'UBND'},
        issuer: {name: 'Ủy ban nhân dân xã Chấn Hưng'},
        place: 'Chấn Hưng',
        date: {raw: 'ngày 07 tháng 01 năm 2026', iso: '2026-01-07', year: 2026, month: 1, day: 7},
        title: 'Ban hành Kế hoạch <Cải cách> & hành chính',
        bases: [],
        articles: [],
        addressees: [],
        recipients: [],
        signatures: []
      },
      plan: null,
      diagnostics: []
    })
    expect(meta).toMatchObject({title: 'Quyết định 06/QĐ-UBND', number: '06/QĐ-UBND', date: '2026-01-07', author: 'Ủy ban nhân dân xã Chấn Hưng'})
    expect(meta.keywords).toEqual(['Quyết định', '06/QĐ-UBND', 'Ủy ban nhân dân xã Chấn Hưng', '2026-01-07'])
    const xmp = xmpPacket(meta)
    expect(xmp).toContain('<dc:identifier>06/QĐ-UBND</dc:identifier>')
    expect(xmp).toContain('Ban hành Kế hoạch &lt;Cải cách&gt; &amp; hành chính')
    expect(xmp).toContain('<rdf:li>2026-01-07</rdf:li>')
  })
})

describe('image pages without a text layer', () => {
  /** A parse without a layout, for inputs whose pages get no text. */
  const empty = () => parseSync(new VFile({path: 'blank', value: 'Trang trắng'}))

  it('makes a page of an image: PNG and WebP at A4 width, a black-and-white TIFF page at its resolution in 1-bit grey', async () => {
    const canvas = createCanvas(300, 200)
    const context = canvas.getContext('2d')
    context.fillStyle = '#fff'
    context.fillRect(0, 0, 300, 200)
    context.fillStyle = '#c00'
    context.fillRect(20, 20, 100, 50)
    for (const format of ['png', 'webp'] as const) {
      const made = await searchablePdf(new Uint8Array(await canvas.encode(format as 'png')), empty())
      const doc = await PDFDocument.load(made.pdf)
      expect(doc.getPageCount()).toBe(1)
      expect(doc.getPage(0).getSize().width).toBeCloseTo(595.28, 1)
      expect(doc.getPage(0).getSize().height).toBeCloseTo((595.28 * 200) / 300, 1)
    }
    const black = new Uint8Array(40 * 30 * 4).fill(255)
    for (let i = 0; i < 40 * 10 * 4; i += 4) black.fill(0, i, i + 3)
    const page = UTIF.encodeImage(black, 40, 30, {t282: [[300, 1]], t296: [2]} as unknown as Parameters<typeof UTIF.encodeImage>[3])
    const made = await searchablePdf(new Uint8Array(page), empty())
    const doc = await PDFDocument.load(made.pdf)
    expect(doc.getPageCount()).toBe(1)
    // 300 dpi declared: 40 px are 9.6 pt.
    expect(doc.getPage(0).getSize().width).toBeCloseTo(9.6, 2)
    const xobjects = doc.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict)
    const image = doc.context.lookup(xobjects.values()[0]) as PDFRawStream
    expect((image.dict.lookup(PDFName.of('BitsPerComponent')) as PDFNumber).asNumber()).toBe(1)
  })
})

describe('text layer: a hyphen ending a line', () => {
  it('is written as U+2010, which pdftotext keeps (it joins a line ending in "-" to the next and drops the hyphen)', async () => {
    const {lineEndHyphen} = await import('../../src/outputs/text-layer.js')
    expect(lineEndHyphen('2021-')).toBe('2021\u2010')
    expect(lineEndHyphen('-')).toBe('\u2010')
    expect(lineEndHyphen('06/QĐ-UBND')).toBe('06/QĐ-UBND')
  })
})
