/**
 * From the layout's units to a PDF page's user space. The layout of a PDF
 * page is in the units of pdf.js's viewport at scale 1 (points, origin at
 * the top left of the visible box, the page's `/Rotate` applied); that of
 * an image page is in the image's pixels, upright, origin top left.
 */
import {PDFName, PDFNumber, type PDFPage} from 'pdf-lib'

/** An affine map `[a, b, c, d, e, f]`: (x, y) → (a·x + c·y + e, b·x + d·y + f), as in PDF. */
export type Matrix = [number, number, number, number, number, number]

/** Apply `m` to the point (`x`, `y`). */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

/** `first`, then `second` (the PDF product `first × second`). */
export function multiply(first: Matrix, second: Matrix): Matrix {
  const [a, b, c, d, e, f] = first
  const [A, B, C, D, E, F] = second
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
}

/** The inverse of `m` (an invertible map). */
export function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m
  const det = a * d - b * c
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]
}

/** The map from layout units of `page` (pdf.js viewport at scale 1) to its user space. */
export function layoutToUser(page: PDFPage): Matrix {
  return invert(viewportTransform(page))
}

/**
 * pdf.js's viewport transform at scale 1: user space → top-left page units.
 * The visible box is the crop box clipped to the media box; the rotation the
 * page's `/Rotate`, a multiple of 90 (anything else counts as 0).
 */
export function viewportTransform(page: PDFPage): Matrix {
  const media = box(page.getMediaBox())
  const crop = box(page.getCropBox())
  const clipped: [number, number, number, number] = [
    Math.max(media[0], crop[0]),
    Math.max(media[1], crop[1]),
    Math.min(media[2], crop[2]),
    Math.min(media[3], crop[3])
  ]
  const view = clipped[2] > clipped[0] && clipped[3] > clipped[1] ? clipped : media
  const unit = page.node.get(PDFName.of('UserUnit'))
  const scale = unit instanceof PDFNumber && unit.asNumber() > 0 ? unit.asNumber() : 1
  let rotation = page.getRotation().angle
  rotation = rotation % 90 === 0 ? ((rotation % 360) + 360) % 360 : 0
  const [A, B, C, D] = ({0: [1, 0, 0, -1], 90: [0, 1, 1, 0], 180: [-1, 0, 0, 1], 270: [0, -1, -1, 0]} as Record<number, number[]>)[rotation]
  const cx = (view[2] + view[0]) / 2
  const cy = (view[3] + view[1]) / 2
  const offsetX = A === 0 ? Math.abs(cy - view[1]) * scale : Math.abs(cx - view[0]) * scale
  const offsetY = A === 0 ? Math.abs(cx - view[0]) * scale : Math.abs(cy - view[1]) * scale
  return [A * scale, B * scale, C * scale, D * scale, offsetX - A * scale * cx - C * scale * cy, offsetY - B * scale * cx - D * scale * cy]
}

function box(r: {x: number; y: number; width: number; height: number}): [number, number, number, number] {
  const x0 = Math.min(r.x, r.x + r.width)
  const x1 = Math.max(r.x, r.x + r.width)
  const y0 = Math.min(r.y, r.y + r.height)
  const y1 = Math.max(r.y, r.y + r.height)
  return [x0, y0, x1, y1]
}
