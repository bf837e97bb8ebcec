/**
 * EXIF/TIFF orientation (tag 274): how the stored pixels must be turned to
 * stand upright — a phone held sideways stores the photo on its side and
 * says so in this tag. @napi-rs/canvas applies it to JPEG and WebP when it
 * decodes them; TIFF pages decoded with UTIF are turned here.
 */
import type {GreyImage} from './grey-image.js'

/**
 * `image` turned upright for `orientation` (1 upright; 2 mirrored; 3 upside
 * down; 4 mirrored upside down; 5–8 on its side: 6 turned a quarter
 * clockwise to stand, 8 a quarter counter-clockwise, 5 and 7 also mirrored).
 * Unknown values leave the image as it is.
 */
export function orientImage(image: GreyImage, orientation: number): GreyImage {
  if (!Number.isInteger(orientation) || orientation < 2 || orientation > 8) return image
  const {width, height, data} = image
  const swap = orientation >= 5
  const w = swap ? height : width
  const h = swap ? width : height
  const out = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // The stored pixel that lands at (x, y) of the upright image.
      let sx: number
      let sy: number
      switch (orientation) {
        case 2:
          ;[sx, sy] = [width - 1 - x, y]
          break
        case 3:
          ;[sx, sy] = [width - 1 - x, height - 1 - y]
          break
        case 4:
          ;[sx, sy] = [x, height - 1 - y]
          break
        case 5:
          ;[sx, sy] = [y, x]
          break
        case 6:
          ;[sx, sy] = [y, height - 1 - x]
          break
        case 7:
          ;[sx, sy] = [width - 1 - y, height - 1 - x]
          break
        default:
          ;[sx, sy] = [width - 1 - y, x]
      }
      out[y * w + x] = data[sy * width + sx]
    }
  }
  return {width: w, height: h, data: out}
}
