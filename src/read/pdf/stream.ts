/**
 * Stream tables: tables with partial rules or none (only the header ruled,
 * only horizontal rules), found in a text layer from the alignment of its
 * runs. Runs standing together make chunks (a cell's line); a line with
 * three chunks or more apart opens a table; the x-ranges no chunk of the
 * table covers (its gutters) give the columns, and the table goes on while
 * every line keeps them free — but for a row whose marker stands in the
 * first column and whose title runs across the others (a group row). Rows
 * start at the rules that cross the table and at each line with text in a
 * first column of numbers (within a ruled band that holds two numbered
 * lines or more); a chunk running over a gutter makes its cell span the
 * columns it covers.
 */
import type {BBox} from '../../tree/types.js'
import type {HorizontalRule} from '../image/ruling-lines.js'
import type {LayoutWord} from '../types.js'
import {compactRows, type PageTable} from '../layout/table-cells.js'
import {baseline, fillCells, type CellSlot} from './cell-text.js'

/** Runs closer than this share of the font size are one chunk (a cell's line). */
export const chunkGap = 0.4
/** Narrowest gutter (points) a column boundary keeps once lines have narrowed it. */
const minGutter = 1.5
/** Fewest columns of a stream table. */
export const minStreamColumns = 3

interface Chunk {
  words: LayoutWord[]
  bbox: BBox
  base: number
  size: number
}

interface Line {
  chunks: Chunk[]
  bbox: BBox
  base: number
  size: number
}

/** A row marker in a number column: `1`, `1.2`, `II`, `a)`, and the headers `TT`, `STT`. */
const numberCell = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.?|[a-zđ][.)]|\(\d{1,3}\)|S?TT)$/u

/**
 * The stream tables among `runs` (a page's runs left after its ruled
 * tables), with `rules` the page's horizontal rules; returns the tables and
 * the runs left over.
 */
export function findStreamTables(runs: LayoutWord[][], rules: HorizontalRule[]): {tables: PageTable[]; runs: LayoutWord[][]} {
  const lines = linesOf(chunksOf(runs))
  const tables: PageTable[] = []
  const taken = new Set<LayoutWord>()
  let i = 0
  while (i < lines.length) {
    const region = regionFrom(lines, i)
    if (!region) {
      i++
      continue
    }
    const table = tableOf(lines.slice(region.start, region.end), region.groups, rules)
    if (table) {
      tables.push(table.table)
      for (const line of lines.slice(region.start, region.end)) for (const chunk of line.chunks) for (const w of chunk.words) taken.add(w)
    }
    i = region.end
  }
  if (tables.length === 0) return {tables, runs}
  return {tables, runs: runs.map((run) => run.filter((w) => !taken.has(w))).filter((run) => run.length > 0)}
}

/** Runs on one baseline that touch (closer than `chunkGap` of the font size) joined into chunks. */
function chunksOf(runs: LayoutWord[][]): Chunk[] {
  const pieces = runs
    .filter((run) => run.length > 0)
    .map((words): Chunk => {
      const size = words[0].bbox.y1 - words[0].bbox.y0
      return {words: [...words], bbox: box(words), base: baseline(words[0]), size}
    })
    .sort((a, b) => a.base - b.base || a.bbox.x0 - b.bbox.x0)
  const out: Chunk[] = []
  for (const piece of pieces) {
    const last = out.at(-1)
    const gap = last ? piece.bbox.x0 - last.bbox.x1 : Infinity
    if (last && Math.abs(last.base - piece.base) < 0.2 * Math.min(last.size, piece.size) && gap < chunkGap * Math.min(last.size, piece.size) && gap > -0.5 * piece.size) {
      last.words.push(...piece.words)
      last.bbox = box(last.words)
    } else out.push(piece)
  }
  return out
}

/** Chunks grouped by baseline into lines, top to bottom, each left to right. */
function linesOf(chunks: Chunk[]): Line[] {
  const lines: Line[] = []
  for (const chunk of chunks) {
    const line = lines.find((l) => Math.abs(l.base - chunk.base) < 0.4 * Math.min(l.size, chunk.size))
    if (line) {
      line.chunks.push(chunk)
      line.bbox = box(line.chunks.flatMap((c) => c.words))
    } else lines.push({chunks: [chunk], bbox: chunk.bbox, base: chunk.base, size: chunk.size})
  }
  for (const line of lines) line.chunks.sort((a, b) => a.bbox.x0 - b.bbox.x0)
  return lines.sort((a, b) => a.base - b.base)
}

