/**
 * The PDF route: per page, the text layer when it is good Vietnamese;
 * otherwise (no text, or a scanner's garbage OCR layer) the page is rendered
 * at `dpi` and OCR'd. When rendering is off or fails, a garbage layer is kept
 * as `ocr-text` for the restoration stage to repair. Layout units are PDF
 * points, origin top left.
 */
import {createCanvas} from '@napi-rs/canvas'
import type {PDFDocumentProxy, PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {VFile} from 'vfile'
import {greyFromRgba, type GreyImage, type GreyOptions} from './image/grey-image.js'
import {composePages, type PageInput} from './layout/compose.js'
import {ocrUpright, reportUpsideDown} from './ocr-upright.js'
import {pageFromOcr} from './page-from-ocr.js'
import {reportRepairs} from './marker-messages.js'
import {loadPdfjs, openPdf} from './pdf/pdfjs.js'
import {imageCoverage} from './pdf/image-coverage.js'
import {legacyDecoder} from './pdf/legacy-fonts.js'
import {readTextPage} from './pdf/page-tables.js'
import {readTextLayer, type TextLayer} from './pdf/text-layer.js'
import type {LegacyEncoding} from './encoding/legacy.js'
import {stampKind} from './layout/stamps.js'
import {pageKey, type ReadContext} from './read-context.js'
import {ReadError} from './read-error.js'
import {roundBox} from './layout/geometry.js'
import type {BBox} from '../tree/types.js'
import {defaultMaxPixels} from './read-image.js'
import {signatureFields} from './pdf/signature-fields.js'
import {readRegion} from './read-region.js'
import {judgeTextLayer} from '../vietnamese/text-layer.js'
import type {LayoutStamp, Route} from './types.js'
import {report} from '../rules/report.js'

/** Read the PDF in `bytes` into `file`; returns the page count, the file's route and OCR confidence. */
export async function readPdf(file: VFile, bytes: Uint8Array, context: ReadContext): Promise<{pages: number; route: Route; confidence?: number; encoding?: LegacyEncoding}> {
  const doc = await openPdf(bytes, context.name)
  try {
    const total = doc.numPages
    const limit = Math.min(total, context.options.maxPages ?? Infinity)
    if (limit < total) {
      report(file, 'max-pages', `read the first ${limit} of ${total} pages (maxPages)`)
    }
    const pages: PageInput[] = []
    const encodings = new Set<LegacyEncoding>()
    for (let n = 1; n <= limit; n++) {
      context.options.signal?.throwIfAborted()
      const page = await doc.getPage(n).catch((error: unknown) => {
        throw new ReadError(context.name, `corrupt PDF (page ${n}: ${(error as Error).message})`, {cause: error})
      })
      try {
        const key = pageKey(context, n)
        const cached = context.options.pageCache?.get(key)
        if (cached && cached.route === 'ocr') pages.push(cached)
        else {
          const read = await readPage(file, doc, page, context, encodings)
          if (read.route === 'ocr') context.options.pageCache?.set(key, read)
          pages.push(read)
        }
      } finally {
        page.cleanup()
      }
      context.options.onProgress?.({page: n, pages: limit, route: pages[pages.length - 1].route})
    }
    const composed = composePages(pages)
    file.value = composed.text
    file.data.layout = composed.layout
    reportRepairs(file, composed.repairs)
    const routes = new Set(pages.map((p) => p.route))
    const route: Route = routes.has('ocr') ? 'ocr' : routes.has('ocr-text') ? 'ocr-text' : 'pdf-text'
    const ocred = pages.filter((p) => p.route === 'ocr')
    const confidence = ocred.length > 0 ? round(ocred.reduce((a, p) => a + (p.confidence ?? 0), 0) / ocred.length) : undefined
    const encoding = [...encodings][0]
    return {pages: limit, route, ...(confidence !== undefined ? {confidence} : {}), ...(encoding ? {encoding} : {})}
  } finally {
    await doc.destroy()
  }
}

async function readPage(file: VFile, doc: PDFDocumentProxy, page: PDFPageProxy, context: ReadContext, encodings: Set<LegacyEncoding>): Promise<PageInput> {
  const n = page.pageNumber
  let layer = await readTextLayer(page)
  const legacy = await legacyDecoder(page, layer)
  if (legacy) {
    layer = await readTextLayer(page, {decode: legacy.decode})
    encodings.add(legacy.encoding)
  }
  const base = {number: n, width: round2(layer.width), height: round2(layer.height)}
  const mode = context.options.textLayer ?? 'auto'
  const quality = judgeTextLayer(layer.text)
  let needsOcr: boolean
  if (mode === 'always') needsOcr = false
  else if (mode === 'never') needsOcr = true
  else if (quality.verdict === 'good') {
    needsOcr = false
    // A scan with a line or two written over it (an e-office line, a copy stamp): the scan is the page.
    if (overlayOnly(layer) && (await imageCoverage(page)) >= scannedCoverage) {
      report(file, 'overlay-text-layer', `page ${n}: the text layer is a line over a scanned image; reading the image`)
      needsOcr = true
    }
  } else if (quality.verdict === 'bad') {
    report(file, 'bad-text-layer', `page ${n}: text layer rejected (${quality.reason}); reading the page image`)
    needsOcr = true
  } else needsOcr = await hasImages(page)
  // A good text layer: its tables as cells from the page's own rules, the rest as lines.
  if (!needsOcr) return {...base, route: 'pdf-text', ...(await readTextPage(page, layer))}
  if (context.options.render !== false) {
    try {
      const dpi = context.options.dpi ?? 300
      const maxPixels = context.options.maxPixels ?? defaultMaxPixels
      const grey = {dropRed: context.options.preprocess?.dropRed ?? true}
      // Digital-signature boxes are painted over the scan: read each on its own, and the page without them.
      const fields = await signatureFields(page)
      const stamps = fields.length > 0 ? await readSignatureFields(page, fields, dpi, maxPixels, context, n) : []
      const {image, scale} = await renderPage(page, dpi, maxPixels, grey, fields.length === 0)
      const ocr = await ocrUpright(image, context.pool(), context.options.preprocess)
      if (ocr.turned) reportUpsideDown(file, n)
      const read = pageFromOcr(ocr, base, image, 1 / scale)
      // Lines of the text layer that are a stamp's (`SAO Y BẢN CHÍNH`, `Cơ quan phát hành: …`) are given as such.
      if (quality.verdict === 'good') stamps.push(...layerStamps(layer, n))
      if (stamps.length > 0) read.stamps = stamps
      return read
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error
      report(file, 'render-failed', `page ${n}: cannot render for OCR (${(error as Error).message})`)
    }
  }
  if (quality.verdict === 'bad') {
    report(file, 'ocr-text-layer', `page ${n}: keeping the garbage text layer for restoration`)
    return {...base, route: 'ocr-text', lines: layer.lines}
  }
  return {...base, route: 'pdf-text', ...(await readTextPage(page, layer))}
}

/** A page whose largest image covers this share of it or more is a scan. */
export const scannedCoverage = 0.6

/** A text layer of a few short lines: what a system or a stamp writes over a scan, not a page of text. */
function overlayOnly(layer: TextLayer): boolean {
  return layer.lines.length <= 4 && layer.text.trim().length <= 300
}

/** The lines of a text layer that are a stamp's, by their words, as stamps (the text is what the PDF says). */
function layerStamps(layer: TextLayer, page: number): LayoutStamp[] {
  const stamps: LayoutStamp[] = []
  for (const line of layer.lines) {
    const words = [...line.words].sort((a, b) => a.bbox.x0 - b.bbox.x0)
    const text = words.map((w) => w.text).join(' ')
    const kind = stampKind(text) ?? stampKind(text, 'mark')
    if (!kind) continue
    const bbox = roundBox({
      x0: Math.min(...words.map((w) => w.bbox.x0)),
      y0: Math.min(...words.map((w) => w.bbox.y0)),
      x1: Math.max(...words.map((w) => w.bbox.x1)),
      y1: Math.max(...words.map((w) => w.bbox.y1))
    })
    stamps.push({kind, text, page, bbox, confidence: 1})
  }
  return stamps
}

/** True when the page paints an image (a scan), from its operator list. */
async function hasImages(page: PDFPageProxy): Promise<boolean> {
  const {OPS} = await loadPdfjs()
  const list = await page.getOperatorList()
  const paints = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat])
  return list.fnArray.some((op) => paints.has(op))
}

