/**
 * Stamps, signature boxes and marks put on a page after it was printed are
 * no part of the document's text: a digital signature's box or the official
 * gazette's receipt box in the top margin ("Ký bởi: …", "Thời gian ký: …",
 * "TRUNG TÂM CÔNG BÁO …"), an urgency mark ("HỎA TỐC"), a copy stamp
 * ("SAO Y BẢN CHÍNH"). Left in, they run into the header (between `Số:` and
 * the date line) and the header parser loses its place. They are found by
 * their words (`grammars/stamps.json`) and their place, and kept apart as
 * `LayoutStamp`s with their text.
 *
 * - On the page with the Quốc hiệu, a group of lines standing wholly above
 *   it (the top margin) with one line of a stamp's words is a stamp.
 * - Anywhere, a line that is a mark alone (`HỎA TỐC`, `SAO Y BẢN CHÍNH`)
 *   is a stamp.
 * - Words inside the box of a stamp read apart (a PDF's signature field) are
 *   the stamp's.
 */
import type {BBox} from '../../tree/types.js'
import {isValidSyllable} from '../../vietnamese/orthography.js'
import {loadGrammar} from '../../util/grammar.js'
import type {LayoutStamp, LayoutWord, StampKind} from '../types.js'
import {normalizeText} from '../decode-text.js'
import {meanConfidence, roundBox, union} from './geometry.js'

/** A page as the composer gets it (see `PageInput`). */
interface StampPage {
  number: number
  lines: Array<{words: LayoutWord[]}>
  stamps?: LayoutStamp[]
}

/** The Quốc hiệu, loosely (OCR of its capitals): the header's top. */
const nationalTitle = /C[ỘOÔÓỌ]NG\s*H[OÒÓ][AÀ]?\s*X[ÃA]\s*H[ỘOÔ]I|CH[ỦU]\s*NGH[ĨI]A\s*VI[ỆE]T\s*NAM/iu

