/**
 * How much of a PDF page its largest image covers, from the page's
 * operators: a scanned page is one image over the whole sheet, whatever
 * text an e-office system or a copy stamp later wrote over it.
 */
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {loadPdfjs} from './pdfjs.js'

type Matrix = [number, number, number, number, number, number]

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5]
  ]
}

/** The share (0..1) of `page` its largest image covers. */
export async function imageCoverage(page: PDFPageProxy): Promise<number> {
  const {OPS} = await loadPdfjs()
  const list = await page.getOperatorList()
  const viewport = page.getViewport({scale: 1})
  const area = viewport.width * viewport.height
  if (area <= 0) return 0
  const images = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat])
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  let largest = 0
  for (let i = 0; i < list.fnArray.length; i++) {
    const op = list.fnArray[i]
    const args = list.argsArray[i] as unknown[]
    if (op === OPS.save) stack.push(ctm)
    else if (op === OPS.restore) ctm = stack.pop() ?? ctm
    else if (op === OPS.transform) ctm = multiply(ctm, args as Matrix)
    else if (op === OPS.paintFormXObjectBegin) {
      stack.push(ctm)
      const matrix = args[0] as Matrix | null
      if (Array.isArray(matrix) && matrix.length === 6) ctm = multiply(ctm, matrix)
    } else if (op === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm
    else if (images.has(op)) largest = Math.max(largest, Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]) / area)
  }
  return Math.min(1, largest)
}
