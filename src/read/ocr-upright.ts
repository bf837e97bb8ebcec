/**
 * OCR a page image the right way up. A page read upside down (a photo taken
 * from across the desk, a sheet fed into the scanner the wrong way round)
 * comes out as words that are no Vietnamese syllables; such a page is turned
 * half a turn and read again, and the better reading kept. (A page on its
 * side tesseract reads by itself, or reads upside down, which this covers.)
 */
import type {VFile} from 'vfile'
import {textQuality} from '../vietnamese/quality.js'
import type {GreyImage} from './image/grey-image.js'
import {orientImage} from './image/orientation.js'
import {ocrPage, type OcrPage, type PreprocessOptions} from './ocr-page.js'
import type {OcrPool} from './ocr-pool.js'
import {report} from '../rules/report.js'

/** A reading with fewer words than this is not judged (a near-empty page). */
export const minWords = 10

/** A reading whose share of words spelt like Vietnamese syllables is below this is tried the other way up (upright pages: 0.8–1; upside down: about 0.2). */
export const minSyllableShare = 0.5

/** The page as read, and whether it had to be turned half a turn; a turned page's `skew` includes the 180°. */
export interface UprightPage extends OcrPage {
  turned: boolean
}

/** How Vietnamese a reading looks: its word count and the share of them that are syllables (`textQuality`). */
export function syllableShare(page: OcrPage): {words: number; share: number} {
  const quality = textQuality(page.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n'))
  return {words: quality.syllables, share: quality.validShare}
}

/** OCR `image` (see `ocrPage`), turned half a turn when it reads as a page upside down. */
export async function ocrUpright(image: GreyImage, pool: OcrPool, options: PreprocessOptions = {}): Promise<UprightPage> {
  const page = await ocrPage(image, pool, options)
  const first = syllableShare(page)
  if (options.upright === false || first.words < minWords || first.share >= minSyllableShare) return {...page, turned: false}
  const turned = await ocrPage(orientImage(image, 3), pool, options)
  const second = syllableShare(turned)
  if (second.share <= first.share) return {...page, turned: false}
  return {...turned, skew: turned.skew + 180, turned: true}
}

/** Tell `file` that page `page` was read turned half a turn (`read:upside-down`, info). */
export function reportUpsideDown(file: VFile, page: number): void {
  report(file, 'upside-down', `page ${page}: read upside down; turned half a turn`)
}