/** The free x-intervals between the chunks of a line, at least `min` wide. */
function gapsOf(line: Line, min: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (let k = 1; k < line.chunks.length; k++) {
    const a = line.chunks[k - 1].bbox.x1
    const b = line.chunks[k].bbox.x0
    if (b - a >= min) out.push([a, b])
  }
  return out
}

/** `intervals` with the x-extents of `line`'s chunks taken out; slivers under `min` dropped. */
function narrow(intervals: Array<[number, number]>, line: Line, min: number): Array<[number, number]> {
  let result = intervals
  for (const c of line.chunks) {
    const next: Array<[number, number]> = []
    for (const [a, b] of result) {
      if (c.bbox.x1 <= a || c.bbox.x0 >= b) next.push([a, b])
      else {
        if (c.bbox.x0 - a >= min) next.push([a, c.bbox.x0])
        if (b - c.bbox.x1 >= min) next.push([c.bbox.x1, b])
      }
    }
    result = next
  }
  return result
}

/**
 * `line` with its chunks cut where a word starts where the column after a
 * gutter starts (the gutter's right edge), a gutter the chunk runs over:
 * pdf.js joins the texts of two cells whose gap is narrow into one run, and
 * the words' boxes (shares of the run) are only good to about a letter.
 */
function cutAtGutters(line: Line, gutters: Array<Array<[number, number]>>): Line {
  const tolerance = 0.6 * line.size
  const chunks: Chunk[] = []
  for (const chunk of line.chunks) {
    let current: LayoutWord[] = []
    for (const word of chunk.words) {
      const atGutter = current.length > 0 && gutters.some((intervals) => intervals.some(([a, b]) => chunk.bbox.x0 < a && chunk.bbox.x1 > b && Math.abs(word.bbox.x0 - b) <= tolerance))
      if (atGutter) {
        chunks.push({...chunk, words: current, bbox: box(current)})
        current = []
      }
      current.push(word)
    }
    chunks.push({...chunk, words: current, bbox: box(current)})
  }
  return {...line, chunks}
}

/** A group row: a marker alone in the first column, its title running across the columns after it. */
function isGroupRow(line: Line, left: number, firstGutter: [number, number]): boolean {
  if (line.chunks.length !== 2) return false
  const [marker, title] = line.chunks
  return marker.bbox.x0 < firstGutter[0] + 1 && marker.bbox.x0 >= left - line.size && numberCell.test(text(marker)) && title.bbox.x0 >= firstGutter[0]
}

/** The table region starting at line `start`: the lines it covers, its group rows, or undefined. */
function regionFrom(lines: Line[], start: number): {start: number; end: number; groups: Set<Line>} | undefined {
  const first = lines[start]
  const min = chunkGap * first.size
  const seed = gapsOf(first, min)
  if (seed.length + 1 < minStreamColumns) return undefined
  let gutters: Array<Array<[number, number]>> = seed.map((g) => [g])
  const left = first.bbox.x0
  let end = start + 1
  let multi = 1
  const groups = new Set<Line>()
  for (; end < lines.length; end++) {
    const line = lines[end]
    // A gap of more than three lines ends the table.
    if (line.base - lines[end - 1].base > 3.5 * line.size) break
    // Text starting far left of the table is no part of it.
    if (line.bbox.x0 < left - 2 * line.size) break
    let narrowed = gutters.map((intervals) => narrow(intervals, line, minGutter))
    if (narrowed.some((intervals) => intervals.length === 0)) {
      if (isGroupRow(line, left, gutters[0][0])) {
        groups.add(line)
        continue
      }
      // Two cells' texts pdf.js ran together: cut them apart at the gutter.
      const cut = cutAtGutters(line, gutters)
      narrowed = gutters.map((intervals) => narrow(intervals, cut, minGutter))
      if (narrowed.some((intervals) => intervals.length === 0)) break
      lines[end] = cut
    }
    gutters = narrowed
    if (line.chunks.length >= 2) multi++
  }
  // A table, not a few lines that happen to align: two lines of several cells at least, three lines in all.
  if (multi < 2 || end - start < 3) return undefined
  // Lines of the header just above the first (a header cell of two lines, centred, starts higher).
  let top = start
  while (top > 0 && lines[top].base - lines[top - 1].base < 1.6 * first.size && gutters.every((intervals) => narrow(intervals, lines[top - 1], minGutter).length > 0)) top--
  return {start: top, end, groups}
}

