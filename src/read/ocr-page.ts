/**
 * OCR one page image: paint the desk around a photographed sheet white, even out the light, straighten a skewed page (upscale
 * small text, when asked), find and erase table rules, then recognise with the pool;
 * boxes come back in the pixels of the image as given, straightened (see
 * `OcrPage.skew` to map them back onto the image).
 */
import type {LayoutWord} from './types.js'
import type {GreyImage} from './image/grey-image.js'
import {scaleImage, toPgm} from './image/grey-image.js'
import {normalizeBackground} from './image/normalize-background.js'
import {findSurround, paintSurround} from './image/paper.js'
import {frameGrid} from './image/frame-grid.js'
import {darkLevel} from './image/ink-level.js'
import {eraseRulingLines, type RulingLines} from './image/ruling-lines.js'
import {measureSkew, rotateImage} from './image/skew.js'
import {estimateLinePitch, estimateTextHeight} from './image/text-height.js'
import {findFrames, findGrids, mapGrid, type Grid} from './layout/grid.js'
import {splitAtGaps} from './layout/segments.js'
import type {OcrPool} from './ocr-pool.js'
import {rereadCells} from './reread-cells.js'
import {rereadSegments} from './reread-segments.js'

/** Which preprocessing steps run before OCR (all on by default, but upscaling and tesseract's own deskew). */
export interface PreprocessOptions {
  /** Paint what lies around the sheet of paper in a photo (a desk) white, so its edges make no table. */
  paper?: boolean
  /** Divide out uneven light (photos, dark scans). */
  background?: boolean
  /** Measure the page's skew and rotate it straight before looking for rules and OCR. */
  deskew?: boolean
  /**
   * Upscale pages whose text lines are under `minTextHeight` pixels. Off by default: tesseract
   * scales each text line itself, and interpolating first only lost accuracy on phone photos of
   * 100–150 dpi (`npm run eval -- ocr --phone-dpi 120`).
   */
  upscale?: boolean
  /** Find and erase table rules, and rebuild ruled tables from them. */
  rules?: boolean
  /** Read again, one by one, table cells OCR left empty or doubtful and doubtful pieces of lines that run two columns together. */
  reread?: boolean
  /** Read red ink (a seal over the signature) as paper when the page is decoded. */
  dropRed?: boolean
  /** Read a page again turned half a turn when its words are no Vietnamese (a page upside down; see `ocrUpright`). */
  upright?: boolean
  /** Let tesseract straighten the page as well (its `rotateAuto`; off by default: it lowers accuracy on photos). */
  tesseractDeskew?: boolean
}

/** Text lines shorter than this (pixels) are upscaled, to about `upscaledTextHeight`. */
export const minTextHeight = 20

/** The text height (pixels) an upscaled page is brought to. */
export const upscaledTextHeight = 28

/** Skews smaller than this (degrees) are left alone: under a pixel or two of drift across a page. */
export const minSkew = 0.05

/** A skewed page without a ruled table is left as it is while its lines drift by less than this share of the line pitch across it. */
export const maxDrift = 0.8

/** The recognised page: lines of words in the image's pixels (straightened), confidence, rules. */
export interface OcrPage {
  lines: Array<{words: LayoutWord[]}>
  confidence: number
  /** Horizontal rules (y), for tables whose columns are not ruled. */
  horizontalRules: number[]
  /** Ruled tables. */
  grids: Grid[]
  /** The page's skew in degrees (clockwise), undone before OCR; 0 when the page was straight or not measured. */
  skew: number
  /** The factor the image was scaled by before OCR (1 when not). */
  scale: number
}

