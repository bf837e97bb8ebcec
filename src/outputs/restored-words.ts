/**
 * The restored text of a laid-out file, placed back on its pages word by
 * word: what the searchable PDF writes as its invisible text layer.
 *
 * The diacritics stage keeps, on each paragraph and table cell it changed,
 * the text before (`data.raw`) and the changed tokens (`data.restored`,
 * offsets into the new `value`). Every character of a node's raw text that
 * is not a space stands, in order, at an offset of `file.value` within the
 * node's `position` (the parser only joins lines and squeezes spaces), and
 * every layout line is one line of `file.value` whose words are its text's
 * words, in order. So each layout word gets the restored text of the
 * characters it covers. A line whose words cannot be found in its text, or
 * a node whose characters do not line up, is not guessed at word by word:
 * the line's text is spread over the line's box instead.
 */
import type {VFile} from 'vfile'
import type {Layout, LayoutLine, LayoutPage, Route} from '../read/types.js'
import type {BBox, FlatRoot, LineData, RestoredToken, Root} from '../tree/types.js'
import {lineNodes} from '../tree/walk.js'
import '../vfile-data.js'

/** A piece of text to lay over a box: a word, or a whole line spread over the line's box. */
export interface TextRun {
  text: string
  bbox: BBox
  /** `word`: one OCR word's box; `line`: a line's text spread over its box. */
  kind: 'word' | 'line'
  /** 0-based index of the line of `file.value` the run is on (-1 when unknown). */
  line: number
  /** The physical line the run stands on, unique in the page: words of one group share a baseline. A table row's wrapped cells make several groups. */
  group: number
}

/** A page's runs, in the layout's units (image pixels or PDF points, origin top left). */
export interface PageRuns {
  /** 1-based. */
  number: number
  width: number
  height: number
  route: Route
  /** Degrees the page image was straightened by before OCR (see `LayoutPage.skew`). */
  skew?: number
  runs: TextRun[]
}

/** The restored text of every page of `file` (as `parse` left it, with its `tree`), run by run; empty without a layout. */
export function restoredRuns(file: VFile, tree: Root): PageRuns[] {
  const layout = file.data.layout
  if (!layout) return []
  const value = String(file.value ?? '')
  const pieces = restoredPieces(value, tree)
  const starts = lineStarts(value)
  const lineOf = layoutLineIndices(layout.pages, layout.lines, value, starts)
  return layout.pages.map((page) => {
    const runs: TextRun[] = []
    let groups = 0
    for (const line of page.lines) {
      const index = lineOf.get(line)
      const found = lineRuns(line, index, value, starts, pieces)
      // A table row (cells tab-separated) holds several physical lines where a cell wraps; any other line is one.
      const rows = line.text.includes('\t') ? physicalLines(found.map((r) => r.bbox)) : found.map(() => 0)
      for (const [k, run] of found.entries()) runs.push({...run, group: groups + rows[k]})
      groups += Math.max(0, ...rows) + 1
    }
    const out: PageRuns = {number: page.number, width: page.width, height: page.height, route: page.route, runs}
    if (page.skew !== undefined) out.skew = page.skew
    return out
  })
}

/**
 * What each offset of `value` reads as after restoration: `undefined` where
 * nothing changed, else the text that replaces the character ('' for the
 * later characters of a token whose length changed).
 */
export function restoredPieces(value: string, tree: Root | FlatRoot): Array<string | undefined> {
  const pieces: Array<string | undefined> = new Array(value.length)
  for (const node of restoredNodes(tree)) placeNode(node.value, node.data, node.position, value, pieces)
  return pieces
}

/** The restored text of each node the diacritics stage changed, with its data and position: paragraphs and cells, and section headings (their text rebuilt from `data.raw` and the changed tokens). */
function restoredNodes(tree: Root | FlatRoot): Array<{value: string; data?: LineData; position: Root['position']}> {
  const out: Array<{value: string; data?: LineData; position: Root['position']}> = []
  for (const node of lineNodes(tree)) {
    if (!node.data?.restored) continue
    const value = node.type === 'section' ? restoredFromRaw(node.data.raw, node.data.restored) : node.value
    if (value !== null) out.push({value, data: node.data, position: node.position})
  }
  return out
}

/** The restored text of `raw` with the changed `tokens` put in (tokens' offsets are into the restored text); null when they do not fit. */
function restoredFromRaw(raw: string | undefined, tokens: RestoredToken[]): string | null {
  if (raw === undefined) return null
  let out = ''
  let w = 0
  for (const token of [...tokens].sort((a, b) => a.start - b.start)) {
    const same = token.start - out.length
    if (same < 0 || raw.slice(w, w + token.original.length + same).slice(same) !== token.original) return null
    out += raw.slice(w, w + same) + token.value
    w += same + token.original.length
  }
  return out + raw.slice(w)
}

