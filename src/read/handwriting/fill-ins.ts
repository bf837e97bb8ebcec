/**
 * Numbers written by hand into the printed header: the number's sequence
 * (`Số: 47 /QĐ-UBND`) and the day (`Quảng Ngãi, ngày 17 tháng 01 năm
 * 2025`), which the registry fills in when the document is issued. OCR reads
 * pen digits badly and surely (`4+`, `4†`, 11 as `44`): the pen marks
 * between the printed words are cut out and read by the pen-digit model
 * instead (a number typed into the line is read the same way: the model
 * knows printed digits too). What it is not sure of is written `⟨?⟩`, so the
 * header parser keeps the printed part and leaves the value out (null over
 * wrong).
 *
 * The fields are found in the top of the page by their printed anchors
 * (`Số:` … `/`, `ngày` … `tháng`), with the boxes of the characters OCR
 * gives, even when OCR ran pen marks and print into one word (`ngày4Ttháng`).
 */
import type {BBox} from '../../tree/types.js'
import type {GreyImage} from '../image/grey-image.js'
import type {OcrWord} from '../ocr-pool.js'
import {regionMarks} from './marks.js'
import {readMarks, sureDigits} from './pen-digits.js'
import type {Cnn} from './cnn.js'

/** Written for a value that is there but could not be read for sure. */
export const unreadable = '⟨?⟩'

/** Fields are looked for in this top share of the page. */
const headerShare = 0.4

/** A field found and read. */
export interface FillIn {
  kind: 'number' | 'day'
  /** What OCR read there. */
  ocr: string
  /** What was put in its place: digits, or `⟨?⟩`. */
  text: string
  /** The digits' probabilities (empty when unreadable). */
  probabilities: number[]
  bbox: BBox
}

interface Anchors {
  kind: FillIn['kind']
  /** The printed words before and after the field, as they stand in the line. */
  left: number
  right: number
  /** Where the field starts and ends (pixels). */
  x0: number
  x1: number
  /** The printed text the anchors keep. */
  leftText: string
  rightText: string
}

const numberStart = /^S[ốồôoóáOÔỐ6]\s*[:;.]?/iu
const dayWord = /^ng[àaáạảã]y/iu
const monthWord = /th[áaắạàả]ng/iu

/** Lines of words (image pixels) with their handwritten fields read by the pen-digit model; the fields found. */
export function readFillIns<L extends {words: OcrWord[]}>(image: GreyImage, lines: L[], model?: Cnn): {lines: L[]; fillIns: FillIn[]} {
  const fillIns: FillIn[] = []
  const done = new Set<FillIn['kind']>()
  const out = lines.map((line) => {
    if (line.words.length === 0 || Math.min(...line.words.map((w) => w.bbox.y0)) > headerShare * image.height) return line
    let words = [...line.words].sort((a, b) => a.bbox.x0 - b.bbox.x0)
    let changed = false
    // OCR may run the left column's number line and the right column's date line into one line.
    for (const kind of ['number', 'day'] as const) {
      if (done.has(kind)) continue
      const anchors = findAnchors(words, kind)
      if (!anchors) continue
      done.add(kind)
      const fill = readField(image, words, anchors, model)
      if (!fill) continue
      fillIns.push(fill.fillIn)
      words = fill.words
      changed = true
    }
    return changed ? {...line, words} : line
  })
  return {lines: out, fillIns}
}

/** The printed words around a field of `kind` in a line, and where the field lies between them. */
function findAnchors(words: OcrWord[], kind: FillIn['kind']): Anchors | null {
  if (kind === 'number') {
    // The line starts with `Số:`; the field ends at the slash of the code (`/QĐ-UBND`).
    const left = words.findIndex((w, i) => i <= 1 && numberStart.test(w.text))
    if (left < 0) return null
    const right = words.findIndex((w, i) => i >= left && /\/\s*\p{L}{2}/u.test(w.text))
    if (right < 0 || right - left > 4) return null
    const start = endOf(words[left], (t) => numberStart.exec(t)?.[0].length ?? 0)
    const end = startOf(words[right], (t) => t.search(/\/\s*\p{L}{2}/u))
    if (start === null || end === null) return null
    const leftText = 'Số:'
    const rightText = words[right].text.slice(words[right].text.search(/\/\s*\p{L}{2}/u))
    return {kind, left, right, x0: start, x1: end, leftText, rightText}
  }
  const left = words.findIndex((w) => dayWord.test(w.text))
  if (left < 0) return null
  const right = words.findIndex((w, i) => i >= left && monthWord.test(w.text.slice(i === left ? 4 : 0)))
  if (right < 0 || right - left > 4 || !words.slice(right).some((w) => /\d{4}/u.test(w.text))) return null
  const start = endOf(words[left], () => 4)
  const monthAt = (t: string) => (right === left ? 4 + t.slice(4).search(monthWord) : t.search(monthWord))
  const end = startOf(words[right], monthAt)
  if (start === null || end === null) return null
  return {kind, left, right, x0: start, x1: end, leftText: words[left].text.slice(0, 4), rightText: words[right].text.slice(monthAt(words[right].text))}
}

/** Where the first `count(text)` characters of `word` end (pixels), from its character boxes or by its letters. */
function endOf(word: OcrWord, count: (text: string) => number): number | null {
  const n = count(word.text)
  if (n <= 0) return null
  const symbols = sane(word)
  if (symbols) return symbols[Math.min(n, symbols.length) - 1].bbox.x1
  return n >= [...word.text].length ? word.bbox.x1 : null
}

