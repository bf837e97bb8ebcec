/**
 * The pixel size an image claims in its header, read without decoding it,
 * so that a 20,000 × 20,000 px scan can be refused before it takes gigabytes.
 */
import UTIF from 'utif2'
import type {InputKind} from '../read/index.js'

/** Width and height in pixels (for a multi-page TIFF, the largest page). */
export interface ImageSize {
  width: number
  height: number
}

/** The size the header of `bytes` (an image of `kind`) claims; undefined when it cannot be told (the decoder will say why). */
export function imageSize(bytes: Uint8Array, kind: InputKind): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  try {
    if (kind === 'png') return bytes.length >= 24 ? {width: view.getUint32(16), height: view.getUint32(20)} : undefined
    if (kind === 'jpeg') return jpegSize(bytes, view)
    if (kind === 'webp') return webpSize(bytes, view)
    if (kind === 'tiff') return tiffSize(bytes)
  } catch {
    return undefined
  }
  return undefined
}

function jpegSize(bytes: Uint8Array, view: DataView): ImageSize | undefined {
  let i = 2
  while (i + 9 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined
    const marker = bytes[i + 1]
    if (marker === 0xff) {
      i++
      continue
    }
    // Start-of-frame markers (not DHT c4, JPG c8, DAC cc) carry the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {height: view.getUint16(i + 5), width: view.getUint16(i + 7)}
    }
    if (marker === 0xda || marker === 0xd9) return undefined
    i += 2 + view.getUint16(i + 2)
  }
  return undefined
}

function webpSize(bytes: Uint8Array, view: DataView): ImageSize | undefined {
  if (bytes.length < 30) return undefined
  const chunk = String.fromCharCode(...bytes.subarray(12, 16))
  if (chunk === 'VP8 ') return {width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff}
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true)
    return {width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1}
  }
  if (chunk === 'VP8X') {
    const u24 = (at: number) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)
    return {width: u24(24) + 1, height: u24(27) + 1}
  }
  return undefined
}

function tiffSize(bytes: Uint8Array): ImageSize | undefined {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  // `decode` reads the directories only; pixels are decoded by `decodeImage`.
  const pages = UTIF.decode(buffer).filter((ifd) => ifd['t256'] !== undefined && ifd['t257'] !== undefined)
  if (pages.length === 0) return undefined
  let best: ImageSize = {width: 0, height: 0}
  for (const ifd of pages) {
    const width = Number((ifd['t256'] as number[])[0])
    const height = Number((ifd['t257'] as number[])[0])
    if (width * height > best.width * best.height) best = {width, height}
  }
  return best
}
