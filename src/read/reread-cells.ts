/**
 * Tesseract's page layout analysis drops or garbles short isolated text in
 * narrow ruled cells — the row numbers of a task table ("1", "I.") and the
 * "TT" header most of all. Every cell of a ruled table (`layout/grid.ts`)
 * that holds ink but no recognised word, or only doubtful words, is read
 * again on its own: just its ink on white paper, one block of text, no
 * deskew. A re-read takes the place of the page's words in the cell when
 * tesseract is surer of it.
 */
import type {LayoutWord} from './types.js'
import {countInk, cutText} from './image/crop.js'
import {toPgm, type GreyImage} from './image/grey-image.js'
import {gridCells, type Grid} from './layout/grid.js'
import {moveWord, type OcrPool} from './ocr-pool.js'

/** Ink (dark pixels) a cell must hold to be worth reading again. */
export const minCellInk = 30

/** A cell is read again in black and white, ink below this grey level (of the background-normalised page). */
export const cellThreshold = 180

/** A cell whose words' mean confidence is below this is read again. */
export const doubtfulCell = 0.6

/** What re-reading the cells gave: words to add, and the page's words they replace. */
export interface RereadCells {
  words: LayoutWord[]
  replaced: Set<LayoutWord>
}

/** Read again the empty and doubtful cells of `grids` (image pixels; `words` are the page's). */
export async function rereadCells(image: GreyImage, grids: Grid[], words: LayoutWord[], pool: OcrPool): Promise<RereadCells> {
  const inset = 5
  const jobs: Array<Promise<RereadCells>> = []
  for (const cell of grids.flatMap(gridCells)) {
    const {bbox} = cell
    const [x0, x1, y0, y1] = [bbox.x0 + inset, bbox.x1 - inset, bbox.y0 + inset, bbox.y1 - inset]
    if (x1 - x0 < 8 || y1 - y0 < 8) continue
    const inside = words.filter((w) => {
      const cx = (w.bbox.x0 + w.bbox.x1) / 2
      const cy = (w.bbox.y0 + w.bbox.y1) / 2
      return cx > x0 && cx < x1 && cy > y0 && cy < y1
    })
    // Specks read as punctuation do not fill a cell.
    const text = inside.filter((w) => /[\p{L}\p{N}]/u.test(w.text))
    const before = meanConfidence(text)
    if (text.length > 0 && before >= doubtfulCell) continue
    if (countInk(image, x0, y0, x1, y1, cellThreshold) < minCellInk) continue
    // Just the text, on white: specks and faint traces of the erased rules around an almost empty cell mislead tesseract ("7" read as "b4").
    const cut = cutText(image, x0, y0, x1, y1)
    if (!cut) continue
    // In black and white: on the few glyphs of a cell, grey paper and JPEG noise mislead the recogniser ("3" read as "5").
    const binary = {...cut.image, data: cut.image.data.map((v) => (v < cellThreshold ? 0 : 255))}
    jobs.push(
      pool.recognize(toPgm(binary), {deskew: false, pageSegMode: 6}).then((result) => {
        const found = result.lines.flatMap((line) =>
          line.words.map((w) => moveWord(w, cut.x0, cut.y0))
        )
        if (found.length === 0 || (text.length > 0 && meanConfidence(found) <= before)) return {words: [], replaced: new Set()}
        return {words: found, replaced: new Set(inside)}
      })
    )
  }
  const out: RereadCells = {words: [], replaced: new Set()}
  for (const result of await Promise.all(jobs)) {
    out.words.push(...result.words)
    for (const w of result.replaced) out.replaced.add(w)
  }
  return out
}

function meanConfidence(words: LayoutWord[]): number {
  return words.length === 0 ? 0 : words.reduce((a, w) => a + w.confidence, 0) / words.length
}
