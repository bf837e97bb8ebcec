/**
 * OCR one page image: even out the light, upscale small text, erase table
 * rules, then recognise with the pool; boxes come back in the pixels of the
 * image as given.
 */
import type {LayoutWord} from './types.js'
import type {GreyImage} from './image/grey-image.js'
import {scaleImage, toPgm} from './image/grey-image.js'
import {normalizeBackground} from './image/normalize-background.js'
import {eraseRulingLines} from './image/ruling-lines.js'
import {estimateTextHeight} from './image/text-height.js'
import type {OcrPool} from './ocr-pool.js'
import {recoverMissingCells} from './recover-cells.js'
import type {RulingLines} from './image/ruling-lines.js'

/** Which preprocessing steps run before OCR (all on by default). */
export interface PreprocessOptions {
  /** Divide out uneven light (photos, dark scans). */
  background?: boolean
  /** Upscale pages whose text lines are under `minTextHeight` pixels. */
  upscale?: boolean
  /** Find and erase table rules. */
  rules?: boolean
  /** Let tesseract straighten a skewed page. */
  deskew?: boolean
}

/** Text lines shorter than this (pixels) are upscaled to about this height. */
export const minTextHeight = 28

/** The recognised page: lines of words in the image's pixels, confidence, rules. */
export interface OcrPage {
  lines: Array<{words: LayoutWord[]}>
  confidence: number
  horizontalRules: number[]
  /** The factor the image was scaled by before OCR (1 when not). */
  scale: number
}

/** Preprocess `image` and OCR it with `pool`. */
export async function ocrPage(image: GreyImage, pool: OcrPool, options: PreprocessOptions = {}): Promise<OcrPage> {
  let work = image
  if (options.background !== false) work = normalizeBackground(work)
  let scale = 1
  if (options.upscale !== false) {
    const textHeight = estimateTextHeight(work)
    if (textHeight > 0 && textHeight < minTextHeight) {
      scale = Math.min(3, minTextHeight / textHeight)
      work = scaleImage(work, scale)
    }
  }
  let rules: RulingLines = {horizontal: [], vertical: []}
  if (options.rules !== false) {
    const erased = eraseRulingLines(work)
    work = erased.image
    rules = erased.rules
  }
  const horizontalRules = rules.horizontal.map((y) => y / scale)
  const result = await pool.recognize(toPgm(work), {deskew: options.deskew ?? true})
  // Cells of a ruled table that OCR left empty (row numbers): read again one by one.
  // Only when tesseract did not rotate the page, so boxes and rules share coordinates.
  if (Math.abs(result.rotateRadians) < 1e-6) {
    const words = result.lines.flatMap((l) => l.words)
    const recovered = await recoverMissingCells(work, rules, words, pool)
    for (const w of recovered) result.lines.push({text: w.text, bbox: w.bbox, confidence: w.confidence, words: [w]})
  }
  const lines = result.lines.filter((line) => !isJunkLine(line.words)).map((line) => ({
    words: line.words.filter((w) => !isJunkWord(w)).map((w) => ({
      text: w.text,
      confidence: w.confidence,
      bbox: {x0: w.bbox.x0 / scale, y0: w.bbox.y0 / scale, x1: w.bbox.x1 / scale, y1: w.bbox.y1 / scale}
    }))
  }))
  return {lines, confidence: result.confidence, horizontalRules, scale}
}

/** Specks read as punctuation or a stray mark: a word without Latin letters or digits that tesseract doubts, or a lone doubtful character. */
export function isJunkWord(word: LayoutWord): boolean {
  if (!/[\p{sc=Latin}\p{N}]/u.test(word.text)) return word.confidence < 0.7
  return [...word.text].length === 1 && word.confidence < 0.3
}

/** A line of noise: at most two letters or digits in all, every word doubtful. */
export function isJunkLine(words: LayoutWord[]): boolean {
  const alnum = words.map((w) => w.text).join('').match(/[\p{sc=Latin}\p{N}]/gu)?.length ?? 0
  return alnum <= 2 && words.every((w) => w.confidence < 0.5)
}
