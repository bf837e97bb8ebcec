/**
 * How dark ink is on a page, to tell rules and text from paper: the grey
 * level two fifths of the way from the page's paper (its median) to its ink
 * (the darkest 1% of its pixels), kept within 160–200. Black print on a
 * background-normalised page gives 160; faint print (a pale copy, a light
 * scan, ink at grey 120) a level its thin rules still fall under.
 */
import type {GreyImage} from './grey-image.js'

/** The grey level under which a pixel of `image` is taken as ink (of a rule or a letter). */
export function darkLevel(image: GreyImage): number {
  const counts = new Uint32Array(256)
  // Every 7th pixel is enough for a histogram of a page.
  for (let i = 0; i < image.data.length; i += 7) counts[image.data[i]]++
  const total = counts.reduce((a, b) => a + b, 0)
  const level = (share: number) => {
    let seen = 0
    for (let v = 0; v < 256; v++) {
      seen += counts[v]
      if (seen >= share * total) return v
    }
    return 255
  }
  const ink = level(0.01)
  const paper = level(0.5)
  return Math.min(200, Math.max(160, Math.round(ink + 0.6 * (paper - ink))))
}
