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
  /**
   * `openBelow[r][c]`: no rule under row `r` in column `c` (the rule there is broken off): the
   * cell merges with the one below it (a cell spanning two tasks). Absent when every rule is whole.
   */
  openBelow?: boolean[][]
}

/** One cell of a grid: its first row and the rows it spans (`rowSpan`), the columns it spans, its box. */
export interface GridCell {
  row: number
  rowSpan: number
  /** First column and one past the last: a merged cell spans several. */
  columns: [number, number]
  bbox: {x0: number; y0: number; x1: number; y1: number}
}

/** Options of `findGrids`. */
export interface GridOptions {
  /** How far apart (units) rule ends and edges may be and still meet (default 12: 1 mm at 300 dpi). */
  tolerance?: number
}

/** The horizontal rules at one height: the pieces of a rule broken off by merged cells, or one whole rule. */
interface RuleLine {
  y: number
  x0: number
  x1: number
  pieces: HorizontalRule[]
}

/** Find the ruled tables among `rules`, top to bottom. */
export function findGrids(rules: RulingLines, options: GridOptions = {}): Grid[] {
  const tolerance = options.tolerance ?? 12
  const grids: Grid[] = []
  let chain: RuleLine[] = []
  const close = () => {
    if (chain.length >= 2) {
      const grid = gridOf(chain, rules.vertical, tolerance)
      if (grid) grids.push(grid)
    }
    chain = []
  }
  for (const line of ruleLines(rules.horizontal, tolerance)) {
    const top = chain[0]
    const last = chain[chain.length - 1]
    // A rule goes on the table when it spans it, or lies within it (broken off by a merged cell), and the borders run down to it.
    if (last && !((sameExtent(top, line, tolerance) || within(top, line, tolerance)) && linked(last, line, rules.vertical, tolerance))) close()
    // A table starts at a whole rule.
    if (chain.length > 0 || line.pieces.length === 1) chain.push(line)
  }
  close()
  return grids
}

/**
 * Ruled frames without column rules, where no grid (`findGrids`) is: three or
 * more horizontal rules of the same extent one under the other (a table
 * ruled across only); a box of two horizontal and two vertical rules (a table
 * with only an outer border); a box open at the foot or the head of the page
 * (such a table cut by a page break): a horizontal rule with vertical rules
 * running down (or up) from both its ends. Each is a `Grid` of one column
 * (`xs` its left and right edges); its columns are to be found from what is
 * written in it (`image/frame-grid.ts`), and it is no table when they are not.
 */
export function findFrames(rules: RulingLines, grids: Grid[], options: GridOptions = {}): Grid[] {
  const tolerance = options.tolerance ?? 12
  const inGrid = (line: RuleLine) =>
    grids.some((g) => line.y >= g.ys[0] - tolerance && line.y <= g.ys[g.ys.length - 1] + tolerance && line.x1 > g.xs[0] && line.x0 < g.xs[g.xs.length - 1])
  const lines = ruleLines(rules.horizontal, tolerance).filter((line) => line.pieces.length === 1 && !inGrid(line))
  const frames: Grid[] = []
  const frame = (x0: number, x1: number, ys: number[]) => frames.push({xs: [x0, x1], ys, open: ys.slice(1).map(() => [])})
  let chain: RuleLine[] = []
  const close = () => {
    if (chain.length >= 3 || (chain.length === 2 && bordered(chain[0], chain[1], rules.vertical, tolerance))) {
      frame(median(chain.map((l) => l.x0)), median(chain.map((l) => l.x1)), chain.map((l) => l.y))
    } else {
      for (const line of chain) {
        const ys = openBox(line, rules.vertical, tolerance)
        if (ys) frame(line.x0, line.x1, ys)
      }
    }
    chain = []
  }
  for (const line of lines) {
    if (chain.length > 0 && !sameExtent(chain[0], line, tolerance)) close()
    chain.push(line)
  }
  close()
  return frames.sort((a, b) => a.ys[0] - b.ys[0])
}

/**
 * A box open at one end: vertical rules at both ends of `line` start at it
 * and run down (or end at it, coming from above) a tenth of the line's length
 * at least. The box's top and bottom, or undefined.
 */
function openBox(line: RuleLine, vertical: VerticalRule[], tolerance: number): [number, number] | undefined {
  const minLength = 0.1 * (line.x1 - line.x0)
  const at = (x: number) => vertical.filter((v) => Math.abs(v.x - x) <= 2 * tolerance && v.y1 - v.y0 >= minLength)
  const [left, right] = [at(line.x0), at(line.x1)]
  const down = (v: VerticalRule) => Math.abs(v.y0 - line.y) <= 2 * tolerance
  const up = (v: VerticalRule) => Math.abs(v.y1 - line.y) <= 2 * tolerance
  const l = left.find(down)
  const r = right.find(down)
  if (l && r) return [line.y, Math.min(l.y1, r.y1)]
  const lu = left.find(up)
  const ru = right.find(up)
  if (lu && ru) return [Math.max(lu.y0, ru.y0), line.y]
  return undefined
}

