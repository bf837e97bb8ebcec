/**
 * The foot of an administrative document stands in two columns: `Nơi
 * nhận:` and its list in small print on the left, the signature block
 * (authority, position, seal, signature, name) on the right. Tesseract
 * reads them as one stream: a recipient and the signer's name on one line
 * (`- Ủy ban MTTQVN Tỉnh; rân Ngọc Căng`), the position woven into the
 * list, lines lost under the seal. The foot is read again column by
 * column: cut at the gutter between them (the widest gap in the middle of
 * the page that no word of the foot crosses), each side read on its own
 * as a block of lines (mode 6), when OCR ran a line of the foot across the
 * gutter. Each column's lines take the place of the OCR words there when
 * they hold about as much text, as surely read.
 *
 * The foot starts at the recipients' heading (`Nơi nhận:` as OCR reads it:
 * `Näơi nhận:`, `Xơi nhận:`) or, when OCR lost the heading, at the first
 * item of the list that ends with the filed copy (`- Lưu: VT, …`).
 */
import {crop} from './image/crop.js'
import {toPgm, type GreyImage} from './image/grey-image.js'
import {median} from './layout/geometry.js'
import {moveWord, type OcrPool, type OcrWord} from './ocr-pool.js'
import {isTangled} from './reread-tangled.js'
import type {BBox} from '../tree/types.js'

/** The recipients' heading as OCR reads it, at the start of a line. */
export const recipientsHeading = /^\S{0,2}[ơoóòờớởõ][iíì]\s*nh[ậâạaấầ]n\s*:?/iu
/** The filed copy, the last item of the recipients. */
const filedCopy = /^[-–•*]?\s*L[ưu]u\s*[:;.]/u
/** An item of the list. */
const item = /^[-–•*]/u

/** A gutter must be at least this many word heights wide. */
export const minFooterGutter = 0.5

interface Line {
  words: OcrWord[]
}

const lineText = (line: Line) => line.words.map((w) => w.text).join(' ')
const box = (line: Line): BBox => ({
  x0: Math.min(...line.words.map((w) => w.bbox.x0)),
  y0: Math.min(...line.words.map((w) => w.bbox.y0)),
  x1: Math.max(...line.words.map((w) => w.bbox.x1)),
  y1: Math.max(...line.words.map((w) => w.bbox.y1))
})

/** Where the foot of the page starts (pixels), or null when the page has no recipients' list. */
export function footTop(lines: Line[], width: number, height: number): number | null {
  const sorted = lines.filter((l) => l.words.length > 0).sort((a, b) => box(a).y0 - box(b).y0)
  const inLeftHalf = (l: Line) => box(l).x0 < 0.4 * width
  const heading = sorted.find((l) => inLeftHalf(l) && box(l).y0 > 0.25 * height && recipientsHeading.test(lineText(l)))
  if (heading) return box(heading).y0
  // No heading read: the run of items above the filed copy.
  const last = sorted.findIndex((l) => inLeftHalf(l) && box(l).y0 > 0.25 * height && filedCopy.test(lineText(l)))
  if (last < 0) return null
  const wordHeight = median(sorted[last].words.map((w) => w.bbox.y1 - w.bbox.y0))
  let first = last
  for (let i = last - 1; i >= 0; i--) {
    const l = sorted[i]
    if (Math.abs(box(l).x0 - box(sorted[last]).x0) > 2 * wordHeight) continue
    if (box(sorted[first]).y0 - box(l).y1 > 2.5 * wordHeight) break
    if (!item.test(lineText(l))) break
    first = i
  }
  return first < last ? box(sorted[first]).y0 : null
}

/** The widest x-range in the middle of `span` that no box of `boxes` crosses, or null when narrower than `min`. */
export function findGutter(boxes: BBox[], span: [number, number], min: number): [number, number] | null {
  const [s0, s1] = span
  const from = s0 + 0.3 * (s1 - s0)
  const to = s0 + 0.75 * (s1 - s0)
  const sorted = [...boxes].sort((a, b) => a.x0 - b.x0)
  let best: [number, number] | null = null
  let reach = s0
  for (const b of sorted) {
    if (b.x0 > reach) {
      const gap: [number, number] = [Math.max(reach, from), Math.min(b.x0, to)]
      if (gap[1] - gap[0] >= min && (!best || gap[1] - gap[0] > best[1] - best[0])) best = gap
    }
    reach = Math.max(reach, b.x1)
  }
  if (reach < s1) {
    const gap: [number, number] = [Math.max(reach, from), to]
    if (gap[1] - gap[0] >= min && (!best || gap[1] - gap[0] > best[1] - best[0])) best = gap
  }
  return best
}

