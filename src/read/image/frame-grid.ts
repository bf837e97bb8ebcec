/**
 * The grid of a ruled frame without column rules (`findFrames`: a table
 * ruled across only, or with only an outer border), from its ink, before
 * OCR: the rules are erased, so what is left in the frame is text. Its text
 * lines are the bands of rows of pixels that hold ink; a column gutter is an
 * x-range that (almost) no band has ink in, wider than half a line; every
 * column holds ink in the first row (a table's header labels each column,
 * and a gutter inside a column, left of a centred heading, is none). Rows
 * are the bands between the frame's rules; with only an outer border, a row
 * starts after a gap wider than the gaps between the lines of a cell — or,
 * where every gap is alike, at every line. A row whose ink runs over a
 * gutter has its cells merged there (a group title across the table).
 *
 * Working on ink rather than on the words OCR finds, a column whose text
 * tesseract drops (row numbers alone in a narrow column) is still a column,
 * and its cells can be read again (`reread-cells.ts`).
 */
import type {Grid} from '../layout/grid.js'
import type {GreyImage} from './grey-image.js'
import {darkLevel} from './ink-level.js'


/** Fewer columns than this and the frame is no table (a box around prose). */
const minColumns = 3

/** A text line of the frame: its rows of pixels, and its pieces of ink along x (start, end, dark pixels). */
interface Band {
  y0: number
  y1: number
  runs: Array<[number, number, number]>
}

/** The complete grid of `frame` (image pixels, rules erased), or undefined when no columns show; `dark`: the page's ink level (`ink-level.ts`). */
export function frameGrid(image: GreyImage, frame: Grid, dark = darkLevel(image)): Grid | undefined {
  // Letters' cores, not the grey fringe of blur and JPEG around them.
  const inkLevel = dark - 20
  const inset = 6
  const left = Math.max(0, Math.round(frame.xs[0] + inset))
  const right = Math.min(image.width, Math.round(frame.xs[frame.xs.length - 1] - inset))
  const top = Math.max(0, Math.round(frame.ys[0] + inset))
  const bottom = Math.min(image.height, Math.round(frame.ys[frame.ys.length - 1] - inset))
  if (right - left < 30 || bottom - top < 10) return undefined
  const {bands, lineHeight} = textBands(image, left, right, top, bottom, inkLevel)
  if (bands.length < 2) return undefined
  // Gutters: x-ranges wider than half a line free of ink in the lines written in three places or more (a group
  // title or the rest of a wrapped cell runs where it likes), but a few.
  const width = right - left
  const cover = new Uint16Array(width)
  const counted = bands.filter((band) => pieces(band, 0.5 * lineHeight).length >= minColumns)
  for (const band of counted) for (const [a, b] of band.runs) for (let x = a; x < b; x++) cover[x - left]++
  const crossing = Math.floor(0.1 * counted.length)
  const gutters: Array<[number, number]> = []
  let start = -1
  for (let i = 0; i <= width; i++) {
    const free = i < width && cover[i] <= crossing
    if (free && start < 0) start = i
    if (!free && start >= 0) {
      if (start > 0 && i < width && i - start >= 0.5 * lineHeight) gutters.push([left + start, left + i])
      start = -1
    }
  }
  const ys = frame.ys.length >= 3 ? frame.ys : rowEdges(bands, frame)
  // Every column is headed: its first row holds ink.
  const boundaries = headedColumns(
    bands.filter((b) => (b.y0 + b.y1) / 2 < ys[1]),
    [frame.xs[0], ...gutters.map(([a, b]) => (a + b) / 2), frame.xs[frame.xs.length - 1]]
  )
  if (boundaries.length + 1 < minColumns) return undefined
  const kept = gutters.filter(([a, b]) => boundaries.includes((a + b) / 2))
  const open = ys.slice(1).map((y1, r) => {
    const inRow = bands.filter((b) => (b.y0 + b.y1) / 2 > ys[r] && (b.y0 + b.y1) / 2 < y1)
    return kept.map(([a, b]) => {
      const [m0, m1] = [a + 0.25 * (b - a), b - 0.25 * (b - a)]
      return inRow.some((band) => pieces(band, 0.5 * lineHeight).some(([x0, x1]) => x0 < m0 && x1 > m1))
    })
  })
  return {xs: [frame.xs[0], ...boundaries, frame.xs[frame.xs.length - 1]], ys, open}
}

