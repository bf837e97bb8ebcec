/**
 * A PDF page's text layer as positioned words, in PDF points with the origin
 * at the top left of the page (the unit of `LayoutPage` for PDFs): its runs
 * (the text items pdf.js gives, split into words), and those runs grouped
 * into lines by baseline. A word the PDF splits into two runs (a change of
 * font or kerning mid-word) is one word again: runs that touch, with no
 * space between them, are joined.
 */
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {TextItem} from 'pdfjs-dist/types/src/display/api.js'
import type {LayoutWord} from '../types.js'
import {baseline} from './cell-text.js'
import {loadPdfjs} from './pdfjs.js'

/** A page's text layer: its size, its runs, its runs grouped in lines, the plain text, and the fonts of its runs (pdf.js ids). */
export interface TextLayer {
  width: number
  height: number
  /** The runs in content order, each as its words. */
  runs: LayoutWord[][]
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

/** Two runs closer than this share of the font size, with no space between them, are one word. */
export const joinGap = 0.12

/** Read the text layer of `page` as runs and lines of words (confidence 1: the text is what the PDF says). */
export async function readTextLayer(page: PDFPageProxy, options: TextLayerOptions = {}): Promise<TextLayer> {
  const pdfjs = await loadPdfjs()
  const viewport = page.getViewport({scale: 1})
  const content = await page.getTextContent(options.decode ? {disableNormalization: true} : {})
  const runs: LayoutWord[][] = []
  const texts: string[] = []
  const fonts = new Set<string>()
  // The run before, when nothing (no space, no line end) separates it from the next one.
  let open: {words: LayoutWord[]; end: number; base: number; size: number} | undefined
  for (const raw of content.items) {
    if (!('str' in raw)) continue
    const item = raw as TextItem
    fonts.add(item.fontName)
    const str = options.decode ? options.decode(item.str, item.fontName) : item.str
    texts.push(str + (item.hasEOL ? '\n' : ''))
    if (str.trim() === '') {
      open = undefined
      continue
    }
    const tx = pdfjs.Util.transform(viewport.transform, item.transform)
    const size = Math.hypot(tx[2], tx[3]) || item.height || 1
    const x = tx[4]
    const base = tx[5]
    const width = item.width * viewport.scale
    const words = splitWords(str, x, width, base - 0.8 * size, base + 0.2 * size)
    const touches =
      open !== undefined &&
      !/^\s/u.test(str) &&
      Math.abs(open.base - base) < 0.2 * Math.min(open.size, size) &&
      x - open.end < joinGap * Math.min(open.size, size) &&
      x - open.end > -0.5 * Math.min(open.size, size)
    if (touches && words.length > 0) {
      const last = open!.words[open!.words.length - 1]
      const first = words.shift()!
      open!.words[open!.words.length - 1] = {...last, text: last.text + first.text, bbox: {...last.bbox, x1: first.bbox.x1, y0: Math.min(last.bbox.y0, first.bbox.y0), y1: Math.max(last.bbox.y1, first.bbox.y1)}}
    }
    if (words.length > 0) runs.push(words)
    open = /\s$/u.test(str) || item.hasEOL ? undefined : {words: words.length > 0 ? words : open!.words, end: x + width, base, size}
  }
  return {width: viewport.width, height: viewport.height, runs, lines: groupLines(runs), text: texts.join(''), fonts}
}

/**
 * Group runs into lines: a run joins the first line whose baseline is its
 * own (within 0.4 of the smaller font size) and whose words it does not
 * overlap; else it starts a line.
 */
export function groupLines(runs: LayoutWord[][]): Array<{words: LayoutWord[]}> {
  const lines: Array<{words: LayoutWord[]; baseline: number; size: number}> = []
  for (const words of runs) {
    if (words.length === 0) continue
    const base = baseline(words[0])
    const size = words[0].bbox.y1 - words[0].bbox.y0
    const line = lines.find((l) => Math.abs(l.baseline - base) < 0.4 * Math.min(l.size, size))
    if (line && !words.some((w) => line.words.some((o) => o.bbox.x0 < w.bbox.x1 && w.bbox.x0 < o.bbox.x1))) line.words.push(...words)
    else lines.push({words: [...words], baseline: base, size})
  }
  return lines.map((l) => ({words: l.words}))
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
