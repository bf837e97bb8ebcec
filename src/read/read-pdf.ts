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
import {legacyDecoder} from './pdf/legacy-fonts.js'
import {readTextPage} from './pdf/page-tables.js'
import {readTextLayer} from './pdf/text-layer.js'
import type {LegacyEncoding} from './encoding/legacy.js'
import type {ReadContext} from './read-context.js'
import {ReadError} from './read-error.js'
import {defaultMaxPixels} from './read-image.js'
import {judgeTextLayer} from '../vietnamese/text-layer.js'
import type {Route} from './types.js'
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
        pages.push(await readPage(file, doc, page, context, encodings))
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
  else if (quality.verdict === 'good') needsOcr = false
  else if (quality.verdict === 'bad') {
    report(file, 'bad-text-layer', `page ${n}: text layer rejected (${quality.reason}); reading the page image`)
    needsOcr = true
  } else needsOcr = await hasImages(page)
  // A good text layer: its tables as cells from the page's own rules, the rest as lines.
  if (!needsOcr) return {...base, route: 'pdf-text', ...(await readTextPage(page, layer))}
  if (context.options.render !== false) {
    try {
      const {image, scale} = await renderPage(page, context.options.dpi ?? 300, context.options.maxPixels ?? defaultMaxPixels, {dropRed: context.options.preprocess?.dropRed ?? true})
      const ocr = await ocrUpright(image, context.pool(), context.options.preprocess)
      if (ocr.turned) reportUpsideDown(file, n)
      return pageFromOcr(ocr, base, image, 1 / scale)
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

/** True when the page paints an image (a scan), from its operator list. */
async function hasImages(page: PDFPageProxy): Promise<boolean> {
  const {OPS} = await loadPdfjs()
  const list = await page.getOperatorList()
  const paints = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat])
  return list.fnArray.some((op) => paints.has(op))
}

/** Render `page` at `dpi` (less if that exceeds `maxPixels`) to a greyscale image; `scale` is pixels per point. */
export async function renderPage(page: PDFPageProxy, dpi: number, maxPixels: number, grey: GreyOptions = {}): Promise<{image: GreyImage; scale: number}> {
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
  const parameters = {canvasContext: context, canvas, viewport} as unknown as RenderParameters
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
