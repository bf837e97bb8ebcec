/**
 * A searchable PDF of a scanned document: the pages as they are, with an
 * invisible text layer of the restored text on the OCR word boxes, and the
 * document's metadata.
 *
 * - A PDF keeps its own pages (pdf-lib copies every object; image streams
 *   are not touched). Pages sohoa read by OCR get the text layer; a previous
 *   invisible OCR layer on them is removed first. Pages read from a good
 *   text layer keep it; when every page did, the input is returned
 *   unchanged (`unchanged: true`).
 * - An image becomes one page per image (per page of a TIFF): a JPEG's
 *   stream is copied as is (turned by its EXIF orientation with the page's
 *   matrix, never re-encoded); PNG is stored losslessly, WebP as PNG, TIFF
 *   pages as lossless greyscale. A page is as large as the resolution the
 *   image declares (100 dpi or more), else 210 mm wide (A4).
 */
import {decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFFont, type PDFPage} from 'pdf-lib'
import type {VFile} from 'vfile'
import type {Output} from '../output/schema.js'
import type {Root} from '../tree/types.js'
import {embedTextLayerFont} from './font.js'
import {addImagePage} from './image-pages.js'
import {removeInvisibleText} from './invisible-text.js'
import {documentMetadata, setPdfMetadata} from './metadata.js'
import {layoutToUser, type Matrix} from './page-geometry.js'
import {restoredRuns, type PageRuns} from './restored-words.js'
import {textLayerOperators} from './text-layer.js'
import {sniff} from '../read/sniff.js'
import '../vfile-data.js'
import {report} from '../rules/report.js'

/** What `parse` returned for the document (the output, the file with its layout, the tree). */
export interface Parsed {
  output: Output
  file: VFile
  tree: Root
}

/** Options of `searchablePdf`. */
export interface SearchablePdfOptions {
  /** A TrueType font with Vietnamese glyphs for the text layer (default: the shipped Liberation Serif). */
  font?: Uint8Array
}

/** The searchable PDF and what was done. */
export interface SearchablePdf {
  /** The PDF's bytes. */
  pdf: Uint8Array
  /** The input PDF was returned as it is: every page already had a good text layer. */
  unchanged: boolean
  /** Pages given a text layer. */
  layered: number[]
  /** Invisible text operators removed from pages sohoa read again. */
  removed: number
  /** Notes for the person running it (also added to `parsed.file` as info messages). */
  notes: string[]
}

/** The searchable PDF of the document in `bytes` (a PDF or an image), parsed as `parsed`. Throws naming the reason when it cannot be made. */
export async function searchablePdf(bytes: Uint8Array, parsed: Parsed, options: SearchablePdfOptions = {}): Promise<SearchablePdf> {
  const sniffed = sniff(bytes)
  const name = parsed.file.path ?? '<bytes>'
  if (!sniffed.supported || (sniffed.kind !== 'pdf' && sniffed.kind !== 'png' && sniffed.kind !== 'jpeg' && sniffed.kind !== 'tiff' && sniffed.kind !== 'webp')) {
    throw new Error(`${name}: no page images to make a searchable PDF of (not a PDF or an image)`)
  }
  const pages = restoredRuns(parsed.file, parsed.tree)
  const notes: string[] = []
  const note = (text: string) => {
    notes.push(text)
    report(parsed.file, 'searchable-pdf', text)
  }
  if (sniffed.kind === 'pdf') {
    const toLayer = pages.filter((p) => p.route === 'ocr' || p.route === 'ocr-text')
    if (toLayer.length === 0) {
      note('the PDF already has a good text layer on every page: copied unchanged')
      return {pdf: bytes, unchanged: true, layered: [], removed: 0, notes}
    }
    let doc: PDFDocument
    try {
      doc = await PDFDocument.load(bytes, {updateMetadata: false})
    } catch (error) {
      throw new Error(`${name}: cannot rewrite the PDF (${(error as Error).message})`, {cause: error})
    }
    if (isSigned(doc)) note('the input PDF is digitally signed: its signature covers the original file, not this searchable copy')
    const font = await embedTextLayerFont(doc, options.font)
    let removed = 0
    const layered: number[] = []
    for (const p of toLayer) {
      if (p.number > doc.getPageCount()) continue
      const page = doc.getPage(p.number - 1)
      removed += replaceContent(doc, page, p, font, layoutToUser(page))
      layered.push(p.number)
    }
    const kept = pages.length - toLayer.length
    if (kept > 0) note(`${kept} page(s) keep their own good text layer`)
    if (removed > 0) note(`removed the input's own invisible text (${removed} operator(s)) from the pages sohoa read again`)
    setPdfMetadata(doc, documentMetadata(parsed.output))
    return {pdf: await doc.save({useObjectStreams: true}), unchanged: false, layered, removed, notes}
  }
  const doc = await PDFDocument.create({updateMetadata: false})
  const font = await embedTextLayerFont(doc, options.font)
  const added = await addImagePages(doc, bytes, sniffed.kind, pages)
  const layered: number[] = []
  for (const {page, toUser, runs} of added) {
    if (!runs) continue
    appendContent(doc, page, textOperators(page, runs, font, toUser))
    layered.push(runs.number)
  }
  setPdfMetadata(doc, documentMetadata(parsed.output))
  return {pdf: await doc.save({useObjectStreams: true}), unchanged: false, layered, removed: 0, notes}
}