/** Write the restored characters of one node into `pieces`; a node that does not line up is left as read. */
function placeNode(restored: string, data: LineData | undefined, position: Root['position'], value: string, pieces: Array<string | undefined>): void {
  const aligned = alignNode(restored, data, position, value)
  if (!aligned) return
  for (const [rawIndex, fileOffset] of aligned.rawToFile) {
    const piece = aligned.byRawChar[rawIndex]
    if (piece !== undefined) pieces[fileOffset] = piece
  }
}

/** A node's restoration lined up with `file.value`: each raw character's restored text, each raw non-space character's offset in the file, and where each changed token starts in the raw text. */
interface Alignment {
  byRawChar: Array<string | undefined>
  rawToFile: Map<number, number>
  tokens: Array<{token: RestoredToken; rawStart: number}>
}

/** Line up a restored node with `value`; null when it was not restored or its characters do not match the file's. */
function alignNode(restored: string, data: LineData | undefined, position: Root['position'], value: string): Alignment | null {
  const raw = data?.raw
  const tokens = data?.restored
  if (raw === undefined || !tokens || tokens.length === 0 || !position) return null
  const start = position.start.offset
  const end = position.end.offset
  if (start === undefined || end === undefined) return null
  const rebuilt = rawCharPieces(raw, restored, tokens)
  if (!rebuilt) return null
  // The raw text's non-space characters, in order, against those of the node's span of `file.value`.
  const rawIndices: number[] = []
  for (let i = 0; i < raw.length; i++) if (!isSpace(raw[i])) rawIndices.push(i)
  const fileIndices: number[] = []
  for (let o = start; o < end && o < value.length; o++) if (!isSpace(value[o])) fileIndices.push(o)
  if (rawIndices.length !== fileIndices.length) return null
  for (let k = 0; k < rawIndices.length; k++) if (raw[rawIndices[k]] !== value[fileIndices[k]]) return null
  const rawToFile = new Map<number, number>()
  for (let k = 0; k < rawIndices.length; k++) rawToFile.set(rawIndices[k], fileIndices[k])
  return {byRawChar: rebuilt.byRawChar, rawToFile, tokens: rebuilt.tokens}
}

/**
 * For each character of `raw`, its restored text (`undefined`: unchanged),
 * and where each token starts in `raw`, from the changed tokens; null when
 * the tokens do not rebuild `raw`.
 */
function rawCharPieces(raw: string, restored: string, tokens: RestoredToken[]): {byRawChar: Array<string | undefined>; tokens: Alignment['tokens']} | null {
  const out: Array<string | undefined> = new Array(raw.length)
  const starts: Alignment['tokens'] = []
  let r = 0
  let w = 0
  for (const token of [...tokens].sort((a, b) => a.start - b.start)) {
    const same = token.start - r
    if (same < 0 || restored.slice(r, token.start) !== raw.slice(w, w + same)) return null
    w += same
    if (raw.slice(w, w + token.original.length) !== token.original || restored.slice(token.start, token.end) !== token.value) return null
    starts.push({token, rawStart: w})
    const n = token.original.length
    if (n === token.value.length) {
      for (let k = 0; k < n; k++) out[w + k] = token.value[k]
    } else if (n > 0) {
      out[w] = token.value
      for (let k = 1; k < n; k++) out[w + k] = ''
    }
    w += n
    r = token.end
  }
  if (restored.slice(r) !== raw.slice(w)) return null
  return {byRawChar: out, tokens: starts}
}

/** A changed token and where it stands: the box of its word, else of its line, else of its node. */
export interface TokenPlace {
  token: RestoredToken
  page: number
  bbox: BBox
}

/** Where each token the diacritics stage changed stands on the page (tokens of nodes without a page are left out). */
export function restoredTokenPlaces(file: VFile, tree: Root | FlatRoot): TokenPlace[] {
  const layout = file.data.layout
  if (!layout) return []
  const value = String(file.value ?? '')
  const starts = lineStarts(value)
  const lineOf = layoutLineIndices(layout.pages, layout.lines, value, starts)
  const byIndex = new Map<number, LayoutLine>()
  for (const [line, index] of lineOf) byIndex.set(index, line)
  const out: TokenPlace[] = []
  for (const node of restoredNodes(tree)) {
    if (node.data?.restored) {
      const aligned = alignNode(node.value, node.data, node.position, value)
      for (const token of node.data.restored) {
        const at = aligned?.tokens.find((t) => t.token === token)
        let offset: number | undefined
        if (at && aligned) for (let i = at.rawStart; i < at.rawStart + token.original.length && offset === undefined; i++) offset = aligned.rawToFile.get(i)
        const place = offset === undefined ? undefined : placeOfOffset(offset, starts, byIndex, layout.lines)
        if (place) out.push({token, ...place})
        else if (node.data.page !== undefined && node.data.bbox) out.push({token, page: node.data.page, bbox: node.data.bbox})
      }
    }
  }
  return out
}

