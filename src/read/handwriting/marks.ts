/**
 * The pen marks of a small region of a page image (a number or a day
 * written into a printed line): the ink's connected parts, without specks
 * and without the parts of printed text cut by the region's edges, gathered
 * into marks (the crossbar of a `7`, the two strokes of a `4` go together),
 * left to right. A mark much wider than tall is two digits that touch, cut
 * where the least ink joins them.
 */
import type {GreyImage} from '../image/grey-image.js'
import type {Mark} from './digit-image.js'

/** A mark cut from the region: its ink and its box in the region's pixels. */
export interface RegionMark extends Mark {
  x0: number
  y0: number
}

interface Part {
  x0: number
  y0: number
  x1: number
  y1: number
  pixels: number[]
}

/** Ink: darker than this (0–255). */
const inkLevel = 140

/**
 * The marks in `box` of `image`. `textHeight` is the height of the printed letters of the line the
 * marks are written into, `band` its top and bottom (pixels): a mark stands on that line. `cut` tells
 * that ink that may be a digit runs out of the box: the marks are then not the whole field.
 */
export function regionMarks(
  image: GreyImage,
  box: {x0: number; y0: number; x1: number; y1: number},
  textHeight: number,
  band: {top: number; bottom: number}
): {marks: RegionMark[]; cut: boolean} {
  const ax = Math.max(0, Math.floor(box.x0))
  const ay = Math.max(0, Math.floor(box.y0))
  const bx = Math.min(image.width, Math.ceil(box.x1))
  const by = Math.min(image.height, Math.ceil(box.y1))
  const width = bx - ax
  const height = by - ay
  if (width <= 0 || height <= 0) return {marks: [], cut: false}
  const ink = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) ink[y * width + x] = image.data[(y + ay) * image.width + x + ax] < inkLevel ? 1 : 0
  const parts = connectedParts(ink, width, height)
  const minArea = Math.max(4, 0.012 * textHeight * textHeight)
  const top = band.top - ay
  const bottom = band.bottom - ay
  let cut = false
  const kept = parts.filter((p) => {
    const h = p.y1 - p.y0
    if (p.pixels.length < minArea) return false
    // A mark stands on the line: it reaches into the line's band (the letters of the lines above and below do not).
    const overlap = Math.min(p.y1, bottom) - Math.max(p.y0, top)
    if (overlap < 0.3 * textHeight) return false
    // Cut by the left or right edge: a printed neighbour (`Số:`, `/QĐ`, `tháng`), unless as big as a
    // digit (a digit written into the printed word: `ngày15`, the tail of the y joined to the 1).
    if ((p.x0 === 0 || p.x1 === width) && (h < 0.6 * textHeight || p.x1 - p.x0 < 0.3 * textHeight)) return false
    // Cut by the top or bottom edge: when big, a digit running out of the box.
    if (p.y0 === 0 || p.y1 === height) {
      if (h >= 0.5 * textHeight) cut = true
      return false
    }
    // A dot (of `:`), a comma, a rule under the line.
    return h >= 0.35 * textHeight && p.x1 - p.x0 < 4 * textHeight
  })
  // Parts one above another (the bar of a 5, the strokes of a 4) form one mark.
  const groups: Part[][] = []
  for (const part of kept.sort((a, b) => a.x0 - b.x0)) {
    const group = groups.find((g) =>
      g.some((o) => Math.min(o.x1, part.x1) - Math.max(o.x0, part.x0) >= 0.5 * Math.min(o.x1 - o.x0, part.x1 - part.x0))
    )
    if (group) group.push(part)
    else groups.push([part])
  }
  const marks: RegionMark[] = []
  for (const group of groups) {
    const mark = toMark(group, width)
    // Two digits that touch: as wide as they are tall or wider.
    if (mark.width > 1.15 * mark.height && mark.height > 0.6 * textHeight) marks.push(...splitMark(mark))
    else marks.push(mark)
  }
  return {marks: marks.map((m) => ({...m, x0: m.x0 + ax, y0: m.y0 + ay})).sort((a, b) => a.x0 - b.x0), cut}
}

function toMark(parts: Part[], width: number): RegionMark {
  const x0 = Math.min(...parts.map((p) => p.x0))
  const y0 = Math.min(...parts.map((p) => p.y0))
  const w = Math.max(...parts.map((p) => p.x1)) - x0
  const h = Math.max(...parts.map((p) => p.y1)) - y0
  const ink = new Uint8Array(w * h)
  for (const p of parts) {
    for (const i of p.pixels) ink[(Math.floor(i / width) - y0) * w + (i % width) - x0] = 1
  }
  return {width: w, height: h, ink, x0, y0}
}

/** Cut a mark in two at the column of least ink in its middle part. */
function splitMark(mark: RegionMark): RegionMark[] {
  let best = -1
  let least = Infinity
  for (let x = Math.floor(0.3 * mark.width); x <= Math.ceil(0.7 * mark.width); x++) {
    let n = 0
    for (let y = 0; y < mark.height; y++) n += mark.ink[y * mark.width + x]
    if (n < least) {
      least = n
      best = x
    }
  }
  if (best <= 0) return [mark]
  const cut = (from: number, to: number): RegionMark => {
    const w = to - from
    const ink = new Uint8Array(w * mark.height)
    for (let y = 0; y < mark.height; y++) for (let x = 0; x < w; x++) ink[y * w + x] = mark.ink[y * mark.width + x + from]
    return trim({width: w, height: mark.height, ink, x0: mark.x0 + from, y0: mark.y0})
  }
  return [cut(0, best), cut(best, mark.width)]
}

/** A mark without the empty rows above and below its ink. */
function trim(mark: RegionMark): RegionMark {
  let top = 0
  let bottom = mark.height
  const empty = (y: number) => !mark.ink.subarray(y * mark.width, (y + 1) * mark.width).some((v) => v === 1)
  while (top < bottom && empty(top)) top++
  while (bottom > top && empty(bottom - 1)) bottom--
  return {width: mark.width, height: bottom - top, ink: mark.ink.slice(top * mark.width, bottom * mark.width), x0: mark.x0, y0: mark.y0 + top}
}

/** Connected parts (8-neighbours) of the ink. */
function connectedParts(ink: Uint8Array, width: number, height: number): Part[] {
  const seen = new Uint8Array(ink.length)
  const parts: Part[] = []
  const stack: number[] = []
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || seen[start]) continue
    const part: Part = {x0: width, y0: height, x1: 0, y1: 0, pixels: []}
    seen[start] = 1
    stack.push(start)
    while (stack.length > 0) {
      const i = stack.pop()!
      const x = i % width
      const y = (i - x) / width
      part.pixels.push(i)
      if (x < part.x0) part.x0 = x
      if (y < part.y0) part.y0 = y
      if (x + 1 > part.x1) part.x1 = x + 1
      if (y + 1 > part.y1) part.y1 = y + 1
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy
        if (yy < 0 || yy >= height) continue
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx
          if (xx < 0 || xx >= width) continue
          const j = yy * width + xx
          if (ink[j] && !seen[j]) {
            seen[j] = 1
            stack.push(j)
          }
        }
      }
    }
    parts.push(part)
  }
  return parts
}