/** Image pages of every image in `bytes`, with the runs of the layout page each stands for. */
async function addImagePages(doc: PDFDocument, bytes: Uint8Array, kind: 'png' | 'jpeg' | 'tiff' | 'webp', pages: PageRuns[]): Promise<Array<{page: PDFPage; toUser: Matrix; runs?: PageRuns}>> {
  const out: Array<{page: PDFPage; toUser: Matrix; runs?: PageRuns}> = []
  for await (const added of addImagePage(doc, bytes, kind)) {
    const runs = pages.find((p) => p.number === added.number)
    // Layout units are the upright image's pixels; scale in case the reader saw another size.
    const sx = runs && runs.width > 0 ? added.pixels.width / runs.width : 1
    const sy = runs && runs.height > 0 ? added.pixels.height / runs.height : 1
    const [s, , , , , height] = added.pixelsToUser
    const toUser: Matrix = [s * sx, 0, 0, -s * sy, 0, height]
    out.push({page: added.page, toUser, runs})
  }
  return out
}

/** Wrap the page's own content in `q … Q`, drop its invisible text, and append the text layer; returns the operators removed. */
function replaceContent(doc: PDFDocument, page: PDFPage, runs: PageRuns, font: PDFFont, toUser: Matrix): number {
  const contents = page.node.get(PDFName.of('Contents'))
  const refs: PDFRef[] = []
  let removed = 0
  const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : []
  for (const entry of streams) {
    const stream = doc.context.lookup(entry)
    if (!(stream instanceof PDFRawStream)) {
      if (entry instanceof PDFRef) refs.push(entry)
      continue
    }
    let decoded: Uint8Array
    try {
      decoded = decodePDFRawStream(stream).decode()
    } catch {
      if (entry instanceof PDFRef) refs.push(entry)
      continue
    }
    const stripped = removeInvisibleText(decoded)
    if (stripped.removed === 0 && entry instanceof PDFRef) {
      refs.push(entry)
      continue
    }
    removed += stripped.removed
    refs.push(doc.context.register(doc.context.flateStream(stripped.content)))
  }
  const open = doc.context.register(doc.context.stream('q\n'))
  const layer = doc.context.register(doc.context.flateStream('Q\n' + textOperators(page, runs, font, toUser)))
  page.node.set(PDFName.of('Contents'), doc.context.obj([open, ...refs, layer]))
  return removed
}

/** Append `operators` to the page's content, after what it draws. */
function appendContent(doc: PDFDocument, page: PDFPage, operators: string): void {
  const contents = page.node.get(PDFName.of('Contents'))
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : []
  const layer = doc.context.register(doc.context.flateStream(operators))
  page.node.set(PDFName.of('Contents'), doc.context.obj([...refs, layer]))
}

function textOperators(page: PDFPage, runs: PageRuns, font: PDFFont, toUser: Matrix): string {
  const key = page.node.newFontDictionary('SohoaText', font.ref)
  return textLayerOperators(runs.runs, font, key.asString().slice(1), toUser)
}

/** Whether the document holds signature fields (AcroForm `SigFlags` bit 1). */
function isSigned(doc: PDFDocument): boolean {
  const form = doc.catalog.lookup(PDFName.of('AcroForm'))
  if (!(form instanceof PDFDict)) return false
  const flags = form.lookup(PDFName.of('SigFlags'))
  return flags instanceof PDFNumber && (flags.asNumber() & 1) === 1
}
