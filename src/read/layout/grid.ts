/**
 * The grid of a ruled table, from its rules: horizontal rules one above the
 * other with vertical rules between them make a table; the vertical rules
 * give the columns, the horizontal ones the rows, and a vertical rule missing
 * over one row marks cells merged across it (a group row such as
 * "II. Cải cách thể chế" spanning every column but the first).
 *
 * Units are those of the rules (image pixels, or page units once scaled).
 */
import type {HorizontalRule, RulingLines, VerticalRule} from '../image/ruling-lines.js'

/** A ruled table. */
export interface Grid {
  /** Column edges, left to right, the outer borders included (`columns + 1` values). */
  xs: number[]
  /** Row edges, top to bottom, the outer borders included (`rows + 1` values). */
  ys: number[]
  /** `open[r][k]`: row `r` has no rule on interior edge `k` (between columns `k` and `k + 1`): its cells merge there. */
  open: boolean[][]
}

/** One cell of a grid: its row, the columns it spans, its box. */
export interface GridCell {
  row: number
  /** First column and one past the last: a merged cell spans several. */
  columns: [number, number]
  bbox: {x0: number; y0: number; x1: number; y1: number}
}

/** Options of `findGrids`. */
export interface GridOptions {
  /** How far apart (units) rule ends and edges may be and still meet (default 12: 1 mm at 300 dpi). */
  tolerance?: number
}

/** Find the ruled tables among `rules`, top to bottom. */
export function findGrids(rules: RulingLines, options: GridOptions = {}): Grid[] {
  const tolerance = options.tolerance ?? 12
  const horizontal = [...rules.horizontal].sort((a, b) => a.y - b.y)
  const grids: Grid[] = []
  let chain: HorizontalRule[] = []
  const close = () => {
    if (chain.length >= 2) {
      const grid = gridOf(chain, rules.vertical, tolerance)
      if (grid) grids.push(grid)
    }
    chain = []
  }
  for (const rule of horizontal) {
    const last = chain[chain.length - 1]
    // Two rules at the same height (a thick rule read twice) count once.
    if (last && rule.y - last.y <= tolerance && sameExtent(last, rule, tolerance)) continue
    if (last && !(sameExtent(last, rule, tolerance) && linked(last, rule, rules.vertical, tolerance))) close()
    chain.push(rule)
  }
  close()
  return grids
}

/** The cells of `grid`, row by row, merged cells as one. */
export function gridCells(grid: Grid): GridCell[] {
  const cells: GridCell[] = []
  for (let r = 0; r + 1 < grid.ys.length; r++) {
    let start = 0
    for (let c = 1; c < grid.xs.length; c++) {
      // Interior edge c - 1 lies at xs[c]; the last edge is the right border.
      if (c < grid.xs.length - 1 && grid.open[r][c - 1]) continue
      cells.push({row: r, columns: [start, c], bbox: {x0: grid.xs[start], y0: grid.ys[r], x1: grid.xs[c], y1: grid.ys[r + 1]}})
      start = c
    }
  }
  return cells
}

/** `grid` with every coordinate passed through `f` (to change units). */
export function mapGrid(grid: Grid, f: (v: number) => number): Grid {
  return {xs: grid.xs.map(f), ys: grid.ys.map(f), open: grid.open.map((row) => [...row])}
}

function sameExtent(a: HorizontalRule, b: HorizontalRule, tolerance: number): boolean {
  const slack = Math.max(3 * tolerance, 0.03 * Math.max(a.x1 - a.x0, b.x1 - b.x0))
  return Math.abs(a.x0 - b.x0) <= slack && Math.abs(a.x1 - b.x1) <= slack
}

/** Two vertical rules (the borders, at least) run from `a` down to `b`. */
function linked(a: HorizontalRule, b: HorizontalRule, vertical: VerticalRule[], tolerance: number): boolean {
  const x0 = Math.max(a.x0, b.x0) - tolerance
  const x1 = Math.min(a.x1, b.x1) + tolerance
  return vertical.filter((v) => v.x >= x0 && v.x <= x1 && covers(v, a.y, b.y, tolerance)).length >= 2
}

/** `v` runs over most of the band between `y0` and `y1`. */
function covers(v: VerticalRule, y0: number, y1: number, tolerance: number): boolean {
  const overlap = Math.min(v.y1, y1) - Math.max(v.y0, y0)
  return overlap >= Math.max(0.6 * (y1 - y0), y1 - y0 - 2 * tolerance)
}

function gridOf(chain: HorizontalRule[], vertical: VerticalRule[], tolerance: number): Grid | undefined {
  const ys = chain.map((r) => r.y)
  const x0 = median(chain.map((r) => r.x0))
  const x1 = median(chain.map((r) => r.x1))
  const top = ys[0]
  const bottom = ys[ys.length - 1]
  // Vertical rules within the table, grouped by x (a rule broken by merged cells is several pieces).
  const inside = vertical
    .filter((v) => v.x >= x0 - tolerance && v.x <= x1 + tolerance && Math.min(v.y1, bottom) - Math.max(v.y0, top) > tolerance)
    .sort((a, b) => a.x - b.x)
  const groups: VerticalRule[][] = []
  for (const v of inside) {
    const last = groups[groups.length - 1]
    if (last && v.x - last[last.length - 1].x <= tolerance) last.push(v)
    else groups.push([v])
  }
  const interior = groups.map((g) => ({x: median(g.map((v) => v.x)), pieces: g})).filter((g) => g.x > x0 + tolerance && g.x < x1 - tolerance)
  if (interior.length === 0) return undefined
  const xs = [x0, ...interior.map((g) => g.x), x1]
  const open = ys.slice(1).map((y, r) => interior.map((g) => !g.pieces.some((v) => covers(v, ys[r], y, tolerance))))
  // A column edge no row has is not an edge (a stray vertical stroke).
  const kept = interior.map((_, k) => open.some((row) => !row[k]))
  return {
    xs: xs.filter((_, i) => i === 0 || i === xs.length - 1 || kept[i - 1]),
    ys,
    open: open.map((row) => row.filter((_, k) => kept[k]))
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
