/**
 * Compose pages of positioned words into the text of `file.value` and its
 * `Layout`: segments → rows → tables and two-column zones → lines in reading
 * order, one text line per layout line, with provenance for each.
 *
 * Reading order: two-column zones (ND 30 header, closing block) come out
 * left column first, then right column, each part as its own line; tables
 * come out as tab-separated rows, one logical row per line (cells wrapped
 * over several physical lines joined with a space). A blank line separates
 * paragraphs (a vertical gap over one line height), zone columns, tables and
 * pages.
 */
import type {BBox} from '../../tree/types.js'
import type {Layout, LayoutLine, LayoutPage, LayoutStamp, LayoutWord, Route} from '../types.js'
import {normalizeText} from '../decode-text.js'
import {findZones} from './columns.js'
import {height, meanConfidence, median, roundBox, union} from './geometry.js'
import {groupRows, splitAtGaps, type Row, type Segment} from './segments.js'
import {findTables, type FoundTable} from './tables.js'
import {repairMarkers, type MarkerRepair} from './repair-markers.js'
import {splitStamps} from './stamps.js'
import {tablesFromGrids} from './grid-tables.js'
import type {Grid} from './grid.js'
import {unrotatePoint} from '../image/skew.js'

/** A page as an engine saw it: lines of positioned words. */
export interface PageInput {
  number: number
  width: number
  height: number
  route: Route
  confidence?: number
  lines: Array<{words: LayoutWord[]}>
  /** Horizontal ruling lines (y) found in the page image, to split the rows of tables without column rules. */
  horizontalRules?: number[]
  /** Ruled tables found in the page image. */
  grids?: Grid[]
  /**
   * The page was straightened before OCR: word boxes, rules and grids are in
   * the straightened page, which is the page rotated by `-degrees` about
   * (`cx`, `cy`). The layout's boxes are mapped back onto the page.
   */
  skew?: {degrees: number; cx: number; cy: number}
  /** Stamps read apart from the page's lines (a PDF's signature boxes), in page units. */
  stamps?: LayoutStamp[]
}

/** The text and layout of a laid-out file. */
export interface Composed {
  text: string
  layout: Layout
  /** Markers of OCR'd lines put right (`repair-markers.ts`); `line` is 0-based in `text`. */
  repairs: Array<MarkerRepair & {page: number}>
}

type Emitted = {line: LayoutLine; breakBefore: boolean}

/** Compose `pages` into text and layout. */
export function composePages(input: PageInput[]): Composed {
  // Stamps and signature boxes are kept out of the text (`stamps.ts`).
  const split = input.map((page) => splitStamps(page))
  const pages = split.map((s) => s.page)
  const textLines: string[] = []
  const provenance: Layout['lines'] = []
  const layoutPages: LayoutPage[] = []
  const ordered = pages.map((page) => (page.skew ? orderPage(page).map((e) => ({...e, line: unskewLine(e.line, page)})) : orderPage(page)))
  // OCR'd lines in reading order, for the marker repairs (numbering runs on across pages).
  const ocred = ordered.flatMap((emitted, p) => (pages[p].route === 'ocr' ? emitted.map((e) => ({page: pages[p].number, line: e.line})) : []))
  const repaired = repairMarkers(ocred.map((o) => o.line))
  const repairs: Composed['repairs'] = []
  for (const [p, page] of pages.entries()) {
    const emitted = ordered[p]
    if (textLines.length > 0 && emitted.length > 0) {
      textLines.push('')
      provenance.push(undefined)
    }
    for (const [i, e] of emitted.entries()) {
      if (i > 0 && e.breakBefore) {
        textLines.push('')
        provenance.push(undefined)
      }
      const repair = repaired.find((r) => ocred[r.line].line === e.line)
      if (repair) repairs.push({line: textLines.length, from: repair.from, to: repair.to, page: page.number})
      textLines.push(e.line.text)
      provenance.push({page: page.number, bbox: e.line.bbox, confidence: e.line.confidence})
    }
    const out: LayoutPage = {
      number: page.number,
      width: page.width,
      height: page.height,
      route: page.route,
      lines: emitted.map((e) => e.line)
    }
    if (page.confidence !== undefined) out.confidence = page.confidence
    if (page.skew) out.skew = page.skew.degrees
    layoutPages.push(out)
  }
  const layout: Layout = {pages: layoutPages, lines: provenance}
  const stamps = split.flatMap((s) => s.stamps)
  if (stamps.length > 0) layout.stamps = stamps
  return {text: textLines.join('\n'), layout, repairs}
}

