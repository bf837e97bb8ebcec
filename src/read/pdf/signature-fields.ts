/**
 * The digital-signature boxes of a PDF page: signature form fields (widget
 * annotations of field type `Sig`) with an appearance ("Ký bởi: Ủy ban nhân
 * dân tỉnh …, Thời gian ký: 17/01/2025 17:06:30", an organisation's logo).
 * pdf.js paints them over the page; they are no part of the paper that was
 * scanned, so a scanned page is OCR'd without them and each box is read on
 * its own as a stamp.
 */
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import type {BBox} from '../../tree/types.js'

/** The boxes (page units, origin top left) of the visible signature fields of `page`. */
export async function signatureFields(page: PDFPageProxy): Promise<BBox[]> {
  const annotations = (await page.getAnnotations({intent: 'display'})) as Array<{
    subtype?: string
    fieldType?: string
    hasAppearance?: boolean
    hidden?: boolean
    rect?: number[]
  }>
  const viewport = page.getViewport({scale: 1})
  const boxes: BBox[] = []
  for (const a of annotations) {
    if (a.subtype !== 'Widget' || a.fieldType !== 'Sig' || !a.hasAppearance || a.hidden || !a.rect || a.rect.length !== 4) continue
    const [x0, y0] = viewport.convertToViewportPoint(a.rect[0], a.rect[1])
    const [x1, y1] = viewport.convertToViewportPoint(a.rect[2], a.rect[3])
    const box = {x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1)}
    if (box.x1 - box.x0 >= 1 && box.y1 - box.y0 >= 1) boxes.push(box)
  }
  return boxes
}
