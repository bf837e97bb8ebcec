/**
 * Lattice tables: the grid of a table from the rules a page draws
 * (`drawing.ts`). Rules that touch form one table; their positions, snapped
 * together, give the column and row edges; a border missing between two
 * neighbouring slots merges them into one cell — across columns (a group
 * row's title over the whole row) or down rows (an agency in charge of two
 * tasks).
 *
 * Units are the rules' (PDF points, top-left origin); so are the tolerances.
 */
import type {BBox} from '../../tree/types.js'
import type {HorizontalRule, RulingLines, VerticalRule} from '../image/ruling-lines.js'

/** One cell of a lattice: its place in the grid, its spans and box. */
export interface LatticeCell {
  row: number
  column: number
  rowSpan: number
  colSpan: number
  bbox: BBox
}

/** A ruled table's grid: edges (borders included) and cells, row-major. */
export interface Lattice {
  xs: number[]
  ys: number[]
  cells: LatticeCell[]
  bbox: BBox
}

/** Options of `findLattices`. */
export interface LatticeOptions {
  /** How far apart (points) rule ends and edges may be and still meet (default 2). */
  tolerance?: number
  /** Edges closer than this (points) are one edge (default 3). */
  minGap?: number
}

/** More rules than this (once joined) on a page is a drawing (a chart, a map), not tables: none are looked for. */
export const maxRules = 3000

/** The ruled tables among `rules`, top to bottom. */
export function findLattices(rules: RulingLines, options: LatticeOptions = {}): Lattice[] {
  const tolerance = options.tolerance ?? 2
  const minGap = options.minGap ?? 3
  const horizontal = mergeHorizontal(rules.horizontal, tolerance)
  const vertical = mergeVertical(rules.vertical, tolerance)
  if (horizontal.length > maxRules || vertical.length > maxRules) return []
  const out: Lattice[] = []
  for (const group of connected(horizontal, vertical, tolerance)) {
    const lattice = latticeOf(group.horizontal, group.vertical, tolerance, minGap)
    if (lattice) out.push(lattice)
  }
  return out.sort((a, b) => a.bbox.y0 - b.bbox.y0)
}

/** Collinear horizontal pieces (one per cell border, drawn twice) joined into rules. */
export function mergeHorizontal(rules: HorizontalRule[], tolerance: number): HorizontalRule[] {
  const flipped = mergeVertical(
    rules.map((r) => ({x: r.y, y0: r.x0, y1: r.x1})),
    tolerance
  )
  return flipped.map((r) => ({y: r.x, x0: r.y0, x1: r.y1}))
}

/** Collinear vertical pieces joined into rules. */
export function mergeVertical(rules: VerticalRule[], tolerance: number): VerticalRule[] {
  const sorted = [...rules].sort((a, b) => a.x - b.x)
  const lines: VerticalRule[][] = []
  for (const rule of sorted) {
    const last = lines.at(-1)
    if (last && rule.x - mean(last.map((r) => r.x)) <= tolerance) last.push(rule)
    else lines.push([rule])
  }
  const out: VerticalRule[] = []
  for (const line of lines) {
    const x = mean(line.map((r) => r.x))
    const pieces = [...line].sort((a, b) => a.y0 - b.y0)
    let current = {x, y0: pieces[0].y0, y1: pieces[0].y1}
    for (const piece of pieces.slice(1)) {
      if (piece.y0 <= current.y1 + tolerance) current.y1 = Math.max(current.y1, piece.y1)
      else {
        out.push(current)
        current = {x, y0: piece.y0, y1: piece.y1}
      }
    }
    out.push(current)
  }
  return out
}

/** Groups of rules that touch one another (a horizontal one crossing or meeting a vertical one). */
function connected(horizontal: HorizontalRule[], vertical: VerticalRule[], tolerance: number): Array<{horizontal: HorizontalRule[]; vertical: VerticalRule[]}> {
  const parent = Array.from({length: horizontal.length + vertical.length}, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]]
    return i
  }
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      const meets = v.x >= h.x0 - tolerance && v.x <= h.x1 + tolerance && h.y >= v.y0 - tolerance && h.y <= v.y1 + tolerance
      if (meets) parent[find(i)] = find(horizontal.length + j)
    })
  })
  const groups = new Map<number, {horizontal: HorizontalRule[]; vertical: VerticalRule[]}>()
  const group = (i: number) => {
    const root = find(i)
    let g = groups.get(root)
    if (!g) groups.set(root, (g = {horizontal: [], vertical: []}))
    return g
  }
  horizontal.forEach((h, i) => group(i).horizontal.push(h))
  vertical.forEach((v, j) => group(horizontal.length + j).vertical.push(v))
  return [...groups.values()]
}

/** Positions within `minGap` of each other snapped to their mean, sorted. */
function snap(values: number[], minGap: number): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const clusters: number[][] = []
  for (const v of sorted) {
    const last = clusters.at(-1)
    if (last && v - last[last.length - 1] < minGap) last.push(v)
    else clusters.push([v])
  }
  return clusters.map((c) => (c.length === 1 ? c[0] : (c[0] + c[c.length - 1]) / 2))
}

