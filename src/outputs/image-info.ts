/**
 * What an image file's header says beyond its size: the EXIF orientation of
 * a JPEG (how its stored pixels must be turned to stand upright, as the
 * reader's decoder turns them) and the resolution a JPEG or PNG declares.
 */

/** Orientation (EXIF tag 274, 1 = upright) and declared resolution (dots per inch, when stated). */
export interface ImageInfo {
  orientation: number
  dpi?: number
}

/** The orientation and resolution a JPEG declares (JFIF density, else EXIF); upright and unknown when unreadable. */
export function jpegInfo(bytes: Uint8Array): ImageInfo {
  const out: ImageInfo = {orientation: 1}
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let i = 2
  try {
    while (i + 4 <= bytes.length && bytes[i] === 0xff) {
      const marker = bytes[i + 1]
      if (marker === 0xff) {
        i++
        continue
      }
      if (marker === 0xda || marker === 0xd9) break
      const length = view.getUint16(i + 2)
      const body = i + 4
      if (marker === 0xe0 && ascii(bytes, body, 5) === 'JFIF\0' && out.dpi === undefined) {
        const units = bytes[body + 7]
        const density = view.getUint16(body + 8)
        if (density > 0 && units === 1) out.dpi = density
        if (density > 0 && units === 2) out.dpi = density * 2.54
      }
      if (marker === 0xe1 && ascii(bytes, body, 6) === 'Exif\0\0') readExif(view, body + 6, out)
      i += 2 + length
    }
  } catch {
    // A truncated header: what was read so far stands.
  }
  return out
}

/** The resolution a PNG declares in its `pHYs` chunk (per metre), in dots per inch. */
export function pngDpi(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let i = 8
  while (i + 12 <= bytes.length) {
    const length = view.getUint32(i)
    const type = ascii(bytes, i + 4, 4)
    if (type === 'pHYs' && length >= 9 && i + 17 <= bytes.length) {
      const perMetre = view.getUint32(i + 8)
      return bytes[i + 16] === 1 && perMetre > 0 ? perMetre * 0.0254 : undefined
    }
    if (type === 'IDAT' || type === 'IEND') return undefined
    i += 12 + length
  }
  return undefined
}

/** Orientation (274), and resolution (282 with unit 296) when JFIF gave none, from the first IFD of an EXIF block at `start`. */
function readExif(view: DataView, start: number, out: ImageInfo): void {
  const little = view.getUint16(start) === 0x4949
  const u16 = (at: number) => view.getUint16(start + at, little)
  const u32 = (at: number) => view.getUint32(start + at, little)
  const ifd = u32(4)
  const count = u16(ifd)
  let resolution: number | undefined
  let unit = 2
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + 12 * k
    const tag = u16(entry)
    if (tag === 0x0112) out.orientation = u16(entry + 8)
    if (tag === 0x0128) unit = u16(entry + 8)
    if (tag === 0x011a) {
      const at = u32(entry + 8)
      const denominator = u32(at + 4)
      if (denominator > 0) resolution = u32(at) / denominator
    }
  }
  if (out.dpi === undefined && resolution !== undefined && resolution > 0) {
    if (unit === 2) out.dpi = resolution
    if (unit === 3) out.dpi = resolution * 2.54
  }
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length))
}
