/**
 * Whitespace-aligned tables (text laid out in columns, as `pdftotext
 * -layout` or a typewriter draws them): cells are runs of text separated by
 * two or more spaces, columns are the x ranges no run of any row crosses.
 * A line whose first column is empty continues the row above, so cells
 * wrapped over several lines become one row; a line with a single marked
 * run at the left edge (`V. Cải cách chế độ công vụ`) is a group row.
 */
import {mergeColumns, newRow} from './rows.js'
import {hasFormFeed, isBlank, isPageBreak, isRule, rowKey, startsWithMarker} from './lines.js'
import type {CellFragment, TableBlock, TableBlockRow} from './types.js'

/** A run of text: words separated by single spaces. */
interface Run {
  text: string
  start: number
  end: number
}

/** Blank lines allowed in a row inside an aligned table. */
const maxBlankRun = 3
/** Share of lines allowed to cross a gutter (a cell that overflows its column). */
const crossingTolerance = 0.1
/** Longest run a table line may hold: longer is prose (a paragraph on one line). */
const maxRunLength = 80

/** Runs of a line: text separated by two or more spaces. */
export function runsOf(line: string): Run[] {
  const runs: Run[] = []
  for (const match of line.matchAll(/\S+(?: \S+)*/gu)) {
    runs.push({text: match[0], start: match.index, end: match.index + match[0].length})
  }
  return runs
}

/** Column ranges `[start, end)` from the runs of lines with two runs or more. */
function columnsOf(lines: Run[][]): Array<[number, number]> {
  const width = Math.max(0, ...lines.flatMap((runs) => runs.map((run) => run.end)))
  const coverage = new Array<number>(width + 1).fill(0)
  const grid = lines.filter((runs) => runs.length >= 2)
  for (const runs of grid) for (const run of runs) for (let x = run.start; x < run.end; x++) coverage[x]++
  const tolerance = Math.floor(grid.length * crossingTolerance)
  const columns: Array<[number, number]> = []
  let open = -1
  for (let x = 0; x <= width; x++) {
    const filled = x < width && coverage[x] > tolerance
    if (filled && open < 0) open = x
    if (!filled && open >= 0) {
      columns.push([open, x])
      open = -1
    }
  }
  // Gutters narrower than two spaces are word spaces inside a column.
  const merged: Array<[number, number]> = []
  for (const column of columns) {
    const last = merged.at(-1)
    if (last && column[0] - last[1] < 2) last[1] = column[1]
    else merged.push([...column])
  }
  return merged
}

/** Index of the column a run belongs to: the one its start falls in, or the next one right of a gutter. */
function columnIndex(columns: Array<[number, number]>, start: number): number {
  for (let i = 0; i < columns.length; i++) if (start < columns[i][1]) return i
  return columns.length - 1
}

/** Does every run of the line start in a column and stay within columns? */
function fits(columns: Array<[number, number]>, runs: Run[]): boolean {
  return runs.every((run) => {
    const index = columnIndex(columns, run.start)
    const column = columns[index]
    return run.start >= column[0] - 2 && (run.end <= column[1] + 1 || runs.length === 1)
  })
}

/** Cells of a line: its runs gathered by column (empty cells where no run falls). */
function cellsOf(columns: Array<[number, number]>, runs: Run[], line: number): CellFragment[] {
  const cells: CellFragment[] = columns.map(([start]) => ({text: '', line, column: start}))
  for (const run of runs) {
    const cell = cells[columnIndex(columns, run.start)]
    if (cell.text === '') {
      cell.text = run.text
      cell.column = run.start
    } else cell.text += ` ${run.text}`
  }
  while (cells.length > 1 && cells[cells.length - 1].text === '') cells.pop()
  return cells
}

/** An aligned table starting at line `start`, or null. */
export function detectAligned(lines: string[], start: number): TableBlock | null {
  const read = (index: number) => lines[index].replace(/\f/g, ' ').trimEnd()
  const first = read(start)
  if (first.includes('\t') || first.trimStart().startsWith('|') || isRule(first)) return null
  const openerRuns = runsOf(first)
  if (openerRuns.length < 3 || openerRuns.some((run) => run.text.length > maxRunLength)) return null
  // A table's header has real gutters; an accidental double space in prose does not.
  const wideGaps = openerRuns.slice(1).filter((run, i) => run.start - openerRuns[i].end >= 3).length
  if (wideGaps < 2) return null
  const left = openerRuns[0].start

  // Pass 1: the extent, by the shape of lines.
  const taken: number[] = []
  let blanks = 0
  const shapeOf = (index: number) => {
    const text = read(index)
    if (text.includes('\t') || text.trimStart().startsWith('|')) return 'end'
    if (isBlank(text) || isPageBreak(text) || isRule(text)) return 'skip'
    const runs = runsOf(text)
    if (runs.some((run) => run.text.length > maxRunLength)) return 'end'
    if (runs.length >= 2) return 'grid'
    if (runs[0].start > left + 1) return 'continuation'
    return startsWithMarker(text) ? 'marked' : 'end'
  }
  for (let index = start; index < lines.length; index++) {
    const shape = shapeOf(index)
    if (shape === 'skip') {
      if (isBlank(read(index)) && ++blanks > maxBlankRun) break
      continue
    }
    blanks = 0
    if (shape === 'end') break
    if (shape === 'marked') {
      // A group row: only when the table goes on after it.
      let next = index + 1
      while (next < lines.length && shapeOf(next) === 'skip') next++
      if (next >= lines.length || (shapeOf(next) !== 'grid' && shapeOf(next) !== 'continuation')) break
    }
    taken.push(index)
  }

  // Pass 2: columns; drop lines at the end that do not fit them (text after the table).
  const runs = new Map(taken.map((index) => [index, runsOf(read(index))]))
  let columns = columnsOf([...runs.values()])
  while (taken.length > 0 && !fits(columns, runs.get(taken.at(-1)!)!)) {
    runs.delete(taken.pop()!)
    columns = columnsOf([...runs.values()])
  }
  if (columns.length < 3) return null
  const wide = taken.filter((index) => new Set(runs.get(index)!.map((run) => columnIndex(columns, run.start))).size >= 3)
  if (wide.length < 2) return null

  // Pass 3: rows. A line with text in the first column starts a row.
  const rows: TableBlockRow[] = []
  const breaks: number[] = []
  // Keys of the header's physical lines, to drop the header repeated on a new page.
  const headerLines: string[] = []
  let skipping = 0
  let previous = start - 1
  for (const index of taken) {
    for (let between = previous + 1; between < index; between++) {
      if (hasFormFeed(lines[between]) || isPageBreak(read(between))) breaks.push(between)
    }
    if (hasFormFeed(lines[index])) breaks.push(index)
    previous = index
    const cells = cellsOf(columns, runs.get(index)!, index)
    const key = rowKey(cells.map((cell) => cell.text))
    if (rows.length >= 2) {
      if (skipping > 0 && skipping < headerLines.length && key === headerLines[skipping]) {
        skipping++
        continue
      }
      skipping = key === headerLines[0] ? 1 : 0
      if (skipping) continue
    }
    const current = rows.at(-1)
    if (current && cells[0].text === '') mergeColumns(current, index, cells)
    else rows.push(newRow(index, cells))
    if (rows.length === 1) headerLines.push(key)
  }
  if (rows.length < 2) return null
  return {start, end: taken.at(-1)! + 1, layout: 'aligned', rows, breaks}
}