/** The character boxes of `word`, when there is one per character and they lie in the word's box. */
function sane(word: OcrWord): OcrWord['symbols'] | null {
  const symbols = word.symbols
  if (!symbols || symbols.length !== [...word.text].length) return null
  const slack = 0.2 * (word.bbox.y1 - word.bbox.y0)
  const inside = symbols.every((c) => c.bbox.x0 >= word.bbox.x0 - slack && c.bbox.x1 <= word.bbox.x1 + slack && c.bbox.x1 > c.bbox.x0)
  return inside ? symbols : null
}

/** Where the character at `index(text)` of `word` starts (pixels). */
function startOf(word: OcrWord, index: (text: string) => number): number | null {
  const i = index(word.text)
  if (i < 0) return null
  const symbols = sane(word)
  if (symbols) return symbols[[...word.text.slice(0, i)].length].bbox.x0
  return i === 0 ? word.bbox.x0 : null
}

/** Marks this much taller than the printed digits of their line are written by hand. */
export const handwrittenHeight = 1.1

/**
 * The height of a printed digit in the line (pixels): the year's digits on the date line
 * (`năm 2025`), the capitals of the code on the number line (`/QĐ-UBND`: in a serif face capitals
 * and digits stand as high). Null when OCR gave no boxes to measure.
 */
function printedDigitHeight(words: OcrWord[], anchors: Anchors): number | null {
  const boxes: number[] = []
  const take = (word: OcrWord, pattern: RegExp) => {
    const symbols = sane(word)
    if (!symbols) return
    symbols.forEach((c, i) => {
      if (pattern.test([...word.text][i])) boxes.push(c.bbox.y1 - c.bbox.y0)
    })
  }
  if (anchors.kind === 'number') take(words[anchors.right], /^[A-PR-Z]$/u)
  else for (const w of words.slice(anchors.right)) if (/^\d{4}[.,]?$/u.test(w.text)) take(w, /^\d$/u)
  if (boxes.length === 0) return null
  boxes.sort((a, b) => a - b)
  return boxes[boxes.length >> 1]
}

/**
 * Read the field between the anchors. Marks written by hand (taller than the line's printed digits)
 * are read by the pen-digit model, and the reading (or `⟨?⟩`) takes the place of what OCR made of
 * them; a field typed in print is left as OCR read it.
 */
function readField(image: GreyImage, words: OcrWord[], anchors: Anchors, model?: Cnn): {words: OcrWord[]; fillIn: FillIn} | null {
  const printed = words.filter((_, i) => i <= anchors.left || i >= anchors.right)
  const heights = printed.map((w) => w.bbox.y1 - w.bbox.y0).sort((a, b) => a - b)
  const textHeight = heights[heights.length >> 1]
  const tops = printed.map((w) => w.bbox.y0).sort((a, b) => a - b)
  const top = tops[tops.length >> 1]
  const bottom = top + textHeight
  const region = {x0: anchors.x0 + 1, x1: anchors.x1 - 1, y0: top - 1.2 * textHeight, y1: bottom + 0.8 * textHeight}
  const ocr = words
    .slice(anchors.left, anchors.right + 1)
    .map((w) => w.text)
    .join(' ')
  const ocrField = ocr.slice(anchors.leftText.length, ocr.length - anchors.rightText.length).trim()
  // OCR read something between anchors that leave no room for it: a printed word's box took in the
  // marks (`ngày` over the 3 of 31). What stands there cannot be told: unreadable.
  const squeezed = ocrField !== '' && anchors.x1 - anchors.x0 < 0.6 * textHeight
  const found = squeezed ? {marks: [], cut: true} : regionMarks(image, region, textHeight, {top, bottom})
  const digitHeight = printedDigitHeight(words, anchors)
  const markHeights = found.marks.map((m) => m.height).sort((a, b) => a - b)
  const markHeight = markHeights.length > 0 ? markHeights[markHeights.length >> 1] : 0
  // Print, or nothing written: OCR's reading stands. Ink that runs out of the field (a scribble, a
  // number written large) is there but cannot be read: unreadable.
  if (!found.cut && (found.marks.length === 0 || digitHeight === null || markHeight < handwrittenHeight * digitHeight)) {
    // Print (or a hand as small as print): OCR's reading stands unless it has fewer digits than there
    // are marks as tall as the line's digits (`2` for the 31 written there): then the model reads them.
    const ocrDigits = ocrField.replace(/[\s.,:;'`’-]+/gu, '')
    const digitSized = digitHeight === null ? 0 : found.marks.filter((m) => m.height >= 0.85 * digitHeight).length
    if (found.marks.length === 0 || digitHeight === null || (/^\d+$/u.test(ocrDigits) && ocrDigits.length >= digitSized)) return null
  }
  const readings = found.cut ? [] : readMarks(found.marks, model)
  const digits = sureDigits(readings)
  const valid = digits !== null && (anchors.kind === 'number' ? digits.length <= 5 : digits.length <= 2 && Number(digits) >= 1 && Number(digits) <= 31)
  const text = valid ? digits : unreadable
  const probabilities = valid ? readings.map((r) => Math.round(r.probability * 1000) / 1000) : []
  const bbox = {x0: anchors.x0, y0: top, x1: anchors.x1, y1: bottom}
  const left = words[anchors.left]
  const right = words[anchors.right]
  const field: OcrWord = {text, bbox, confidence: probabilities.length > 0 ? Math.min(...probabilities) : 0.5}
  const rebuilt: OcrWord[] = [
    ...words.slice(0, anchors.left),
    {text: anchors.leftText, bbox: {...left.bbox, x1: anchors.x0}, confidence: left.confidence},
    field,
    {text: anchors.rightText, bbox: {...right.bbox, x0: anchors.x1}, confidence: right.confidence},
    ...words.slice(anchors.right + 1)
  ]
  return {words: rebuilt, fillIn: {kind: anchors.kind, ocr: ocrField, text, probabilities, bbox}}
}

