/**
 * Read one region of a page image on its own, as a block of text lines
 * (tesseract's mode 6): a signature box, a stamp. Small print is enlarged
 * first so that its letters stand about 30 pixels high.
 */
import {crop} from './image/crop.js'
import {scaleImage, toPgm, type GreyImage} from './image/grey-image.js'
import {estimateTextHeight} from './image/text-height.js'
import type {OcrPool} from './ocr-pool.js'
import type {BBox} from '../tree/types.js'

/** The text of `box` (pixels of `image`), one line per text line, and its mean word confidence (0..1). */
export async function readRegion(image: GreyImage, box: BBox, pool: OcrPool): Promise<{text: string; confidence: number}> {
  let part = crop(image, box.x0, box.y0, box.x1, box.y1, 12)
  const height = estimateTextHeight(part)
  if (height > 0 && height < 24) part = scaleImage(part, Math.min(3, 30 / height))
  const result = await pool.recognize(toPgm(part), {deskew: false, pageSegMode: 6})
  const words = result.lines.flatMap((l) => l.words)
  const text = result.lines
    .map((l) => l.words.map((w) => w.text).join(' ').trim())
    .filter((t) => t !== '')
    .join('\n')
  const confidence = words.length === 0 ? 0 : words.reduce((a, w) => a + w.confidence, 0) / words.length
  return {text: text.normalize('NFC'), confidence: Math.round(confidence * 1000) / 1000}
}
