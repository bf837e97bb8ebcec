/**
 * Page, box and confidence of a node from the reader's layout (when the
 * input was a PDF or an image).
 */
import type {Layout} from '../read/types.js'
import type {BBox, LineData} from '../tree/types.js'

/** Provenance of a node spanning the text lines `indices` (0-based), or undefined without layout. */
export function provenance(layout: Layout | undefined, indices: number[]): LineData | undefined {
  if (!layout) return undefined
  const lines = indices.map((i) => layout.lines[i]).filter((l) => l !== undefined)
  if (lines.length === 0) return undefined
  const page = lines[0].page
  const onPage = lines.filter((l) => l.page === page)
  const bbox: BBox = {
    x0: Math.min(...onPage.map((l) => l.bbox.x0)),
    y0: Math.min(...onPage.map((l) => l.bbox.y0)),
    x1: Math.max(...onPage.map((l) => l.bbox.x1)),
    y1: Math.max(...onPage.map((l) => l.bbox.y1))
  }
  const confidence = Math.min(...lines.map((l) => l.confidence))
  return {page, bbox, confidence}
}
