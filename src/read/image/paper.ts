/**
 * Find the sheet of paper in a photo and paint what lies around it (the
 * desk, a dark scanner lid) white, so that the sheet's edges are not taken
 * for the rules of a page-sized table, nor the desk for a dark block of text.
 *
 * On a coarse grid of the page's brightness (the bright percentile of each
 * block: paper even where there is text), a threshold between the two
 * modes (Otsu) splits paper from surround; the surround is what of the dark
 * side touches the image's border. A page that is paper up to its edges (a
 * scan, a dark but evenly lit page) is left as it is. The surround is found
 * on the photo as taken and painted once its light is evened out (painting
 * first would make the sheet's shaded edge look dark against the paint).
 */
import {blockBrightness} from './block-brightness.js'
import type {GreyImage} from './grey-image.js'

/** Where the surround of a sheet lies: cells of a coarse grid over the image. */
export interface Surround {
  /** Side of a cell in pixels. */
  block: number
  /** Cells per row. */
  columns: number
  /** 1 for the cells to paint (the surround and the sheet's edge), row by row. */
  cells: Uint8Array
  /** Share of the image the cells cover. */
  share: number
}

/** Paper and surround must differ by at least this many grey levels. */
const minContrast = 50

/** A surround smaller than this share of the image is left alone (a thin shadow along one edge). */
const minSurround = 0.01

/** Cells painted beyond the surround: the sheet's blurred edge and shadow. */
const edgeCells = 2

/** Paper must cover at least this share of the image (else the split found something other than a sheet). */
const minPaper = 0.3

/**
 * Find what lies around the sheet of paper in `image`: null when the page is paper up to its
 * edges. Found on the image as taken (before its light is evened out: then the desk is still dark).
 */
export function findSurround(image: GreyImage): Surround | null {
  const {width, height} = image
  const block = Math.max(8, Math.round(Math.min(width, height) / 100))
  // The 90th percentile: the paper's brightness even in a block of text.
  const {columns: gw, rows: gh, values: grid} = blockBrightness(image, block, 0.1)
  if (gw < 8 || gh < 8) return null
  const threshold = otsu(grid)
  let dark = 0
  let darkSum = 0
  let brightSum = 0
  for (const v of grid) {
    if (v < threshold) {
      dark++
      darkSum += v
    } else brightSum += v
  }
  if (dark === 0 || dark === grid.length || brightSum / (grid.length - dark) - darkSum / dark < minContrast) return null

  // The surround: dark cells connected to the border.
  const outside = new Uint8Array(gw * gh)
  const stack: number[] = []
  const push = (i: number) => {
    if (outside[i] === 0 && grid[i] < threshold) {
      outside[i] = 1
      stack.push(i)
    }
  }
  for (let gx = 0; gx < gw; gx++) {
    push(gx)
    push((gh - 1) * gw + gx)
  }
  for (let gy = 0; gy < gh; gy++) {
    push(gy * gw)
    push(gy * gw + gw - 1)
  }
  while (stack.length > 0) {
    const i = stack.pop()!
    const gx = i % gw
    const gy = (i - gx) / gw
    if (gx > 0) push(i - 1)
    if (gx < gw - 1) push(i + 1)
    if (gy > 0) push(i - gw)
    if (gy < gh - 1) push(i + gw)
  }
  let count = 0
  for (const v of outside) count += v
  if (count < minSurround * grid.length || grid.length - count < minPaper * grid.length) return null

  // Two cells more (2% of the page's width), to cover the blurred edge of the sheet and its shadow.
  const paint = new Uint8Array(outside)
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      if (outside[gy * gw + gx] === 0) continue
      for (let dy = -edgeCells; dy <= edgeCells; dy++) {
        for (let dx = -edgeCells; dx <= edgeCells; dx++) {
          const x = gx + dx
          const y = gy + dy
          if (x >= 0 && y >= 0 && x < gw && y < gh) paint[y * gw + x] = 1
        }
      }
    }
  }
  let painted = 0
  for (const v of paint) painted += v
  return {block, columns: gw, cells: paint, share: painted / grid.length}
}

/** `image` (of the size the surround was found on) with the surround painted white. */
export function paintSurround(image: GreyImage, surround: Surround): GreyImage {
  const {width, height} = image
  const {block, columns, cells} = surround
  const out = new Uint8Array(image.data)
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] === 0) continue
    const gx = i % columns
    const gy = (i - gx) / columns
    const x0 = gx * block
    const x1 = Math.min(width, x0 + block)
    for (let y = gy * block; y < Math.min(height, (gy + 1) * block); y++) out.fill(255, y * width + x0, y * width + x1)
  }
  return {width, height, data: out}
}

/** The Otsu threshold of a set of grey levels: the split that best separates two modes. */
export function otsu(values: Uint8Array): number {
  const histogram = new Float64Array(256)
  for (const v of values) histogram[v]++
  const total = values.length
  let sum = 0
  for (let v = 0; v < 256; v++) sum += v * histogram[v]
  let below = 0
  let belowSum = 0
  let best = 0
  let threshold = 128
  for (let t = 0; t < 256; t++) {
    // Split: values < t against values ≥ t.
    if (below > 0 && below < total) {
      const m0 = belowSum / below
      const m1 = (sum - belowSum) / (total - below)
      const between = below * (total - below) * (m0 - m1) ** 2
      if (between > best) {
        best = between
        threshold = t
      }
    }
    below += histogram[t]
    belowSum += t * histogram[t]
  }
  return threshold
}