function tableOf(lines: Line[], groups: Set<Line>, rules: HorizontalRule[]): {table: PageTable} | undefined {
  const words = lines.flatMap((l) => l.chunks.flatMap((c) => c.words))
  const area = box(words)
  const x0 = area.x0 - 1
  const x1 = area.x1 + 1
  // Columns: the x-ranges no line of the table covers (a group row's title aside), found over all its lines —
  // a header cell centred in two lines may leave a column out of any single line.
  let free: Array<[number, number]> = [[x0, x1]]
  for (const line of lines) if (!groups.has(line)) free = narrow(free, line, minGutter)
  const boundaries = free.filter(([a, b]) => a > x0 + 0.5 && b < x1 - 0.5).map(([a, b]) => (a + b) / 2)
  const columns = boundaries.length + 1
  if (columns < minStreamColumns) return undefined
  const edges = [x0, ...boundaries, x1]
  const columnOf = (x: number) => {
    let c = 0
    while (c < boundaries.length && x > boundaries[c]) c++
    return c
  }
  // Rules across most of the table, inside it or at its top.
  const size = lines[0].size
  const across = rules
    .filter((r) => r.x0 <= x0 + 0.2 * (x1 - x0) && r.x1 >= x1 - 0.2 * (x1 - x0) && r.y > area.y0 - 1.5 * size && r.y < area.y1 + 0.5 * size)
    .map((r) => r.y)
    .sort((a, b) => a - b)
  // The first column holds row numbers?
  const firsts = lines.flatMap((l) => l.chunks.filter((c) => columnOf(c.bbox.x0) === 0 && c.bbox.x1 <= edges[1] + 1).map(text))
  const numbered = firsts.length > 0 && firsts.filter((t) => numberCell.test(t)).length >= 0.6 * firsts.length
  const startsRow = (line: Line) => line.chunks.some((c) => columnOf(c.bbox.x0) === 0 && c.bbox.x1 <= edges[1] + 1)
  // Bands between rules; in a band, each numbered line starts a row when the band holds two or more.
  const bandOf = (line: Line) => across.filter((y) => y < line.bbox.y0 + 0.3 * size).length
  const starts: number[] = [0]
  for (let k = 1; k < lines.length; k++) {
    const band = bandOf(lines[k])
    const newBand = band !== bandOf(lines[k - 1])
    const inBand = lines.filter((l) => bandOf(l) === band)
    const numberedInBand = numbered ? inBand.filter(startsRow).length : 0
    if (newBand || (numbered && numberedInBand >= 2 && startsRow(lines[k]))) starts.push(k)
  }
  if (starts.length < 2) return undefined
  const slots: CellSlot[] = []
  starts.forEach((s, r) => {
    const rowLines = lines.slice(s, starts[r + 1] ?? lines.length)
    const y0 = r === 0 ? Math.min(area.y0, ...across.filter((y) => y < rowLines[0].bbox.y0 + 0.3 * size)) : (slots.at(-1)?.bbox.y1 ?? area.y0)
    const next = starts[r + 1] === undefined ? undefined : lines[starts[r + 1]]
    const y1 = next ? Math.min(next.bbox.y0, ...across.filter((y) => y > rowLines.at(-1)!.bbox.y1 - 0.3 * size && y <= next.bbox.y0 + 0.3 * size)) : area.y1 + 1
    // A chunk running over gutters makes its cell span the columns it covers.
    const spanEnd = Array.from({length: columns}, (_, c) => c)
    for (const chunk of rowLines.flatMap((l) => l.chunks)) {
      const from = columnOf(chunk.bbox.x0)
      const to = columnOf(chunk.bbox.x1 - 1)
      if (to > spanEnd[from]) spanEnd[from] = to
    }
    for (let c = 0; c < columns; ) {
      let last = spanEnd[c]
      for (let k = c + 1; k <= last; k++) last = Math.max(last, spanEnd[k])
      slots.push({row: r, column: c, rowSpan: 1, colSpan: last - c + 1, bbox: {x0: edges[c], y0, x1: edges[last + 1], y1}})
      c = last + 1
    }
  })
  const grid = {rows: starts.length, columns, bbox: {x0, y0: slots[0].bbox.y0, x1, y1: slots.at(-1)!.bbox.y1}, method: 'stream' as const}
  const {table} = fillCells(slots, grid, words)
  return {table: compactRows(table)}
}

function text(chunk: Chunk): string {
  return chunk.words.map((w) => w.text).join(' ')
}

function box(words: LayoutWord[]): BBox {
  return {
    x0: Math.min(...words.map((w) => w.bbox.x0)),
    y0: Math.min(...words.map((w) => w.bbox.y0)),
    x1: Math.max(...words.map((w) => w.bbox.x1)),
    y1: Math.max(...words.map((w) => w.bbox.y1))
  }
}
