/**
 * Tesseract's page layout analysis drops short isolated text in narrow
 * ruled cells — the row numbers of a task table ("1", "I.") most of all.
 * When the rules of a table are known, every cell that holds ink but no
 * recognised word is read again on its own (single block, no deskew), and
 * its words are added to the page.
 */
import type {LayoutWord} from './types.js'
import {countInk, crop} from './image/crop.js'
import {toPgm, type GreyImage} from './image/grey-image.js'
import type {RulingLines} from './image/ruling-lines.js'
import type {OcrPool} from './ocr-pool.js'

/** Ink (dark pixels) a cell must hold to be worth reading again. */
export const minCellInk = 30

/** Words found in the cells of `rules` that `words` leave empty (image pixels). */
export async function recoverMissingCells(image: GreyImage, rules: RulingLines, words: LayoutWord[], pool: OcrPool): Promise<LayoutWord[]> {
  const xs = [...rules.vertical].sort((a, b) => a - b)
  const ys = [...rules.horizontal].sort((a, b) => a - b)
  if (xs.length < 3 || ys.length < 2) return []
  const inset = 5
  const jobs: Array<Promise<LayoutWord[]>> = []
  for (let r = 0; r + 1 < ys.length; r++) {
    for (let c = 0; c + 1 < xs.length; c++) {
      const [x0, x1, y0, y1] = [xs[c] + inset, xs[c + 1] - inset, ys[r] + inset, ys[r + 1] - inset]
      if (x1 - x0 < 8 || y1 - y0 < 8) continue
      const filled = words.some((w) => {
        const cx = (w.bbox.x0 + w.bbox.x1) / 2
        const cy = (w.bbox.y0 + w.bbox.y1) / 2
        return cx > x0 && cx < x1 && cy > y0 && cy < y1
      })
      if (filled || countInk(image, x0, y0, x1, y1) < minCellInk) continue
      const margin = 16
      const cell = crop(image, x0, y0, x1, y1, margin)
      jobs.push(
        pool.recognize(toPgm(cell), {deskew: false, pageSegMode: 6}).then((result) =>
          result.lines.flatMap((line) =>
            line.words.map((w) => ({
              ...w,
              bbox: {x0: w.bbox.x0 - margin + Math.floor(x0), y0: w.bbox.y0 - margin + Math.floor(y0), x1: w.bbox.x1 - margin + Math.floor(x0), y1: w.bbox.y1 - margin + Math.floor(y0)}
            }))
          )
        )
      )
    }
  }
  return (await Promise.all(jobs)).flat()
}
