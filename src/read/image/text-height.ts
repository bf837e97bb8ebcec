/**
 * Estimate the height of text lines in a page image from its horizontal
 * projection profile, to decide whether a low-resolution photo needs
 * upscaling before OCR.
 */
import type {GreyImage} from './grey-image.js'

/** Median height in pixels of the bands of rows that hold ink (0 when there is no ink). */
export function estimateTextHeight(image: GreyImage): number {
  const {width, height, data} = image
  const inked: boolean[] = []
  for (let y = 0; y < height; y++) {
    let n = 0
    for (let x = 0; x < width; x++) if (data[y * width + x] < 128) n++
    // Rows crossed by a rule (more than 60% ink) are not text.
    inked.push(n > width * 0.003 && n < width * 0.6)
  }
  const bands: number[] = []
  let run = 0
  for (let y = 0; y <= height; y++) {
    if (y < height && inked[y]) run++
    else {
      if (run >= 3) bands.push(run)
      run = 0
    }
  }
  if (bands.length === 0) return 0
  bands.sort((a, b) => a - b)
  return bands[bands.length >> 1]
}
