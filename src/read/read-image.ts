/**
 * The image route: PNG, JPEG, WebP, TIFF (each TIFF page a page) → OCR.
 * Layout units are the image's pixels.
 */
import type {VFile} from 'vfile'
import {decodeImage} from './image/decode-image.js'
import {scaleImage} from './image/grey-image.js'
import {composePages, type PageInput} from './layout/compose.js'
import {ocrUpright, reportUpsideDown} from './ocr-upright.js'
import {pageFromOcr} from './page-from-ocr.js'
import {reportRepairs} from './marker-messages.js'
import type {OcrPool} from './ocr-pool.js'
import {ReadError} from './read-error.js'
import type {InputKind} from './sniff.js'
import type {ReadContext} from './read-context.js'
import {report} from '../rules/report.js'

/** OCR the image in `bytes` into `file` (value and layout); returns page count and mean confidence. */
export async function readImage(file: VFile, bytes: Uint8Array, kind: InputKind, pool: OcrPool, context: ReadContext): Promise<{pages: number; confidence: number}> {
  let images
  try {
    images = await decodeImage(bytes, kind, {dropRed: context.options.preprocess?.dropRed ?? true})
  } catch (error) {
    throw new ReadError(context.name, `corrupt ${kind.toUpperCase()} image (${(error as Error).message})`, {cause: error})
  }
  const limit = Math.min(images.length, context.options.maxPages ?? Infinity)
  if (limit < images.length) {
    report(file, 'max-pages', `read the first ${limit} of ${images.length} pages (maxPages)`)
  }
  const pages: PageInput[] = []
  for (let n = 0; n < limit; n++) {
    context.options.signal?.throwIfAborted()
    let image = images[n]
    const maxPixels = context.options.maxPixels ?? defaultMaxPixels
    let factor = 1
    if (image.width * image.height > maxPixels) {
      factor = Math.sqrt(maxPixels / (image.width * image.height))
      image = scaleImage(image, factor)
    }
    const ocr = await ocrUpright(image, pool, context.options.preprocess)
    if (ocr.turned) reportUpsideDown(file, n + 1)
    pages.push(pageFromOcr(ocr, {number: n + 1, width: images[n].width, height: images[n].height}, image, 1 / factor))
    context.options.onProgress?.({page: n + 1, pages: limit, route: 'ocr'})
  }
  const composed = composePages(pages)
  file.value = composed.text
  file.data.layout = composed.layout
  reportRepairs(file, composed.repairs)
  return {pages: limit, confidence: meanOf(pages.map((p) => p.confidence ?? 0))}
}

/** Larger images are scaled down to this many pixels before OCR. */
export const defaultMaxPixels = 40_000_000

function meanOf(values: number[]): number {
  return values.length === 0 ? 0 : round(values.reduce((a, b) => a + b, 0) / values.length)
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