/**
 * `lines` (words in `image`'s pixels) with the foot of the page read again column by column;
 * `junk(words)` drops lines of noise from the re-read, `skip(box)` leaves a foot in a ruled table alone.
 */
export async function rereadFooter(
  image: GreyImage,
  lines: Line[],
  pool: OcrPool,
  junk: (words: OcrWord[]) => boolean,
  skip: (box: BBox) => boolean = () => false
): Promise<Line[]> {
  const top = footTop(lines, image.width, image.height)
  if (top === null) return lines
  const words = lines.flatMap((l) => l.words)
  const wordHeight = median(words.map((w) => w.bbox.y1 - w.bbox.y0))
  if (wordHeight <= 0) return lines
  const y0 = top - 0.3 * wordHeight
  // A page number alone under the foot is no part of either column: it stays as it was.
  const alone = new Set(lines.filter((l) => l.words.length === 1 && [...l.words[0].text].length <= 3).flatMap((l) => l.words))
  const inFoot = (w: OcrWord) => (w.bbox.y0 + w.bbox.y1) / 2 >= y0 && !alone.has(w)
  const foot = words.filter(inFoot)
  if (foot.length === 0) return lines
  const region: BBox = {
    x0: Math.min(...foot.map((w) => w.bbox.x0)),
    y0,
    x1: Math.max(...foot.map((w) => w.bbox.x1)),
    y1: Math.max(...foot.map((w) => w.bbox.y1)) + 0.3 * wordHeight
  }
  if (skip(region)) return lines
  const gutter = findGutter(
    foot.map((w) => w.bbox),
    [region.x0, region.x1],
    minFooterGutter * wordHeight
  )
  if (!gutter) return lines
  const cut = (gutter[0] + gutter[1]) / 2
  // Only a foot OCR read as one stream is read again: a line of it with words on both sides of the gutter.
  const mixed = lines.some((l) => {
    const own = l.words.filter(inFoot)
    return own.some((w) => w.bbox.x1 <= cut) && own.some((w) => w.bbox.x0 >= cut)
  })
  if (!mixed) return lines
  const letters = (ws: OcrWord[]) => ws.map((w) => w.text).join('').match(/[\p{L}\p{N}]/gu)?.length ?? 0
  const sure = (ws: OcrWord[]) => (ws.length === 0 ? 0 : ws.reduce((a, w) => a + w.confidence, 0) / ws.length)
  const found: Line[] = []
  const replaced = new Set<OcrWord>()
  for (const [x0, x1] of [
    [region.x0 - 0.5 * wordHeight, cut],
    [cut, region.x1 + 0.5 * wordHeight]
  ]) {
    const margin = 16
    const left = Math.max(0, Math.floor(x0))
    const top = Math.max(0, Math.floor(region.y0))
    const part = crop(image, left, top, Math.min(image.width, x1), Math.min(image.height, region.y1), margin)
    const result = await pool.recognize(toPgm(part), {deskew: false, pageSegMode: 6})
    const side: Line[] = []
    for (const l of result.lines) {
      // Specks of a seal or a signature read as a letter or two: unsure, or taller than a line of text.
      const speck = (w: OcrWord) => letters([w]) <= 3 && (w.confidence < 0.4 || w.bbox.y1 - w.bbox.y0 > 1.6 * wordHeight)
      const moved = l.words.map((w) => moveWord(w, left - margin, top - margin)).filter((w) => !speck(w))
      if (moved.length > 0 && !junk(moved)) side.push({words: moved})
    }
    // Each column is taken when it holds about as much text as OCR read there, as surely.
    const before = foot.filter((w) => ((w.bbox.x0 + w.bbox.x1) / 2 < cut) === (x0 < cut))
    const after = side.flatMap((l) => l.words)
    // Not when the re-read ran lines together itself.
    if (side.some((l) => isTangled(l.words, wordHeight))) continue
    if (letters(after) < 0.8 * letters(before) || sure(after) < sure(before) - 0.1) continue
    for (const w of before) replaced.add(w)
    found.push(...side)
  }
  if (found.length === 0) return lines
  return [...lines.map((l) => ({...l, words: l.words.filter((w) => !replaced.has(w))})).filter((l) => l.words.length > 0), ...found]
}