/** The kind of stamp a line of text belongs to, by its words; `mark` asks for a line that is the mark alone. */
export function stampKind(text: string, mode: 'word' | 'mark' = 'word'): StampKind | null {
  const grammar = loadGrammar('stamps')
  const line = normalizeText(text).trim()
  if (mode === 'mark') {
    for (const id of ['urgency', 'copy'] as const) if (grammar.rule(id).regex.test(line)) return id
    return null
  }
  // Rule ids are camelCase (`eSignature`), kinds kebab-case (`e-signature`).
  for (const rule of grammar.rules) if (rule.regex.test(line)) return rule.id.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`) as StampKind
  return null
}

/** The page without the lines and words of its stamps, and the stamps (those read apart first). */
export function splitStamps<P extends StampPage>(page: P): {page: P; stamps: LayoutStamp[]} {
  const stamps: LayoutStamp[] = (page.stamps ?? []).map((s) => ({...s, text: cleanStampText(s.text) || s.text}))
  const known = stamps.map((s) => s.bbox)
  let lines = page.lines
    .map((l) => ({words: l.words.filter((w) => !known.some((b) => inside(w.bbox, b)))}))
    .filter((l) => l.words.length > 0)
  const taken = new Set<number>()
  // Marks alone on their line.
  lines.forEach((line, i) => {
    const kind = stampKind(textOf(line.words), 'mark')
    if (kind) {
      stamps.push(makeStamp(kind, [line.words], page.number))
      taken.add(i)
    }
  })
  // Groups of lines in the top margin, above the Quốc hiệu.
  const title = lines.find((l) => nationalTitle.test(textOf(l.words)))
  if (title) {
    const top = union(title.words.map((w) => w.bbox)).y0
    const margin = lines.map((l, i) => ({i, box: union(l.words.map((w) => w.bbox))})).filter(({i, box}) => !taken.has(i) && box.y1 <= top)
    for (const group of groupLines(margin)) {
      const kinds = group.map(({i}) => stampKind(textOf(lines[i].words))).filter((k): k is StampKind => k !== null)
      if (kinds.length === 0) continue
      stamps.push(makeStamp(kinds[0], group.map(({i}) => lines[i].words), page.number))
      for (const {i} of group) taken.add(i)
    }
  }
  lines = lines.filter((_, i) => !taken.has(i))
  return {page: {...page, lines, stamps: undefined}, stamps: stamps.sort((a, b) => a.bbox.y0 - b.bbox.y0)}
}

/**
 * The text of a stamp without the noise OCR reads into its logo and frame:
 * each line from its first to its last plausible word (a syllable, a number,
 * a date, a time, an address), lines with too few such words left out.
 */
export function cleanStampText(text: string): string {
  const out: string[] = []
  for (const raw of text.split('\n')) {
    // A box's field labels start its text: what OCR read before one is the logo.
    const label = /(?:Ký\s*bởi|Người\s*ký|Cơ\s*quan|Thời\s*gian\s*ký|Email|Ngày\s*ký)\s*:/u.exec(raw)
    const line = label ? raw.slice(label.index) : raw
    const tokens = line.trim().split(/\s+/u).filter(Boolean)
    const good = tokens.map(plausibleToken)
    const first = good.indexOf(true)
    const last = good.lastIndexOf(true)
    if (first < 0) continue
    const kept = tokens.slice(first, last + 1)
    const share = good.slice(first, last + 1).filter(Boolean).length / kept.length
    // Enough of it is words or numbers (not two letters of a logo).
    const solid = kept.filter((t, i) => good[first + i] && t.replace(/[^\p{L}\p{N}]/gu, '').length >= 2).join('').length
    if (share >= 0.6 && solid >= 4) out.push(kept.join(' '))
  }
  return out.join('\n')
}

function plausibleToken(token: string): boolean {
  if (/^[+]?\d{1,4}(?:[./:-]\d{1,4})*[.,;:]?$/u.test(token)) return true
  if (/^[\w.-]+@[\w.-]+\.\w+$/u.test(token)) return true
  const word = token.replace(/^[(“"]+|[)”",.;:]+$/gu, '')
  if (word === '') return false
  if (/^\p{Lu}{2,6}$/u.test(word) && word.length <= 4) return true
  return /^\p{L}+$/u.test(word) && isValidSyllable(word.toLowerCase())
}

/** Lines (with their boxes) grouped by nearness: each within a line's height of another of its group. */
function groupLines(lines: Array<{i: number; box: BBox}>): Array<Array<{i: number; box: BBox}>> {
  const groups: Array<Array<{i: number; box: BBox}>> = []
  for (const line of [...lines].sort((a, b) => a.box.y0 - b.box.y0)) {
    const h = line.box.y1 - line.box.y0
    const near = groups.find((g) =>
      g.some((o) => o.box.x0 < line.box.x1 + h && line.box.x0 < o.box.x1 + h && line.box.y0 - o.box.y1 < 1.5 * Math.max(h, o.box.y1 - o.box.y0))
    )
    if (near) near.push(line)
    else groups.push([line])
  }
  return groups
}

function makeStamp(kind: StampKind, lines: LayoutWord[][], page: number): LayoutStamp {
  const words = lines.flat()
  return {
    kind,
    text: cleanStampText(lines.map(textOf).join('\n')) || lines.map(textOf).join('\n'),
    page,
    bbox: roundBox(union(words.map((w) => w.bbox))),
    confidence: Math.round(meanConfidence(words) * 1000) / 1000
  }
}

function textOf(words: LayoutWord[]): string {
  return [...words].sort((a, b) => a.bbox.x0 - b.bbox.x0).map((w) => w.text).join(' ')
}

/** Whether the centre of `box` lies in `frame`. */
function inside(box: BBox, frame: BBox): boolean {
  const x = (box.x0 + box.x1) / 2
  const y = (box.y0 + box.y1) / 2
  return x >= frame.x0 && x <= frame.x1 && y >= frame.y0 && y <= frame.y1
}
