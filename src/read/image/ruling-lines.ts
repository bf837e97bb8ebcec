/**
 * Find the ruling lines of tables (long straight runs of dark pixels) and
 * erase them: left in, tesseract merges them into words ("TI|Nội"); erased,
 * every rule leaves a clean gap, and the horizontal ones split table rows.
 */
import type {GreyImage} from './grey-image.js'

/** Rules found: y of each horizontal rule, x of each vertical one (pixel centres). */
export interface RulingLines {
  horizontal: number[]
  vertical: number[]
}

const dark = 140

/** Erase rules from a copy of `image`; return the copy and where the rules were. */
export function eraseRulingLines(image: GreyImage): {image: GreyImage; rules: RulingLines} {
  const {width, height, data} = image
  const out = new Uint8Array(data)
  const minH = Math.max(60, Math.round(width * 0.08))
  const minV = Math.max(60, Math.round(height * 0.03))
  const rowsWithRule: number[] = []
  const colsWithRule: number[] = []
  const erase: Array<[number, number, number, boolean]> = []
  for (let y = 0; y < height; y++) {
    let run = 0
    let found = false
    for (let x = 0; x <= width; x++) {
      if (x < width && data[y * width + x] < dark) run++
      else {
        if (run >= minH) {
          erase.push([y, x - run, x, true])
          if (run >= width * 0.15) found = true
        }
        run = 0
      }
    }
    if (found) rowsWithRule.push(y)
  }
  for (let x = 0; x < width; x++) {
    let run = 0
    let found = false
    for (let y = 0; y <= height; y++) {
      if (y < height && data[y * width + x] < dark) run++
      else {
        if (run >= minV) {
          erase.push([x, y - run, y, false])
          found = true
        }
        run = 0
      }
    }
    if (found) colsWithRule.push(x)
  }
  for (const [fixed, a, b, horizontal] of erase) {
    for (let t = a; t < b; t++) {
      // The rule and its anti-aliased fringe one pixel either side.
      for (let d = -1; d <= 1; d++) {
        const f = fixed + d
        if (horizontal) {
          if (f >= 0 && f < height) out[f * width + t] = 255
        } else if (f >= 0 && f < width) out[t * width + f] = 255
      }
    }
  }
  return {image: {width, height, data: out}, rules: {horizontal: centres(rowsWithRule), vertical: centres(colsWithRule)}}
}

/** Centres of runs of consecutive integers. */
function centres(values: number[]): number[] {
  const out: number[] = []
  let start = 0
  for (let i = 1; i <= values.length; i++) {
    if (i === values.length || values[i] !== values[i - 1] + 1) {
      if (values.length > 0) out.push((values[start] + values[i - 1]) / 2)
      start = i
    }
  }
  return out
}
