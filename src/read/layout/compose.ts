/**
 * Compose pages of positioned words into the text of `file.value` and its
 * `Layout`: segments → rows → tables and two-column zones → lines in reading
 * order, one text line per layout line, with provenance for each.
 *
 * Reading order: two-column zones (ND 30 header, closing block) come out
 * left column first, then right column, each part as its own line. Tables
 * come out as cells (`layout.tables`, `table-cells.ts`) and are written
 * into the text as one line per grid row, tab-separated (cells wrapped over
 * several physical lines joined with a space). A blank line separates
 * paragraphs (a vertical gap over one line height), zone columns, tables and
 * pages.
 */
import type {BBox} from '../../tree/types.js'
import type {Layout, LayoutLine, LayoutPage, LayoutTable, LayoutWord, Route} from '../types.js'
import {normalizeText} from '../decode-text.js'
import {findZones} from './columns.js'
import {height, meanConfidence, median, roundBox, union} from './geometry.js'
import {groupRows, splitAtGaps, type Row, type Segment} from './segments.js'
import {findTables} from './tables.js'
import {repairColumnNumbers, repairMarkers, type MarkerRepair} from './repair-markers.js'
import {tablesFromGrids} from './grid-tables.js'
import type {Grid} from './grid.js'
import {cellsFromFound, renderRow, rowBox, rowWords, type PageTable} from './table-cells.js'
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
  /** Tables the engine already read as cells (a PDF's ruled tables); their words are not in `lines`. */
  tables?: PageTable[]
}

/** The text and layout of a laid-out file. */
export interface Composed {
  text: string
  layout: Layout
  /** Markers of OCR'd lines put right (`repair-markers.ts`); `line` is 0-based in `text`. */
  repairs: Array<MarkerRepair & {page: number}>
}

/** A line in reading order; a table's row lines point at their table and grid row. */
type Emitted = {line: LayoutLine; breakBefore: boolean; cells?: {table: PageTable; row: number}}

/** A table placed among a page's rows: it stands where rows `start` … `end - 1` stood. */
interface PlacedTable {
  start: number
  end: number
  table: PageTable
}

/** Compose `pages` into text and layout. */
export function composePages(pages: PageInput[]): Composed {
  const textLines: string[] = []
  const provenance: Layout['lines'] = []
  const layoutPages: LayoutPage[] = []
  const ordered = pages.map((page) => (page.skew ? unskewEmitted(orderPage(page), page) : orderPage(page)))
  // OCR'd lines in reading order, for the marker repairs (numbering runs on across pages).
  const ocred = ordered.flatMap((emitted, p) => (pages[p].route === 'ocr' ? emitted.map((e) => ({page: pages[p].number, line: e.line})) : []))
  const repaired = repairMarkers(ocred.map((o) => o.line))
  const repairs: Composed['repairs'] = []
  const tables: LayoutTable[] = []
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
      if (e.cells?.row === 0) tables.push(placeTable(e.cells.table, page.number, textLines.length))
      if (e.cells) tables[tables.length - 1].lines.end = textLines.length + 1
      for (const r of e.cells?.table.repairs ?? []) if (r.row === e.cells!.row) repairs.push({line: textLines.length, from: r.from, to: r.to, page: page.number})
      const repair = repaired.find((r) => ocred[r.line].line === e.line)
      if (repair) {
        repairs.push({line: textLines.length, from: repair.from, to: repair.to, page: page.number})
        if (e.cells) repairFirstCell(tables[tables.length - 1], e.cells.row, repair)
      }
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
  if (tables.length > 0) layout.tables = tables
  return {text: textLines.join('\n'), layout, repairs}
}

/** A row number or header the marker repairs put right on a table's row line, put right in its cell too. */
function repairFirstCell(table: LayoutTable, row: number, repair: MarkerRepair): void {
  const cell = table.cells.find((c) => c.row === row && c.column === 0)
  if (!cell?.text.startsWith(repair.from)) return
  cell.text = repair.to + cell.text.slice(repair.from.length)
  if (cell.words?.[0]?.text === repair.from) cell.words[0] = {...cell.words[0], text: repair.to}
}

/** A page's table as the layout holds it, its first row on text line `line`. */
function placeTable(table: PageTable, page: number, line: number): LayoutTable {
  return {
    method: table.method,
    page,
    bbox: table.bbox,
    rows: table.rows,
    columns: table.columns,
    cells: table.cells.map((cell) => ({...cell, page})),
    lines: {start: line, end: line}
  }
}

