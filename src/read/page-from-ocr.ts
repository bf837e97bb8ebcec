/**
 * An OCR'd page image as a page of the layout: boxes, rules and grids from
 * image pixels to the page's units (PDF points, or the pixels of the image
 * as the file holds it), and the skew that was undone.
 */
import type {PageInput} from './layout/compose.js'
import {mapGrid} from './layout/grid.js'
import type {OcrPage} from './ocr-page.js'

/** The page `number` of `width` × `height` units, from `ocr` of an image of `pixels` size; `unitsPerPixel` converts. */
export function pageFromOcr(
  ocr: OcrPage,
  page: {number: number; width: number; height: number},
  pixels: {width: number; height: number},
  unitsPerPixel: number
): PageInput {
  const u = (v: number) => v * unitsPerPixel
  const out: PageInput = {
    ...page,
    route: 'ocr',
    confidence: Math.round(ocr.confidence * 1000) / 1000,
    horizontalRules: ocr.horizontalRules.map(u),
    grids: ocr.grids.map((g) => mapGrid(g, u)),
    lines: ocr.lines.map((l) => ({
      words: l.words.map((w) => ({...w, bbox: {x0: u(w.bbox.x0), y0: u(w.bbox.y0), x1: u(w.bbox.x1), y1: u(w.bbox.y1)}}))
    }))
  }
  if (ocr.skew !== 0) out.skew = {degrees: ocr.skew, cx: u(pixels.width / 2), cy: u(pixels.height / 2)}
  return out
}
