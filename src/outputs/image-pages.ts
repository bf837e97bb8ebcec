/**
 * The pages of an image input in a new PDF: one page per image (per page of
 * a TIFF), upright, at the size the image declares. A JPEG's stream is
 * copied as it is and turned by its EXIF orientation through the page's
 * matrix; a PNG is stored losslessly; WebP is stored as PNG; TIFF pages as
 * lossless greyscale (1 bit when black and white).
 */
import {createCanvas, loadImage} from '@napi-rs/canvas'
import {PDFName, type PDFDocument, type PDFImage, type PDFPage, type PDFRef} from 'pdf-lib'
import UTIF from 'utif2'
import {decodeImage} from '../read/image/decode-image.js'
import type {GreyImage} from '../read/image/grey-image.js'
import {jpegInfo, pngDpi} from './image-info.js'
import type {Matrix} from './page-geometry.js'

/** A page made for an image. */
export interface ImagePage {
  /** 1-based. */
  number: number
  page: PDFPage
  /** The upright image's size in pixels (the reader's layout units). */
  pixels: {width: number; height: number}
  /** Upright image pixels (origin top left) → the page's user space. */
  pixelsToUser: Matrix
}

/** Points in 210 mm, the width given to an image that declares no resolution. */
const a4Width = 595.28

/** Add a page to `doc` for each image in `bytes`. */
export async function* addImagePage(doc: PDFDocument, bytes: Uint8Array, kind: 'png' | 'jpeg' | 'tiff' | 'webp'): AsyncGenerator<ImagePage> {
  if (kind === 'jpeg') {
    const image = await doc.embedJpg(bytes)
    const info = jpegInfo(bytes)
    yield place(doc, 1, image.ref, {width: image.width, height: image.height}, info.orientation, info.dpi)
  } else if (kind === 'png') {
    const image = await doc.embedPng(bytes)
    yield place(doc, 1, image.ref, {width: image.width, height: image.height}, 1, pngDpi(bytes))
  } else if (kind === 'webp') {
    // The canvas turns the image upright as it decodes it.
    const decoded = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    const canvas = createCanvas(decoded.width, decoded.height)
    canvas.getContext('2d').drawImage(decoded, 0, 0)
    const image: PDFImage = await doc.embedPng(await canvas.encode('png'))
    yield place(doc, 1, image.ref, {width: image.width, height: image.height}, 1, undefined)
  } else {
    const resolutions = tiffResolutions(bytes)
    const pages = await decodeImage(bytes, 'tiff', {dropRed: false})
    for (const [i, grey] of pages.entries()) {
      yield place(doc, i + 1, embedGrey(doc, grey), {width: grey.width, height: grey.height}, 1, resolutions[i])
    }
  }
}

/** A page for the image `ref` of `stored` pixels, turned upright by `orientation`, at `dpi` (or A4 width). */
function place(doc: PDFDocument, number: number, ref: PDFRef, stored: {width: number; height: number}, orientation: number, dpi: number | undefined): ImagePage {
  const o = Number.isInteger(orientation) && orientation >= 1 && orientation <= 8 ? orientation : 1
  const pixels = o >= 5 ? {width: stored.height, height: stored.width} : stored
  const scale = dpi !== undefined && dpi >= 100 && dpi <= 4800 ? 72 / dpi : a4Width / pixels.width
  const width = pixels.width * scale
  const height = pixels.height * scale
  const page = doc.addPage([width, height])
  const name = page.node.newXObject('Scan', ref)
  const m = orientationMatrix(o, width, height)
  const operators = `q ${m.map((v) => +v.toFixed(4)).join(' ')} cm ${name.asString()} Do Q\n`
  page.node.set(PDFName.of('Contents'), doc.context.obj([doc.context.register(doc.context.flateStream(operators))]))
  return {number, page, pixels, pixelsToUser: [scale, 0, 0, -scale, 0, height]}
}

/**
 * The matrix that draws an image stored on its side (EXIF `orientation`)
 * upright over a `width` × `height` page: image space (u right, v up, the
 * stored top row at v = 1) onto the page.
 */
export function orientationMatrix(orientation: number, width: number, height: number): Matrix {
  // Where the stored pixel at (s, t) (0..1, t down) lands on the upright image (X, Y), 0..1 with Y down.
  const upright: Record<number, (s: number, t: number) => [number, number]> = {
    1: (s, t) => [s, t],
    2: (s, t) => [1 - s, t],
    3: (s, t) => [1 - s, 1 - t],
    4: (s, t) => [s, 1 - t],
    5: (s, t) => [t, s],
    6: (s, t) => [1 - t, s],
    7: (s, t) => [1 - t, 1 - s],
    8: (s, t) => [t, 1 - s]
  }
  const map = upright[orientation] ?? upright[1]
  const onPage = (u: number, v: number): [number, number] => {
    const [x, y] = map(u, 1 - v)
    return [x * width, (1 - y) * height]
  }
  const [e, f] = onPage(0, 0)
  const [ux, uy] = onPage(1, 0)
  const [vx, vy] = onPage(0, 1)
  return [ux - e, uy - f, vx - e, vy - f, e, f]
}

/** A greyscale image as a Flate-compressed image XObject: 1 bit per pixel when it is only black and white. */
function embedGrey(doc: PDFDocument, grey: GreyImage): PDFRef {
  const bilevel = grey.data.every((v) => v === 0 || v === 255)
  let samples: Uint8Array = grey.data
  if (bilevel) {
    const row = Math.ceil(grey.width / 8)
    samples = new Uint8Array(row * grey.height)
    for (let y = 0; y < grey.height; y++) {
      for (let x = 0; x < grey.width; x++) if (grey.data[y * grey.width + x] === 255) samples[y * row + (x >> 3)] |= 0x80 >> (x & 7)
    }
  }
  const stream = doc.context.flateStream(samples, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: grey.width,
    Height: grey.height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: bilevel ? 1 : 8
  })
  return doc.context.register(stream)
}

/** The resolution (dpi) each page of a TIFF declares, when it does. */
function tiffResolutions(bytes: Uint8Array): Array<number | undefined> {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    return UTIF.decode(buffer)
      .filter((ifd) => ifd['t256'] !== undefined)
      .map((ifd) => {
        const x = (ifd['t282'] as unknown as Array<[number, number]> | undefined)?.[0]
        const unit = (ifd['t296'] as number[] | undefined)?.[0] ?? 2
        if (!x || !x[1]) return undefined
        const value = x[0] / x[1]
        return unit === 2 ? value : unit === 3 ? value * 2.54 : undefined
      })
  } catch {
    return []
  }
}