/**
 * The text lines in `[left, right) × [top, bottom)`: runs of pixel rows with
 * ink, lines closer than a sixth of a line joined (accents over capitals),
 * specks dropped; each with its pieces of ink along x (a piece holding less
 * ink than a speck's is left out).
 */
function textBands(image: GreyImage, left: number, right: number, top: number, bottom: number, inkLevel: number): {bands: Band[]; lineHeight: number} {
  const {width, data} = image
  const rows: number[] = []
  for (let y = top; y < bottom; y++) {
    let n = 0
    for (let x = left; x < right; x++) if (data[y * width + x] < inkLevel) n++
    rows.push(n)
  }
  let spans: Array<[number, number]> = []
  let start = -1
  for (let i = 0; i <= rows.length; i++) {
    const inked = i < rows.length && rows[i] >= 2
    if (inked && start < 0) start = i
    if (!inked && start >= 0) {
      spans.push([top + start, top + i])
      start = -1
    }
  }
  const tall = spans.filter(([a, b]) => b - a >= 6).map(([a, b]) => b - a)
  if (tall.length === 0) return {bands: [], lineHeight: 0}
  const height = median(tall)
  const joined: Array<[number, number]> = []
  for (const span of spans) {
    const last = joined[joined.length - 1]
    if (last && span[0] - last[1] < height / 6) last[1] = span[1]
    else joined.push([...span])
  }
  spans = joined.filter(([a, b]) => b - a >= 0.4 * height)
  const minInk = Math.max(12, 0.02 * height * height)
  const bands = spans.map(([y0, y1]) => {
    const column = new Uint16Array(right - left)
    for (let y = y0; y < y1; y++) for (let x = left; x < right; x++) if (data[y * width + x] < inkLevel) column[x - left]++
    const runs: Band['runs'] = []
    let from = -1
    let ink = 0
    let gap = 0
    for (let i = 0; i <= column.length; i++) {
      const dark = i < column.length && column[i] > 0
      if (dark) {
        if (from < 0) from = i
        ink += column[i]
        gap = 0
      } else if (from >= 0 && (++gap > 2 || i === column.length)) {
        if (ink >= minInk) runs.push([left + from, left + i - gap + 1, ink])
        from = -1
        ink = 0
        gap = 0
      }
    }
    return {y0, y1, runs}
  })
  return {bands, lineHeight: height}
}

/** The pieces `band` is written in: its runs of ink joined over gaps narrower than `gap` (words into phrases). */
function pieces(band: Band, gap: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const [x0, x1] of band.runs) {
    const last = out[out.length - 1]
    if (last && x0 - last[1] < gap) last[1] = Math.max(last[1], x1)
    else out.push([x0, x1])
  }
  return out
}

/**
 * Column edges (`edges`, the frame's borders first and last) kept where each
 * column holds ink in `header`: a column without drops the edge on the side
 * of the nearer heading ink. Returns the inner edges.
 */
function headedColumns(header: Band[], edges: number[]): number[] {
  const runs = header.flatMap((b) => b.runs)
  const out = [...edges]
  for (let c = 0; c + 1 < out.length; ) {
    const [a, b] = [out[c], out[c + 1]]
    if (out.length <= 2 || runs.some(([x0, x1]) => x1 > a && x0 < b)) {
      c++
      continue
    }
    // Drop the edge towards the nearer heading ink (never a border).
    const leftInk = Math.max(-Infinity, ...runs.filter(([, x1]) => x1 <= a).map(([, x1]) => x1))
    const rightInk = Math.min(Infinity, ...runs.filter(([x0]) => x0 >= b).map(([x0]) => x0))
    const towardsLeft = c > 0 && (c + 1 === out.length - 1 || a - leftInk <= rightInk - b)
    out.splice(towardsLeft ? c : c + 1, 1)
  }
  return out.slice(1, -1)
}

/**
 * Row edges of a frame with only an outer border: between two lines whose
 * gap is wider than one and a half times the usual gap between lines; when
 * every gap is alike, between every two lines.
 */
function rowEdges(bands: Band[], frame: Grid): number[] {
  const gaps = bands.slice(1).map((b, k) => b.y0 - bands[k].y1)
  const usual = percentile(gaps, 0.2)
  const split = Math.max(...gaps) > 1.5 * usual ? (gap: number) => gap > 1.5 * usual : () => true
  const ys = [frame.ys[0]]
  for (const [k, gap] of gaps.entries()) if (split(gap)) ys.push((bands[k].y1 + bands[k + 1].y0) / 2)
  ys.push(frame.ys[frame.ys.length - 1])
  return ys
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