/** The lines of one page in reading order. */
export function orderPage(page: PageInput): Emitted[] {
  const words = page.lines.flatMap((l) => l.words)
  if (words.length === 0 && !page.tables?.length) return []
  const segments = page.lines.flatMap((l) => splitAtGaps(l.words.map(cleanWord).filter((w) => w.text !== '')))
  const rows = groupRows(segments)
  // Line pitch: the usual distance between the tops of consecutive rows (word boxes are tight, so gaps alone mislead).
  const pitches = rows.slice(1).map((r, k) => r.bbox.y0 - rows[k].bbox.y0).filter((d) => d > 0)
  const wordHeight = Math.max(1, median(words.map((w) => height(w.bbox))))
  const pitch = pitches.length > 0 ? median(pitches) : 2 * wordHeight
  const tables = pageTables(rows, page)
  // An OCR'd table's row of column numbers, some garbled: put right, to be reported.
  if (page.route === 'ocr') {
    for (const {table} of tables) {
      const repairs = repairColumnNumbers(table.cells)
      if (repairs.length > 0) table.repairs = repairs
    }
  }
  const x0 = Math.min(...segments.map((s) => s.bbox.x0), ...(page.tables ?? []).map((t) => t.bbox.x0))
  const x1 = Math.max(...segments.map((s) => s.bbox.x1), ...(page.tables ?? []).map((t) => t.bbox.x1))
  const out: Emitted[] = []
  let previous: BBox | undefined
  const push = (line: LayoutLine, forceBreak: boolean, noBreak = false, cells?: Emitted['cells']) => {
    // A paragraph break: the line starts more than 1.6 pitches below the previous one's top.
    const step = previous ? line.bbox.y0 - previous.y0 : 0
    const emitted: Emitted = {line, breakBefore: forceBreak || (!noBreak && step > 1.6 * pitch)}
    if (cells) emitted.cells = cells
    out.push(emitted)
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
      for (let k = 0; k < table.table.rows; k++) push(makeTableLine(table.table, k), k === 0, k > 0, {table: table.table, row: k})
      i = table.end
      // Text after a table starts a new paragraph.
      previous = {...previous!, y0: -Infinity}
    }
  }
  return out
}

/**
 * The tables of a page as cells, in reading order: those the engine read
 * (placed before the first row below their top), ruled tables from their
 * grids, then tables found from word boxes alone in the rows between them.
 */
function pageTables(rows: Row[], page: PageInput): PlacedTable[] {
  const placed: PlacedTable[] = tablesFromGrids(rows, page.grids ?? []).map((found) => ({start: found.start, end: found.end, table: cellsFromFound(found, 'grid')}))
  for (const table of page.tables ?? []) {
    let at = rows.findIndex((row) => (row.bbox.y0 + row.bbox.y1) / 2 > table.bbox.y0)
    if (at < 0) at = rows.length
    const inside = placed.find((p) => p.start < at && at < p.end)
    if (inside) at = inside.end
    placed.push({start: at, end: at, table})
  }
  placed.sort((a, b) => a.start - b.start || a.table.bbox.y0 - b.table.bbox.y0)
  const method = page.route === 'ocr' ? 'boxes' : 'stream'
  const out: PlacedTable[] = []
  let from = 0
  for (const table of [...placed, undefined]) {
    const to = table ? table.start : rows.length
    for (const found of findTables(rows.slice(from, to), {horizontalRules: page.horizontalRules})) {
      out.push({start: found.start + from, end: found.end + from, table: cellsFromFound(found, method)})
    }
    if (table) {
      out.push(table)
      from = table.end
    }
  }
  return out
}

/** The lines of a straightened page, and the boxes of its tables, mapped back onto the page. */
function unskewEmitted(emitted: Emitted[], page: PageInput): Emitted[] {
  const tables = new Map<PageTable, PageTable>()
  const map = (box: BBox) => unskewBox(box, page)
  return emitted.map((e) => {
    const out: Emitted = {...e, line: unskewLine(e.line, page)}
    if (e.cells) {
      let table = tables.get(e.cells.table)
      if (!table) {
        const t = e.cells.table
        table = {
          ...t,
          bbox: map(t.bbox),
          cells: t.cells.map((c) => ({...c, ...(c.bbox ? {bbox: map(c.bbox)} : {}), ...(c.words ? {words: c.words.map((w) => ({...w, bbox: map(w.bbox)}))} : {})}))
        }
        tables.set(t, table)
      }
      out.cells = {table, row: e.cells.row}
    }
    return out
  })
}

/** A box mapped from the straightened page back onto the page. */
function unskewBox(b: BBox, page: PageInput): BBox {
  const skew = page.skew!
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v))
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

/** A line with its boxes mapped from the straightened page back onto the page. */
function unskewLine(line: LayoutLine, page: PageInput): LayoutLine {
  const out: LayoutLine = {...line, bbox: unskewBox(line.bbox, page)}
  if (line.words) out.words = line.words.map((w) => ({...w, bbox: unskewBox(w.bbox, page)}))
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

/** The text line a table's grid row is written as (`renderRow`), with the row's box and words. */
function makeTableLine(table: PageTable, row: number): LayoutLine {
  const words = rowWords(table, row)
  return {
    text: renderRow(table, row),
    bbox: roundBox(rowBox(table, row)),
    confidence: round(meanConfidence(words)),
    words
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