/** How much of [a, b] the pieces cover. */
function coverage(pieces: Array<[number, number]>, a: number, b: number): number {
  const clipped = pieces
    .map(([p, q]): [number, number] => [Math.max(p, a), Math.min(q, b)])
    .filter(([p, q]) => q > p)
    .sort((x, y) => x[0] - y[0])
  let covered = 0
  let end = a
  for (const [p, q] of clipped) {
    if (q <= end) continue
    covered += q - Math.max(p, end)
    end = q
  }
  return covered
}

/** Is the span [a, b] ruled by the pieces (most of it, allowing for rules that stop short at crossings)? */
function ruled(pieces: Array<[number, number]>, a: number, b: number, tolerance: number): boolean {
  const length = b - a
  return coverage(pieces, a, b) >= Math.min(0.8 * length, length - 2 * tolerance)
}

function latticeOf(horizontal: HorizontalRule[], vertical: VerticalRule[], tolerance: number, minGap: number): Lattice | undefined {
  if (horizontal.length === 0 || vertical.length === 0) return undefined
  const left = Math.min(...horizontal.map((h) => h.x0), ...vertical.map((v) => v.x))
  const right = Math.max(...horizontal.map((h) => h.x1), ...vertical.map((v) => v.x))
  const top = Math.min(...vertical.map((v) => v.y0), ...horizontal.map((h) => h.y))
  const bottom = Math.max(...vertical.map((v) => v.y1), ...horizontal.map((h) => h.y))
  const xs = snap([left, right, ...vertical.map((v) => v.x)], minGap)
  const ys = snap([top, bottom, ...horizontal.map((h) => h.y)], minGap)
  const columns = xs.length - 1
  const rows = ys.length - 1
  if (columns < 1 || rows < 1) return undefined
  const at = <T>(rules: T[], pos: (r: T) => number, value: number) => rules.filter((r) => Math.abs(pos(r) - value) <= Math.max(tolerance, minGap / 2))
  // Interior borders: between columns c and c + 1 in each row; between rows r and r + 1 in each column.
  const verticalEdge = xs.slice(1, -1).map((x) => {
    const pieces = at(vertical, (v) => v.x, x).map((v): [number, number] => [v.y0, v.y1])
    return Array.from({length: rows}, (_, r) => ruled(pieces, ys[r], ys[r + 1], tolerance))
  })
  const horizontalEdge = ys.slice(1, -1).map((y) => {
    const pieces = at(horizontal, (h) => h.y, y).map((h): [number, number] => [h.x0, h.x1])
    return Array.from({length: columns}, (_, c) => ruled(pieces, xs[c], xs[c + 1], tolerance))
  })
  // Slots joined where no border separates them.
  const parent = Array.from({length: rows * columns}, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]]
    return i
  }
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b)
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (c + 1 < columns && !verticalEdge[c][r]) join(r * columns + c, r * columns + c + 1)
      if (r + 1 < rows && !horizontalEdge[r][c]) join(r * columns + c, (r + 1) * columns + c)
    }
  }
  const cells = cellsOf(parent.map((_, i) => find(i)), rows, columns, xs, ys)
  // A frame around text (one cell) or a lone box is no table.
  if (cells.length < 2 || columns < 2) return undefined
  return {xs, ys, cells, bbox: {x0: xs[0], y0: ys[0], x1: xs[columns], y1: ys[rows]}}
}

/** Cells from the slots' groups: a rectangular group is one cell; any other shape is cut row by row into runs. */
function cellsOf(groupOf: number[], rows: number, columns: number, xs: number[], ys: number[]): LatticeCell[] {
  const slots = new Map<number, Array<[number, number]>>()
  groupOf.forEach((g, i) => {
    const list = slots.get(g) ?? []
    list.push([Math.floor(i / columns), i % columns])
    slots.set(g, list)
  })
  const cells: LatticeCell[] = []
  const make = (row: number, column: number, rowSpan: number, colSpan: number): LatticeCell => ({
    row,
    column,
    rowSpan,
    colSpan,
    bbox: {x0: xs[column], y0: ys[row], x1: xs[column + colSpan], y1: ys[row + rowSpan]}
  })
  for (const list of slots.values()) {
    const r0 = Math.min(...list.map((s) => s[0]))
    const r1 = Math.max(...list.map((s) => s[0]))
    const c0 = Math.min(...list.map((s) => s[1]))
    const c1 = Math.max(...list.map((s) => s[1]))
    if ((r1 - r0 + 1) * (c1 - c0 + 1) === list.length) {
      cells.push(make(r0, c0, r1 - r0 + 1, c1 - c0 + 1))
      continue
    }
    for (let r = r0; r <= r1; r++) {
      const inRow = list.filter((s) => s[0] === r).map((s) => s[1]).sort((a, b) => a - b)
      let start = 0
      for (let k = 1; k <= inRow.length; k++) {
        if (k === inRow.length || inRow[k] !== inRow[k - 1] + 1) {
          cells.push(make(r, inRow[start], 1, inRow[k - 1] - inRow[start] + 1))
          start = k
        }
      }
    }
  }
  return cells.sort((a, b) => a.row - b.row || a.column - b.column)
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}