/** The page and box of the word at `offset` of the file's text (of its line when the word cannot be told). */
function placeOfOffset(offset: number, starts: number[], byIndex: Map<number, LayoutLine>, provenance: Layout['lines']): {page: number; bbox: BBox} | undefined {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  const where = provenance[lo]
  if (!where) return undefined
  const line = byIndex.get(lo)
  const column = offset - starts[lo]
  if (line?.words) {
    let cursor = 0
    for (const word of line.words) {
      const at = line.text.indexOf(word.text, cursor)
      if (at < 0) break
      if (column >= at && column < at + word.text.length) return {page: where.page, bbox: word.bbox}
      cursor = at + word.text.length
    }
  }
  return {page: where.page, bbox: where.bbox}
}

/**
 * The line of `value` each layout line is: compose writes them in page
 * order, one text line each, so they are matched in order by their text
 * (looking a few lines ahead, should a reader write some lines otherwise).
 */
function layoutLineIndices(pages: LayoutPage[], provenance: Array<unknown>, value: string, starts: number[]): Map<LayoutLine, number> {
  const out = new Map<LayoutLine, number>()
  const laid: number[] = []
  for (let i = 0; i < provenance.length; i++) if (provenance[i] !== undefined) laid.push(i)
  let cursor = 0
  for (const line of pages.flatMap((p) => p.lines)) {
    for (let k = cursor; k < laid.length && k < cursor + 8; k++) {
      if (lineText(value, starts, laid[k]) !== line.text) continue
      out.set(line, laid[k])
      cursor = k + 1
      break
    }
  }
  return out
}

/** The runs of one layout line: its words with their restored text, or the whole line spread over its box. */
function lineRuns(line: LayoutLine, index: number | undefined, value: string, starts: number[], pieces: Array<string | undefined>): Array<Omit<TextRun, 'group'>> {
  if (index === undefined) {
    const text = line.text.replace(/\s+/g, ' ').trim()
    return text ? [{text, bbox: line.bbox, kind: 'line', line: -1}] : []
  }
  const start = starts[index]
  const text = lineText(value, starts, index)
  const words = line.words ?? []
  const found: Array<[number, number]> = []
  let cursor = 0
  for (const word of words) {
    const at = word.text === '' ? -1 : text.indexOf(word.text, cursor)
    if (at < 0) break
    found.push([at, at + word.text.length])
    cursor = at + word.text.length
  }
  if (words.length === 0 || found.length < words.length) {
    const spread = restoredSpan(value, pieces, start, start + text.length).replace(/\s+/g, ' ').trim()
    return spread ? [{text: spread, bbox: line.bbox, kind: 'line', line: index}] : []
  }
  const runs: Array<Omit<TextRun, 'group'>> = []
  words.forEach((word, k) => {
    const restored = restoredSpan(value, pieces, start + found[k][0], start + found[k][1]).trim()
    if (restored) runs.push({text: restored, bbox: word.bbox, kind: 'word', line: index})
  })
  return runs
}

/** For each box, the physical line it stands on (0, 1, …, top to bottom): boxes whose middles fall within each other's height share one. */
export function physicalLines(boxes: BBox[]): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].y0 + boxes[a].y1 - boxes[b].y0 - boxes[b].y1)
  const out: number[] = new Array(boxes.length).fill(0)
  const bands: Array<{y0: number; y1: number}> = []
  for (const i of order) {
    const b = boxes[i]
    const middle = (b.y0 + b.y1) / 2
    let k = bands.findIndex((band) => middle >= band.y0 && middle <= band.y1)
    if (k < 0) {
      bands.push({y0: b.y0, y1: b.y1})
      k = bands.length - 1
    }
    out[i] = k
  }
  return out
}

/** The restored text of `value` from `start` to `end`. */
function restoredSpan(value: string, pieces: Array<string | undefined>, start: number, end: number): string {
  let out = ''
  for (let o = start; o < end; o++) out += pieces[o] ?? value[o]
  return out
}

function lineStarts(value: string): number[] {
  const starts = [0]
  for (let i = 0; i < value.length; i++) if (value[i] === '\n') starts.push(i + 1)
  return starts
}

function lineText(value: string, starts: number[], index: number): string {
  const start = starts[index]
  if (start === undefined) return ''
  const next = starts[index + 1]
  return value.slice(start, next === undefined ? value.length : next - 1)
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0'
}
