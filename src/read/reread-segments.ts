/**
 * Tesseract's page layout sometimes runs two columns into one text line —
 * "- Các ban, ngành, … của xã;" on the left and the signer's name in bold on
 * the right — and recognises the far part badly ("Nguyễn Anh Ti"). A line
 * that a wide gap cuts into pieces (`layout/segments.ts`) has each doubtful
 * piece read again on its own, as one line of text; the re-read takes the
 * piece's place when tesseract is surer of it.
 */
import type {LayoutWord} from './types.js'
import {crop} from './image/crop.js'
import {toPgm, type GreyImage} from './image/grey-image.js'
import {median} from './layout/geometry.js'
import {splitAtGaps, type Segment} from './layout/segments.js'
import {moveWord, type OcrPool} from './ocr-pool.js'

/** A piece with a word below this confidence is read again. */
export const doubtfulWord = 0.5

/** Lines of words (image pixels) with their doubtful pieces read again. */
export async function rereadSegments(image: GreyImage, lines: Array<{words: LayoutWord[]}>, pool: OcrPool): Promise<Array<{words: LayoutWord[]}>> {
  return Promise.all(
    lines.map(async (line) => {
      const segments = splitAtGaps([...line.words])
      if (segments.length < 2 || !segments.some(isDoubtful)) return line
      const words: LayoutWord[] = []
      for (const segment of segments) {
        if (!isDoubtful(segment)) {
          words.push(...segment.words)
          continue
        }
        const b = segment.bbox
        const h = b.y1 - b.y0
        const margin = 16
        const left = Math.max(0, Math.floor(b.x0 - 0.3 * h))
        const top = Math.max(0, Math.floor(b.y0 - 0.1 * h))
        const part = crop(image, left, top, b.x1 + 0.3 * h, b.y1 + 0.1 * h, margin)
        const result = await pool.recognize(toPgm(part), {deskew: false, pageSegMode: 7})
        const found = result.lines.flatMap((l) =>
          l.words.map((w) => moveWord(w, left - margin, top - margin))
        )
        const better = found.length > 0 && [...found.map((w) => w.text).join('')].length >= 3 && mean(found) > mean(segment.words)
        words.push(...(better ? found : segment.words))
      }
      return {words}
    })
  )
}

/** A piece worth reading again: a doubtful word in a piece of text one line high (not a speck, not two lines run together). */
function isDoubtful(segment: Segment): boolean {
  const letters = segment.words.map((w) => w.text).join('').match(/[\p{L}\p{N}]/gu)?.length ?? 0
  const height = median(segment.words.map((w) => w.bbox.y1 - w.bbox.y0))
  return letters >= 3 && segment.bbox.y1 - segment.bbox.y0 <= 1.6 * height && segment.words.some((w) => w.confidence < doubtfulWord)
}

function mean(words: LayoutWord[]): number {
  return words.reduce((a, w) => a + w.confidence, 0) / words.length
}