/** Preprocess `image` and OCR it with `pool`. */
export async function ocrPage(image: GreyImage, pool: OcrPool, options: PreprocessOptions = {}): Promise<OcrPage> {
  let work = image
  const surround = options.paper === false ? null : findSurround(work)
  if (options.background !== false) work = normalizeBackground(work)
  if (surround) work = paintSurround(work, surround)
  // How dark the page's ink is: its rules and letters are told from paper by it.
  const dark = darkLevel(work)
  let skew = 0
  if (options.deskew !== false) {
    const measured = measureSkew(work)
    if (Math.abs(measured.degrees) >= minSkew) skew = measured.degrees
  }
  const straight = skew === 0 ? work : rotateImage(work, -skew)
  const textHeight = options.upscale === true ? estimateTextHeight(straight) : 0
  let scale = 1
  if (textHeight > 0 && textHeight < minTextHeight) scale = Math.min(3, upscaledTextHeight / textHeight)
  // Rotating costs sharpness: undo a skew only when a ruled table needs straight rules, or when lines drift by
  // most of a line across the page (rows of words would mix); tesseract follows a slighter slant itself.
  let straightErased: ReturnType<typeof eraseRulingLines> | undefined
  if (skew !== 0) {
    straightErased = eraseRulingLines(straight, {dark})
    const ruled = findGrids(straightErased.rules)
    if (ruled.length === 0 && findFrames(straightErased.rules, ruled).length === 0) {
      const drift = work.width * Math.tan((Math.abs(skew) * Math.PI) / 180)
      if (drift < maxDrift * estimateLinePitch(straight)) skew = 0
    }
  }
  // Straightened and upscaled in one pass from the page, bicubic when upscaling, so a small photo is interpolated once.
  if (skew !== 0) work = scale === 1 ? straight : rotateImage(work, -skew, scale, true)
  else if (scale !== 1) work = scaleImage(work, scale)
  let rules: RulingLines = {horizontal: [], vertical: []}
  if (options.rules !== false) {
    // The straightened page's rules were found already when its skew was weighed.
    const erased = work === straight && straightErased ? straightErased : eraseRulingLines(work, {dark})
    work = erased.image
    rules = erased.rules
  }
  // Rule ends and edges within about 1 mm meet (12 pixels on an A4 page at 300 dpi).
  const tolerance = Math.max(4, 0.005 * Math.min(work.width, work.height))
  const ruled = findGrids(rules, {tolerance})
  // Ruled tables, then frames ruled across only or boxed, their columns from the ink in them.
  const grids = [...ruled, ...findFrames(rules, ruled, {tolerance}).flatMap((frame) => frameGrid(work, frame, dark) ?? [])]
  const result = await pool.recognize(toPgm(work), {deskew: options.tesseractDeskew ?? false})
  // Short doubtful lines are noise, but in a table's cell ("TT", "1") they are text.
  const inTable = (b: {x0: number; y0: number; x1: number; y1: number}) =>
    grids.some((g) => b.x0 >= g.xs[0] && b.x1 <= g.xs[g.xs.length - 1] && b.y0 >= g.ys[0] && b.y1 <= g.ys[g.ys.length - 1])
  const cellWords = new Set<LayoutWord>()
  let found = result.lines.filter((line) => inTable(line.bbox) || !isJunkLine(line.words))
  // Cells of a ruled table that OCR left empty or garbled (row numbers): read again one by one.
  // Only when tesseract did not rotate the page, so boxes and rules share coordinates.
  if (options.reread !== false && Math.abs(result.rotateRadians) < 1e-6) {
    const reread = await rereadCells(work, grids, found.flatMap((l) => l.words), pool)
    found = found.map((line) => ({...line, words: line.words.filter((w) => !reread.replaced.has(w))}))
    // A cell's short text ("TT", "1", even "|" for 1) is kept even when doubtful: the cell holds ink.
    for (const w of reread.words) {
      found.push({text: w.text, bbox: w.bbox, confidence: w.confidence, words: [w]})
      cellWords.add(w)
    }
  }
  const reread = options.reread === false ? found : await rereadSegments(work, found, pool)
  const back = (v: number) => v / scale
  const lines = reread.map((line) => ({
    words: dropLeadingSpecks(line.words.filter((w) => cellWords.has(w) || !isJunkWord(w))).map((w) => ({
      text: w.text,
      confidence: w.confidence,
      bbox: {x0: back(w.bbox.x0), y0: back(w.bbox.y0), x1: back(w.bbox.x1), y1: back(w.bbox.y1)}
    }))
  }))
  return {
    lines,
    confidence: result.confidence,
    horizontalRules: rules.horizontal.map((r) => back(r.y)),
    grids: grids.map((g) => mapGrid(g, back)),
    skew,
    scale
  }
}

/** Specks read as punctuation or a stray mark: a word without Latin letters or digits that tesseract doubts, or a lone doubtful character. */
export function isJunkWord(word: LayoutWord): boolean {
  if (!/[\p{sc=Latin}\p{N}]/u.test(word.text)) return word.confidence < 0.7
  return [...word.text].length === 1 && word.confidence < 0.3
}

/**
 * Without the specks read as a dot, colon or quote that stand first in a
 * piece of a line ("． CHỦ TỊCH", ": - Như Điều 3"), alone or run into the
 * capital of the first word ("'Căn cứ"): no line of Vietnamese text starts
 * with one (quotation marks are “ ”). Dashes, brackets and “ stay.
 */
export function dropLeadingSpecks(words: LayoutWord[]): LayoutWord[] {
  const keep = new Set(words)
  const trimmed = new Map<LayoutWord, LayoutWord>()
  for (const segment of splitAtGaps([...words])) {
    for (const w of segment.words) {
      const glued = w.text.match(/^[.,:;'`´‘’"„]+(?=\p{Lu})/u)
      if (glued) trimmed.set(w, {...w, text: w.text.slice(glued[0].length)})
      if (!/^[.,:;'`´‘’"„]+$/u.test(w.text)) break
      keep.delete(w)
    }
  }
  return words.filter((w) => keep.has(w)).map((w) => trimmed.get(w) ?? w)
}

/** A line of noise: at most two letters or digits in all, every word doubtful. */
export function isJunkLine(words: LayoutWord[]): boolean {
  const alnum = words.map((w) => w.text).join('').match(/[\p{sc=Latin}\p{N}]/gu)?.length ?? 0
  return alnum <= 2 && words.every((w) => w.confidence < 0.5)
}
