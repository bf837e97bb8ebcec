/**
 * Find the ruling lines of tables (long straight runs of dark pixels) and
 * erase them: left in, tesseract merges them into words ("TI|Nội"); erased,
 * every rule leaves a clean gap. Where each rule starts and ends is kept, so
 * the table's grid (rows, columns, merged cells) can be rebuilt
 * (`layout/grid.ts`). The page should be straight (`skew.ts`): a tilted rule
 * is not one row of pixels.
 *
 * A pixel is taken as part of a rule when it or its neighbour across the
 * rule (the next row for a horizontal rule, the next column for a vertical
 * one) is darker than the page's ink level (`ink-level.ts`, 160 for black
 * print): a thin rule of a 200-dpi scan, blurred, JPEG'd
 * and read at 300 dpi, is a pair of grey rows (100–170) whose darker half
 * swaps sides every few hundred pixels, and neither row alone is a run.
 */
import type {GreyImage} from './grey-image.js'
import {darkLevel} from './ink-level.js'

/** A horizontal rule: its centre line `y` from `x0` to `x1`. */
export interface HorizontalRule {
  y: number
  x0: number
  x1: number
}

/** A vertical rule (or a piece of one, broken by merged cells): its centre line `x` from `y0` to `y1`. */
export interface VerticalRule {
  x: number
  y0: number
  y1: number
}

/** Rules found: the horizontal ones, then the vertical ones (each piece of a broken rule on its own). */
export interface RulingLines {
  horizontal: HorizontalRule[]
  vertical: VerticalRule[]
}


/** A vertical run with ink on one side only along more than this share of it is letters' stems, not a rule. */
const maxOneSided = 0.1

/** A run of dark pixels along one row (or column): the row, its start and end. */
type Run = [fixed: number, start: number, end: number]

/** Options of `eraseRulingLines`. */
export interface EraseOptions {
  /** Grey level under which a pixel (or its neighbour across the rule) is ink of a rule (default: `darkLevel` of the image). */
  dark?: number
}

/** Erase rules from a copy of `image`; return the copy and where the rules were. */
export function eraseRulingLines(image: GreyImage, options: EraseOptions = {}): {image: GreyImage; rules: RulingLines} {
  const {width, height, data} = image
  const dark = options.dark ?? darkLevel(image)
  const out = new Uint8Array(data)
  const minH = Math.max(60, Math.round(width * 0.08))
  const minV = Math.max(60, Math.round(height * 0.03))
  // A rule goes on over short gaps: ink that did not take, a speck of paper, a lighter pixel of a JPEG.
  const maxGap = Math.max(2, Math.round(0.0025 * Math.max(width, height)))
  const rows: Run[] = []
  for (let y = 0; y < height; y++) {
    const next = y + 1 < height ? width : 0
    for (const [start, end] of darkRuns(width, (x) => Math.min(data[y * width + x], data[y * width + x + next]) < dark, maxGap)) if (end - start >= minH) rows.push([y, start, end])
  }
  const columns: Run[] = []
  for (let x = 0; x < width; x++) {
    const next = x + 1 < width ? 1 : 0
    for (const [start, end] of darkRuns(height, (y) => Math.min(data[y * width + x], data[y * width + x + next]) < dark, maxGap)) if (end - start >= minV) columns.push([x, start, end])
  }
  const mergedRows = mergeRuns(rows)
  // Stems of letters one above the other in lines of text ("p" over "N") make short vertical runs: a rule has
  // paper either side of it, a stem the rest of its letter on one side.
  const mergedColumns = mergeRuns(columns).filter((r) => oneSided(image, r, dark) <= maxOneSided)
  // Each rule's whole thickness and a fringe of two pixels: its lighter edges (blur, a low resolution) would be read as "|".
  for (const r of mergedRows) {
    for (let y = Math.max(0, r.first - 2); y <= Math.min(height - 1, r.last + 2); y++) out.fill(255, y * width + r.start, y * width + r.end)
  }
  for (const r of mergedColumns) {
    for (let y = r.start; y < r.end; y++) out.fill(255, y * width + Math.max(0, r.first - 2), y * width + Math.min(width, r.last + 3))
  }
  // Short horizontal runs are erased (underlines) but are not table rules; a rule broken off by a
  // merged cell may span a single narrow column (a tenth of a landscape page).
  const horizontal = mergedRows.filter((r) => r.end - r.start >= width * 0.1).map((r) => ({y: r.centre, x0: r.start, x1: r.end}))
  const vertical = mergedColumns.map((r) => ({x: r.centre, y0: r.start, y1: r.end}))
  return {image: {width, height, data: out}, rules: {horizontal, vertical}}
}

/**
 * The share of a vertical rule's length along which ink lies on one side of
 * it and paper on the other, three pixels out from its edges (where a
 * horizontal rule crosses it, both sides are ink).
 */
function oneSided(image: GreyImage, rule: {first: number; last: number; start: number; end: number}, dark: number): number {
  const {width, data} = image
  const [left, right] = [rule.first - 3, rule.last + 4]
  if (left < 0 || right >= width) return 0
  let n = 0
  for (let y = rule.start; y < rule.end; y++) {
    const a = data[y * width + left] < dark
    const b = data[y * width + right] < dark
    if (a !== b) n++
  }
  return n / Math.max(1, rule.end - rule.start)
}

/** Runs of dark positions along a line of `length`, bridging gaps of up to `maxGap` light ones. */
function darkRuns(length: number, isDark: (i: number) => boolean, maxGap: number): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  let start = -1
  let last = -1
  for (let i = 0; i < length; i++) {
    if (!isDark(i)) continue
    if (start >= 0 && i - last - 1 > maxGap) {
      runs.push([start, last + 1])
      start = i
    } else if (start < 0) start = i
    last = i
  }
  if (start >= 0) runs.push([start, last + 1])
  return runs
}

/** Runs in adjacent rows (or columns) that overlap are one rule, a few pixels thick. */
function mergeRuns(runs: Run[]): Array<{centre: number; first: number; last: number; start: number; end: number}> {
  const open: Array<{first: number; last: number; start: number; end: number}> = []
  const done: typeof open = []
  for (const [fixed, start, end] of runs) {
    // Runs come sorted by row; rules whose last row is more than one row above are finished.
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].last < fixed - 1) done.push(...open.splice(i, 1))
    }
    // A run joins every open rule it overlaps: a rule a hair off straight starts as two pieces, one row apart.
    const joins = open.filter((r) => Math.min(r.end, end) - Math.max(r.start, start) >= 0.5 * Math.min(r.end - r.start, end - start))
    const merged = {first: fixed, last: fixed, start, end}
    for (const r of joins) {
      open.splice(open.indexOf(r), 1)
      merged.first = Math.min(merged.first, r.first)
      merged.start = Math.min(merged.start, r.start)
      merged.end = Math.max(merged.end, r.end)
    }
    open.push(merged)
  }
  done.push(...open)
  return done.map((r) => ({...r, centre: (r.first + r.last) / 2})).sort((a, b) => a.centre - b.centre || a.start - b.start)
}
