/**
 * Estimate the height and the pitch of text lines in a page image from its
 * horizontal projection profile: whether a low-resolution photo needs
 * upscaling before OCR, and how far a skew makes lines drift.
 */
import type {GreyImage} from './grey-image.js'

/** Median height in pixels of the bands of rows that hold ink (0 when there is no ink). */
export function estimateTextHeight(image: GreyImage): number {
  const bands = inkBands(image)
  if (bands.length === 0) return 0
  return median(bands.map(([start, end]) => end - start))
}

/** Median distance in pixels from one band of inked rows to the next: the line pitch (0 with fewer than two lines). */
export function estimateLinePitch(image: GreyImage): number {
  const bands = inkBands(image)
  return bands.length < 2 ? 0 : median(bands.slice(1).map(([start], k) => start - bands[k][0]))
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]
}

/** The bands of consecutive rows that hold some ink (text lines), as [first row, one past the last]. */
function inkBands(image: GreyImage): Array<[number, number]> {
  const {width, height, data} = image
  const inked: boolean[] = []
  for (let y = 0; y < height; y++) {
    let n = 0
    for (let x = 0; x < width; x++) if (data[y * width + x] < 128) n++
    // Rows crossed by a rule (more than 60% ink) are not text.
    inked.push(n > width * 0.003 && n < width * 0.6)
  }
  const bands: Array<[number, number]> = []
  let run = 0
  for (let y = 0; y <= height; y++) {
    if (y < height && inked[y]) run++
    else {
      if (run >= 3) bands.push([y - run, y])
      run = 0
    }
  }
  return bands
}