/** Horizontal rules grouped by height, top to bottom. */
function ruleLines(horizontal: HorizontalRule[], tolerance: number): RuleLine[] {
  const lines: RuleLine[] = []
  for (const rule of [...horizontal].sort((a, b) => a.y - b.y)) {
    const last = lines[lines.length - 1]
    if (last && rule.y - last.y <= tolerance) {
      // A thick rule read twice, or another piece of a broken rule.
      if (!last.pieces.some((p) => Math.min(p.x1, rule.x1) - Math.max(p.x0, rule.x0) > 0)) last.pieces.push(rule)
      last.x0 = Math.min(last.x0, rule.x0)
      last.x1 = Math.max(last.x1, rule.x1)
    } else lines.push({y: rule.y, x0: rule.x0, x1: rule.x1, pieces: [rule]})
  }
  for (const line of lines) line.pieces.sort((a, b) => a.x0 - b.x0)
  return lines
}

/**
 * The cells of `grid`, row by row, merged cells as one: a cell spans the
 * columns its row leaves open (`open`) and the rows under it whose rule is
 * broken off there (`openBelow`).
 */
export function gridCells(grid: Grid): GridCell[] {
  const columns = grid.xs.length - 1
  const rows = grid.ys.length - 1
  const taken = Array.from({length: rows}, () => new Array<boolean>(columns).fill(false))
  const cells: GridCell[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (taken[r][c]) continue
      let colSpan = 1
      while (c + colSpan < columns && grid.open[r][c + colSpan - 1]) colSpan++
      let rowSpan = 1
      while (r + rowSpan < rows && grid.openBelow?.[r + rowSpan - 1]?.slice(c, c + colSpan).every(Boolean)) rowSpan++
      for (let i = r; i < r + rowSpan; i++) for (let k = c; k < c + colSpan; k++) taken[i][k] = true
      cells.push({row: r, rowSpan, columns: [c, c + colSpan], bbox: {x0: grid.xs[c], y0: grid.ys[r], x1: grid.xs[c + colSpan], y1: grid.ys[r + rowSpan]}})
    }
  }
  return cells
}

/** `grid` with every coordinate passed through `f` (to change units). */
export function mapGrid(grid: Grid, f: (v: number) => number): Grid {
  const out: Grid = {xs: grid.xs.map(f), ys: grid.ys.map(f), open: grid.open.map((row) => [...row])}
  if (grid.openBelow) out.openBelow = grid.openBelow.map((row) => [...row])
  return out
}

function sameExtent(a: {x0: number; x1: number}, b: {x0: number; x1: number}, tolerance: number): boolean {
  const slack = Math.max(3 * tolerance, 0.03 * Math.max(a.x1 - a.x0, b.x1 - b.x0))
  return Math.abs(a.x0 - b.x0) <= slack && Math.abs(a.x1 - b.x1) <= slack
}

/** `b` lies within `a` and spans a quarter of it at least (a rule broken off by a merged cell). */
function within(a: {x0: number; x1: number}, b: {x0: number; x1: number}, tolerance: number): boolean {
  const slack = Math.max(3 * tolerance, 0.03 * (a.x1 - a.x0))
  return b.x0 >= a.x0 - slack && b.x1 <= a.x1 + slack && b.x1 - b.x0 >= 0.25 * (a.x1 - a.x0)
}

/** Two vertical rules (the borders, at least) run from `a` down to `b`. */
function linked(a: {y: number; x0: number; x1: number}, b: {y: number; x0: number; x1: number}, vertical: VerticalRule[], tolerance: number): boolean {
  const x0 = Math.max(a.x0, b.x0) - tolerance
  const x1 = Math.min(a.x1, b.x1) + tolerance
  return vertical.filter((v) => v.x >= x0 && v.x <= x1 && covers(v, a.y, b.y, tolerance)).length >= 2
}

/** Vertical rules at both ends of `a` run down to `b`: a box. */
function bordered(a: RuleLine, b: RuleLine, vertical: VerticalRule[], tolerance: number): boolean {
  const at = (x: number) => vertical.some((v) => Math.abs(v.x - x) <= 2 * tolerance && covers(v, a.y, b.y, tolerance))
  return at(a.x0) && at(a.x1)
}

/** `v` runs over most of the band between `y0` and `y1`. */
function covers(v: VerticalRule, y0: number, y1: number, tolerance: number): boolean {
  const overlap = Math.min(v.y1, y1) - Math.max(v.y0, y0)
  return overlap >= Math.max(0.6 * (y1 - y0), y1 - y0 - 2 * tolerance)
}

function gridOf(chain: RuleLine[], vertical: VerticalRule[], tolerance: number): Grid | undefined {
  const ys = chain.map((r) => r.y)
  const whole = chain.filter((r) => r.pieces.length === 1 && sameExtent(chain[0], r, tolerance))
  const x0 = median(whole.map((r) => r.x0))
  const x1 = median(whole.map((r) => r.x1))
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
  const open = ys.slice(1).map((y, r) => interior.map((g) => !g.pieces.some((v) => covers(v, ys[r], y, tolerance))))
  // A column edge no row has is not an edge (a stray vertical stroke).
  const kept = interior.map((_, k) => open.some((row) => !row[k]))
  const xs = [x0, ...interior.filter((_, k) => kept[k]).map((g) => g.x), x1]
  const grid: Grid = {xs, ys, open: open.map((row) => row.filter((_, k) => kept[k]))}
  // Rules broken off by cells merged down: no piece under a column's middle half.
  const openBelow = chain.slice(1, -1).map((line) =>
    xs.slice(1).map((right, c) => {
      const left = xs[c]
      const covered = line.pieces.reduce((sum, p) => sum + Math.max(0, Math.min(p.x1, right) - Math.max(p.x0, left)), 0)
      return covered < 0.5 * (right - left)
    })
  )
  if (openBelow.some((row) => row.some(Boolean))) grid.openBelow = openBelow
  return grid
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
