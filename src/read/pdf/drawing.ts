/**
 * The ruling lines a PDF page draws, from its operator list: stroked
 * horizontal and vertical line segments (LibreOffice draws each cell border
 * so), the edges of stroked rectangles, and thin filled rectangles (Word
 * draws its borders so). Coordinates go through the current transformation
 * matrix (`cm`, form XObjects) and the page's viewport (its /Rotate
 * included), so rules land in the units of the text layer: PDF points,
 * origin top left of the page as shown. White or transparent strokes are not
 * rules; neither are curves.
 */
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {HorizontalRule, RulingLines, VerticalRule} from '../image/ruling-lines.js'
import {loadPdfjs} from './pdfjs.js'

/** Path segment codes in pdf.js `constructPath` data (its `DrawOPS`, not exported by pdfjs-dist 5.6). */
const draw = {moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4}

/** A filled rectangle thinner than this (points) is a rule. */
export const maxRuleThickness = 2.5
/** A segment shorter than this (points) is not a rule (a tick, a glyph stroke). */
export const minRuleLength = 4
/** How far (points) a segment may lean and still be horizontal or vertical. */
const straightness = 0.5

type Matrix = [number, number, number, number, number, number]

/** Stop reading drawings after this many path points (a map or a chart is no table). */
const maxPoints = 400_000

/** The rules drawn on `page`, in top-left page points. */
export async function readRules(page: PDFPageProxy): Promise<RulingLines> {
  const pdfjs = await loadPdfjs()
  const {OPS, Util} = pdfjs
  const viewport = page.getViewport({scale: 1})
  const list = await page.getOperatorList()
  const horizontal: HorizontalRule[] = []
  const vertical: VerticalRule[] = []
  let ctm: Matrix = [...(viewport.transform as Matrix)]
  const stack: Array<{ctm: Matrix; stroke: boolean; fill: boolean}> = []
  let stroke = true
  let fill = true
  let points = 0
  const paintOps = {
    stroke: new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]),
    fill: new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
  }
  const map = (x: number, y: number): [number, number] => [x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5]]
  const addSegment = (a: [number, number], b: [number, number]) => {
    const dx = Math.abs(a[0] - b[0])
    const dy = Math.abs(a[1] - b[1])
    if (dy <= straightness && dx >= minRuleLength) horizontal.push({y: (a[1] + b[1]) / 2, x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0])})
    else if (dx <= straightness && dy >= minRuleLength) vertical.push({x: (a[0] + b[0]) / 2, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1])})
  }
  const addRectangle = (corners: Array<[number, number]>) => {
    const xs = corners.map((c) => c[0])
    const ys = corners.map((c) => c[1])
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
    const w = x1 - x0
    const h = y1 - y0
    if (h <= maxRuleThickness && w >= minRuleLength && w > 2 * h) horizontal.push({y: (y0 + y1) / 2, x0, x1})
    else if (w <= maxRuleThickness && h >= minRuleLength && h > 2 * w) vertical.push({x: (x0 + x1) / 2, y0, y1})
  }
  for (let i = 0; i < list.fnArray.length && points < maxPoints; i++) {
    const op = list.fnArray[i]
    const args = list.argsArray[i] as unknown[]
    if (op === OPS.save) stack.push({ctm, stroke, fill})
    else if (op === OPS.restore) ({ctm, stroke, fill} = stack.pop() ?? {ctm, stroke, fill})
    else if (op === OPS.transform) ctm = Util.transform(ctm, args as Matrix) as Matrix
    else if (op === OPS.paintFormXObjectBegin) {
      stack.push({ctm, stroke, fill})
      const matrix = args[0] as Matrix | null
      if (Array.isArray(matrix) || ArrayBuffer.isView(matrix)) ctm = Util.transform(ctm, Array.from(matrix as ArrayLike<number>) as Matrix) as Matrix
    } else if (op === OPS.paintFormXObjectEnd) ({ctm, stroke, fill} = stack.pop() ?? {ctm, stroke, fill})
    else if (op === OPS.setStrokeRGBColor) stroke = visible(args[0])
    else if (op === OPS.setFillRGBColor) fill = visible(args[0])
    else if (op === OPS.setStrokeTransparent) stroke = false
    else if (op === OPS.setFillTransparent) fill = false
    else if (op === OPS.constructPath) {
      const paint = args[0] as number
      const strokes = paintOps.stroke.has(paint) && stroke
      const fills = paintOps.fill.has(paint) && fill
      if (!strokes && !fills) continue
      const data = (args[1] as unknown[] | null)?.[0]
      if (!data || !(ArrayBuffer.isView(data) || Array.isArray(data))) continue
      const path = data as ArrayLike<number>
      points += path.length
      for (const sub of subpaths(path)) {
        const mapped = sub.points.map(([x, y]) => map(x, y))
        if (fills && !sub.curved && sub.closed && isRectangle(mapped)) addRectangle(mapped)
        else if (strokes && !sub.curved) {
          for (let k = 1; k < mapped.length; k++) addSegment(mapped[k - 1], mapped[k])
          if (sub.closed && mapped.length > 2) addSegment(mapped[mapped.length - 1], mapped[0])
        }
      }
    }
  }
  return {horizontal, vertical}
}

/** A subpath: its points, whether it was closed, whether it holds a curve. */
interface Subpath {
  points: Array<[number, number]>
  closed: boolean
  curved: boolean
}

/** Split pdf.js path data into subpaths. */
function subpaths(path: ArrayLike<number>): Subpath[] {
  const out: Subpath[] = []
  let current: Subpath | undefined
  for (let i = 0; i < path.length; ) {
    const code = path[i++]
    if (code === draw.moveTo) {
      current = {points: [[path[i], path[i + 1]]], closed: false, curved: false}
      out.push(current)
      i += 2
    } else if (code === draw.lineTo) {
      current?.points.push([path[i], path[i + 1]])
      i += 2
    } else if (code === draw.curveTo) {
      if (current) current.curved = true
      current?.points.push([path[i + 4], path[i + 5]])
      i += 6
    } else if (code === draw.quadraticCurveTo) {
      if (current) current.curved = true
      current?.points.push([path[i + 2], path[i + 3]])
      i += 4
    } else if (code === draw.closePath) {
      if (current) current.closed = true
    } else break
  }
  return out
}

/** Four corners (a fifth equal to the first allowed) on an axis-aligned rectangle. */
function isRectangle(points: Array<[number, number]>): boolean {
  const corners = points.length === 5 && near(points[0], points[4]) ? points.slice(0, 4) : points
  if (corners.length !== 4) return false
  for (let k = 0; k < 4; k++) {
    const a = corners[k]
    const b = corners[(k + 1) % 4]
    if (Math.abs(a[0] - b[0]) > straightness && Math.abs(a[1] - b[1]) > straightness) return false
  }
  return true
}

function near(a: [number, number], b: [number, number]): boolean {
  return Math.abs(a[0] - b[0]) <= straightness && Math.abs(a[1] - b[1]) <= straightness
}

/** A colour that shows on white paper: anything but (near) white. */
function visible(color: unknown): boolean {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/iu.test(color)) return true
  const [r, g, b] = [1, 3, 5].map((k) => Number.parseInt(color.slice(k, k + 2), 16))
  return 0.299 * r + 0.587 * g + 0.114 * b < 235
}
