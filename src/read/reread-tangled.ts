/**
 * Tesseract sometimes runs two or three neighbouring lines of small print
 * into one text line, taking their words in turn (`CHAN TL. r H CHỦ VAN x
 * TỊCH PHONG` for `TL. CHỦ TỊCH` over `CHÁNH VĂN PHÒNG`; three recipients
 * woven into `- - - VPUB: Ban Các Văn Sở: …`), mostly in the closing block
 * where a seal or a signature crosses the lines. Such a line stands on more
 * than one baseline: its region is read again on its own, as a block of
 * lines (mode 6), and the re-read takes the place of every word in it when
 * tesseract is about as sure of it.
 */
import {crop} from './image/crop.js'
import {toPgm, type GreyImage} from './image/grey-image.js'
import {median, union} from './layout/geometry.js'
import {moveWord, type OcrPool, type OcrWord} from './ocr-pool.js'
import type {BBox} from '../tree/types.js'

/** A line's words stand on more than one baseline when their middles spread over this many word heights. */
export const tangledSpread = 0.9

/** Whether the words of a line stand on two baselines or more (`height`: the page's usual word height). */
export function isTangled(words: OcrWord[], height: number): boolean {
  if (words.length < 4) return false
  const middles = words.map((w) => (w.bbox.y0 + w.bbox.y1) / 2).sort((a, b) => a - b)
  const spread = middles[middles.length - 1] - middles[0]
  if (spread < tangledSpread * height) return false
  // Words on both sides: not one tall speck beside a line.
  const cut = (middles[0] + middles[middles.length - 1]) / 2
  return middles.filter((m) => m < cut).length >= 2 && middles.filter((m) => m >= cut).length >= 2
}

/** Lines of words (image pixels) with their tangled lines read again; lines `skip` accepts (in a ruled table) are left alone. */
export async function rereadTangled(image: GreyImage, lines: Array<{words: OcrWord[]}>, pool: OcrPool, skip: (box: BBox) => boolean = () => false): Promise<Array<{words: OcrWord[]}>> {
  const height = median(lines.flatMap((l) => l.words.map((w) => w.bbox.y1 - w.bbox.y0)))
  if (height <= 0) return lines
  let out: Array<{words: OcrWord[]}> = lines
  for (const line of lines.filter((l) => isTangled(l.words, height))) {
    const b = union(line.words.map((w) => w.bbox))
    if (skip(b)) continue
    const region: BBox = {x0: b.x0 - 0.3 * height, y0: b.y0 - 0.2 * height, x1: b.x1 + 0.3 * height, y1: b.y1 + 0.2 * height}
    const inside = (w: OcrWord) => {
      const x = (w.bbox.x0 + w.bbox.x1) / 2
      const y = (w.bbox.y0 + w.bbox.y1) / 2
      return x >= region.x0 && x <= region.x1 && y >= region.y0 && y <= region.y1
    }
    const replaced = out.flatMap((l) => l.words.filter(inside))
    const margin = 16
    const left = Math.max(0, Math.floor(region.x0))
    const top = Math.max(0, Math.floor(region.y0))
    const part = crop(image, left, top, region.x1, region.y1, margin)
    const result = await pool.recognize(toPgm(part), {deskew: false, pageSegMode: 6})
    const found = result.lines
      .map((l) => ({
        words: l.words.map((w) => moveWord(w, left - margin, top - margin))
      }))
      .filter((l) => l.words.length > 0)
    const letters = (words: OcrWord[]) => words.map((w) => w.text).join('').match(/[\p{L}\p{N}]/gu)?.length ?? 0
    const sure = (words: OcrWord[]) => (words.length === 0 ? 0 : words.reduce((a, w) => a + w.confidence, 0) / words.length)
    const foundWords = found.flatMap((l) => l.words)
    const untangled = found.every((l) => !isTangled(l.words, height)) && found.length >= 2
    if (!untangled || sure(foundWords) < sure(replaced) - 0.05 || letters(foundWords) < 0.7 * letters(replaced)) continue
    out = [...out.map((l) => ({...l, words: l.words.filter((w) => !inside(w))})).filter((l) => l.words.length > 0), ...found]
  }
  return out
}
