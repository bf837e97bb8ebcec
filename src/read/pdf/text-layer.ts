/**
 * A PDF page's text layer as positioned words, in PDF points with the origin
 * at the top left of the page (the unit of `LayoutPage` for PDFs).
 */
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {TextItem} from 'pdfjs-dist/types/src/display/api.js'
import type {LayoutWord} from '../types.js'
import {loadPdfjs} from './pdfjs.js'

/** A page's text layer: its size, its runs grouped in lines, the plain text, and the fonts of its runs (pdf.js ids). */
export interface TextLayer {
  width: number
  height: number
  lines: Array<{words: LayoutWord[]}>
  text: string
  fonts: Set<string>
}

/** Options of `readTextLayer`. */
export interface TextLayerOptions {
  /**
   * Convert the text of a run in the font `font` (a pdf.js id): legacy
   * encodings. The runs are then read without pdf.js's Unicode
   * normalisation, which would turn their codes into other characters
   * (`µ`, TCVN3's à, into `μ`; `\u00ad`, TCVN3's ư, dropped).
   */
  decode?: (text: string, font: string) => string
}

/** Read the text layer of `page` as lines of words (confidence 1: the text is what the PDF says). */
export async function readTextLayer(page: PDFPageProxy, options: TextLayerOptions = {}): Promise<TextLayer> {
  const pdfjs = await loadPdfjs()
  const viewport = page.getViewport({scale: 1})
  const content = await page.getTextContent(options.decode ? {disableNormalization: true} : {})
  const lines: Array<{words: LayoutWord[]; baseline: number; size: number}> = []
  const texts: string[] = []
  const fonts = new Set<string>()
  for (const raw of content.items) {
    if (!('str' in raw)) continue
    const item = raw as TextItem
    fonts.add(item.fontName)
    const str = options.decode ? options.decode(item.str, item.fontName) : item.str
    texts.push(str + (item.hasEOL ? '\n' : ''))
    if (str.trim() === '') continue
    const tx = pdfjs.Util.transform(viewport.transform, item.transform)
    const size = Math.hypot(tx[2], tx[3]) || item.height || 1
    const x = tx[4]
    const baseline = tx[5]
    const width = item.width * viewport.scale
    const words = splitWords(str, x, width, baseline - 0.8 * size, baseline + 0.2 * size)
    const line = lines.find((l) => Math.abs(l.baseline - baseline) < 0.4 * Math.min(l.size, size))
    if (line && !words.some((w) => line.words.some((o) => o.bbox.x0 < w.bbox.x1 && w.bbox.x0 < o.bbox.x1))) line.words.push(...words)
    else lines.push({words, baseline, size})
  }
  return {
    width: viewport.width,
    height: viewport.height,
    lines: lines.map((l) => ({words: l.words})),
    text: texts.join(''),
    fonts
  }
}

/** Split a run into words, giving each a share of the run's width by its characters. */
function splitWords(text: string, x: number, width: number, y0: number, y1: number): LayoutWord[] {
  const chars = [...text]
  const perChar = chars.length === 0 ? 0 : width / chars.length
  const words: LayoutWord[] = []
  let offset = 0
  for (const part of text.split(/(\s+)/)) {
    const n = [...part].length
    if (part.trim() !== '') {
      words.push({text: part, bbox: {x0: x + offset * perChar, y0, x1: x + (offset + n) * perChar, y1}, confidence: 1})
    }
    offset += n
  }
  return words
}