/** The signature boxes `fields` (page units) of `page`, each read on its own as an `e-signature` stamp. */
async function readSignatureFields(page: PDFPageProxy, fields: BBox[], dpi: number, maxPixels: number, context: ReadContext, n: number): Promise<LayoutStamp[]> {
  const {image, scale} = await renderPage(page, dpi, maxPixels, {dropRed: false})
  const stamps: LayoutStamp[] = []
  for (const bbox of fields) {
    const px = {x0: bbox.x0 * scale, y0: bbox.y0 * scale, x1: bbox.x1 * scale, y1: bbox.y1 * scale}
    const {text, confidence} = await readRegion(image, px, context.pool())
    stamps.push({kind: 'e-signature', text, page: n, bbox: roundBox(bbox), confidence})
  }
  return stamps
}

/**
 * Render `page` at `dpi` (less if that exceeds `maxPixels`) to a greyscale image; `scale` is pixels per point.
 * With `annotations` false, what annotations paint over the page (signature boxes, form fields) is left out.
 */
export async function renderPage(page: PDFPageProxy, dpi: number, maxPixels: number, grey: GreyOptions = {}, annotations = true): Promise<{image: GreyImage; scale: number}> {
  let scale = dpi / 72
  const unit = page.getViewport({scale: 1})
  if (unit.width * unit.height * scale * scale > maxPixels) scale = Math.sqrt(maxPixels / (unit.width * unit.height))
  const viewport = page.getViewport({scale})
  const width = Math.ceil(viewport.width)
  const height = Math.ceil(viewport.height)
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width, height)
  type RenderParameters = Parameters<PDFPageProxy['render']>[0]
  const {AnnotationMode} = await loadPdfjs()
  const annotationMode = annotations ? AnnotationMode.ENABLE : AnnotationMode.DISABLE
  const parameters = {canvasContext: context, canvas, viewport, annotationMode} as unknown as RenderParameters
  await page.render(parameters).promise
  const {data} = context.getImageData(0, 0, width, height)
  return {image: greyFromRgba(data, width, height, grey), scale}
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
