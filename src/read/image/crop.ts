/**
 * Cut a rectangle out of a greyscale image, with a white margin around it
 * (tesseract reads a cell better with some paper around the text).
 */
import type {GreyImage} from './grey-image.js'

/** The pixels of `[x0, x1) × [y0, y1)` (clamped to the image) on white, `margin` pixels each side. */
export function crop(image: GreyImage, x0: number, y0: number, x1: number, y1: number, margin = 0): GreyImage {
  const ax = Math.max(0, Math.floor(x0))
  const ay = Math.max(0, Math.floor(y0))
  const bx = Math.min(image.width, Math.ceil(x1))
  const by = Math.min(image.height, Math.ceil(y1))
  const width = Math.max(1, bx - ax + 2 * margin)
  const height = Math.max(1, by - ay + 2 * margin)
  const data = new Uint8Array(width * height).fill(255)
  for (let y = ay; y < by; y++) {
    data.set(image.data.subarray(y * image.width + ax, y * image.width + bx), (y - ay + margin) * width + margin)
  }
  return {width, height, data}
}

/** Number of pixels darker than `threshold` in `[x0, x1) × [y0, y1)`. */
export function countInk(image: GreyImage, x0: number, y0: number, x1: number, y1: number, threshold = 128): number {
  let n = 0
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(image.height, Math.ceil(y1)); y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(image.width, Math.ceil(x1)); x++) {
      if (image.data[y * image.width + x] < threshold) n++
    }
  }
  return n
}

/**
 * The text in `[x0, x1) × [y0, y1)` cut out on white paper, without the specks
 * around it: the ink's connected parts are gathered from the largest one,
 * taking every part within `reach` of those taken (a text line's height, so
 * the dot of "I." and a wrapped second line come along, a speck of dust
 * across the cell does not). Undefined when the region holds no ink.
 */
export function cutText(image: GreyImage, x0: number, y0: number, x1: number, y1: number, margin = 16, threshold = 128): {image: GreyImage; x0: number; y0: number} | undefined {
  const ax = Math.max(0, Math.floor(x0))
  const ay = Math.max(0, Math.floor(y0))
  const w = Math.min(image.width, Math.ceil(x1)) - ax
  const h = Math.min(image.height, Math.ceil(y1)) - ay
  if (w <= 0 || h <= 0) return undefined
  const label = new Int32Array(w * h).fill(-1)
  const parts: Array<{x0: number; y0: number; x1: number; y1: number; area: number}> = []
  const stack: number[] = []
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== -1 || image.data[(ay + Math.floor(start / w)) * image.width + ax + (start % w)] >= threshold) continue
    const part = {x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, area: 0}
    label[start] = parts.length
    stack.push(start)
    while (stack.length > 0) {
      const i = stack.pop()!
      const x = i % w
      const y = Math.floor(i / w)
      part.area++
      part.x0 = Math.min(part.x0, x)
      part.y0 = Math.min(part.y0, y)
      part.x1 = Math.max(part.x1, x + 1)
      part.y1 = Math.max(part.y1, y + 1)
      for (const [nx, ny] of [[x - 1, y], [x + 1, y], [x, y - 1], [x, y + 1]]) {
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue
        const j = ny * w + nx
        if (label[j] !== -1 || image.data[(ay + ny) * image.width + ax + nx] >= threshold) continue
        label[j] = parts.length
        stack.push(j)
      }
    }
    parts.push(part)
  }
  if (parts.length === 0) return undefined
  const order = parts.map((_, i) => i).sort((a, b) => parts[b].area - parts[a].area)
  const kept = new Set([order[0]])
  const box = {...parts[order[0]]}
  const reach = Math.max(8, box.y1 - box.y0)
  for (let grown = true; grown; ) {
    grown = false
    for (const i of order) {
      if (kept.has(i)) continue
      const p = parts[i]
      const dx = Math.max(0, p.x0 - box.x1, box.x0 - p.x1)
      const dy = Math.max(0, p.y0 - box.y1, box.y0 - p.y1)
      if (dx > reach || dy > reach) continue
      kept.add(i)
      box.x0 = Math.min(box.x0, p.x0)
      box.y0 = Math.min(box.y0, p.y0)
      box.x1 = Math.max(box.x1, p.x1)
      box.y1 = Math.max(box.y1, p.y1)
      grown = true
    }
  }
  // The box with a pixel of anti-aliased edge around it; ink of parts left out is painted white.
  const bx0 = Math.max(0, box.x0 - 2)
  const by0 = Math.max(0, box.y0 - 2)
  const bx1 = Math.min(w, box.x1 + 2)
  const by1 = Math.min(h, box.y1 + 2)
  const out = crop(image, ax + bx0, ay + by0, ax + bx1, ay + by1, margin)
  for (let y = by0; y < by1; y++) {
    for (let x = bx0; x < bx1; x++) {
      const l = label[y * w + x]
      if (l !== -1 && !kept.has(l)) {
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const ox = x - bx0 + margin + dx
            const oy = y - by0 + margin + dy
            if (ox >= 0 && oy >= 0 && ox < out.width && oy < out.height) out.data[oy * out.width + ox] = 255
          }
        }
      }
    }
  }
  return {image: out, x0: ax + bx0 - margin, y0: ay + by0 - margin}
}
