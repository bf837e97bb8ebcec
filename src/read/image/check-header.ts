/**
 * Check that an image's header is whole before decoding it: @napi-rs/canvas
 * crashes the process (segfault) on a PNG or JPEG whose header is cut, while
 * it decodes a file cut later in its pixel data (the rest comes out blank).
 */
import type {InputKind} from '../sniff.js'

/** Why the header of `bytes` cannot be decoded, or undefined when it is whole. */
export function checkImageHeader(bytes: Uint8Array, kind: InputKind): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (kind === 'png') {
    if (bytes.length < 33) return 'truncated header'
    const ihdr = String.fromCharCode(...bytes.subarray(12, 16))
    if (ihdr !== 'IHDR' || view.getUint32(8) !== 13) return 'no IHDR chunk'
    if (view.getUint32(16) === 0 || view.getUint32(20) === 0) return 'zero size'
    // Some image data must follow the header.
    return bytes.length < 45 ? 'no image data' : undefined
  }
  if (kind === 'jpeg') {
    let i = 2
    while (i + 4 <= bytes.length) {
      if (bytes[i] !== 0xff) return 'corrupt marker'
      const marker = bytes[i + 1]
      if (marker === 0xff) {
        i++
        continue
      }
      const length = view.getUint16(i + 2)
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
      if (isFrame) {
        if (i + 2 + length > bytes.length || length < 8) return 'truncated header'
        if (view.getUint16(i + 5) === 0 || view.getUint16(i + 7) === 0) return 'zero size'
        return i + 2 + length + 16 > bytes.length ? 'no image data' : undefined
      }
      if (marker === 0xda || marker === 0xd9) return 'no frame header'
      i += 2 + length
    }
    return 'truncated header'
  }
  if (kind === 'webp') {
    if (bytes.length < 30) return 'truncated header'
    const chunk = String.fromCharCode(...bytes.subarray(12, 16))
    if (!['VP8 ', 'VP8L', 'VP8X'].includes(chunk)) return 'unknown WebP chunk'
    return undefined
  }
  return undefined
}