/** The lines of one page in reading order. */
export function orderPage(page: PageInput): Emitted[] {
  const words = page.lines.flatMap((l) => l.words)
  if (words.length === 0) return []
  const segments = page.lines.flatMap((l) => splitAtGaps(l.words.map(cleanWord).filter((w) => w.text !== '')))
  const rows = groupRows(segments)
  // Line pitch: the usual distance between the tops of consecutive rows (word boxes are tight, so gaps alone mislead).
  const pitches = rows.slice(1).map((r, k) => r.bbox.y0 - rows[k].bbox.y0).filter((d) => d > 0)
  const wordHeight = Math.max(1, median(words.map((w) => height(w.bbox))))
  const pitch = pitches.length > 0 ? median(pitches) : 2 * wordHeight
  const tables = pageTables(rows, page)
  const x0 = Math.min(...segments.map((s) => s.bbox.x0))
  const x1 = Math.max(...segments.map((s) => s.bbox.x1))
  const out: Emitted[] = []
  let previous: BBox | undefined
  const push = (line: LayoutLine, forceBreak: boolean, noBreak = false) => {
    // A paragraph break: the line starts more than 1.6 pitches below the previous one's top.
    const step = previous ? line.bbox.y0 - previous.y0 : 0
    out.push({line, breakBefore: forceBreak || (!noBreak && step > 1.6 * pitch)})
    previous = line.bbox
  }
  let i = 0
  for (const table of [...tables, undefined]) {
    const stop = table ? table.start : rows.length
    if (stop > i) {
      for (const zone of findZones(rows.slice(i, stop), [x0, x1])) {
        const zoneRows = rows.slice(i + zone.start, i + zone.end)
        if (zone.right.length === 0) {
          for (const row of zoneRows) push(makeLine(row.segments.flatMap((s) => s.words)), false)
        } else {
          const [leftFirst, ...leftRest] = bySide(zoneRows, zone.left)
          const rightParts = bySide(zoneRows, zone.right)
          if (leftFirst) push(makeLine(leftFirst), true)
          for (const part of leftRest) push(makeLine(part), false)
          rightParts.forEach((part, k) => push(makeLine(part), k === 0))
          previous = zoneRows[zoneRows.length - 1].bbox
        }
      }
    }
    if (table) {
      table.rows.forEach((row, k) => push(makeTableLine(row), k === 0, k > 0))
      i = table.end
      // Text after a table starts a new paragraph.
      previous = {...previous!, y0: -Infinity}
    }
  }
  return out
}

/** Ruled tables from their grids, then tables found from word boxes alone in the rows between them. */
function pageTables(rows: Row[], page: PageInput): FoundTable[] {
  const ruled = tablesFromGrids(rows, page.grids ?? [])
  const out: FoundTable[] = []
  let from = 0
  for (const table of [...ruled, undefined]) {
    const to = table ? table.start : rows.length
    for (const found of findTables(rows.slice(from, to), {horizontalRules: page.horizontalRules})) {
      out.push({...found, start: found.start + from, end: found.end + from})
    }
    if (table) {
      out.push(table)
      from = table.end
    }
  }
  return out
}

/** A line with its boxes mapped from the straightened page back onto the page. */
function unskewLine(line: LayoutLine, page: PageInput): LayoutLine {
  const skew = page.skew!
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v))
  const map = (b: BBox): BBox => {
    const corners = [
      unrotatePoint(b.x0, b.y0, -skew.degrees, skew.cx, skew.cy),
      unrotatePoint(b.x1, b.y0, -skew.degrees, skew.cx, skew.cy),
      unrotatePoint(b.x0, b.y1, -skew.degrees, skew.cx, skew.cy),
      unrotatePoint(b.x1, b.y1, -skew.degrees, skew.cx, skew.cy)
    ]
    return roundBox({
      x0: clamp(Math.min(...corners.map((c) => c[0])), page.width),
      y0: clamp(Math.min(...corners.map((c) => c[1])), page.height),
      x1: clamp(Math.max(...corners.map((c) => c[0])), page.width),
      y1: clamp(Math.max(...corners.map((c) => c[1])), page.height)
    })
  }
  const out: LayoutLine = {...line, bbox: map(line.bbox)}
  if (line.words) out.words = line.words.map((w) => ({...w, bbox: map(w.bbox)}))
  return out
}

/** The words of `side`'s segments, grouped by the row they stand in. */
function bySide(rows: Row[], side: Segment[]): LayoutWord[][] {
  const set = new Set(side)
  return rows
    .map((row) => row.segments.filter((s) => set.has(s)).flatMap((s) => s.words))
    .filter((words) => words.length > 0)
}

function cleanWord(word: LayoutWord): LayoutWord {
  return {...word, text: normalizeText(word.text).replace(/\s+/g, ' ').trim()}
}

function makeLine(words: LayoutWord[]): LayoutLine {
  const sorted = [...words].sort((a, b) => a.bbox.x0 - b.bbox.x0)
  return {
    text: sorted.map((w) => w.text).join(' '),
    bbox: roundBox(union(sorted.map((w) => w.bbox))),
    confidence: round(meanConfidence(sorted)),
    words: sorted.map((w) => ({...w, bbox: roundBox(w.bbox), confidence: round(w.confidence)}))
  }
}

function makeTableLine(row: FoundTable['rows'][number]): LayoutLine {
  const words = row.cells.flat()
  return {
    text: row.cells.map((cell) => cell.map((w) => w.text).join(' ')).join('\t'),
    bbox: roundBox(row.bbox),
    confidence: round(meanConfidence(words)),
    words: words.map((w) => ({...w, bbox: roundBox(w.bbox), confidence: round(w.confidence)}))
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
