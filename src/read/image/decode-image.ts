/**
 * Decode PNG, JPEG, WebP (with @napi-rs/canvas, the canvas pdf.js uses) and
 * TIFF (with UTIF, every page of a multi-page file) to greyscale rasters,
 * upright by their EXIF/TIFF orientation (the canvas turns JPEG and WebP
 * itself; TIFF pages are turned by `orientation.ts`).
 */
import {createCanvas, loadImage} from '@napi-rs/canvas'
import UTIF from 'utif2'
import type {InputKind} from '../sniff.js'
import {checkImageHeader} from './check-header.js'
import {orientImage} from './orientation.js'
import {greyFromRgba, type GreyImage, type GreyOptions} from './grey-image.js'

/** Decode the image bytes of `kind` to one greyscale raster per page; throws on corrupt data. */
export async function decodeImage(bytes: Uint8Array, kind: InputKind, options: GreyOptions = {}): Promise<GreyImage[]> {
  if (kind === 'tiff') return decodeTiff(bytes, options)
  const problem = checkImageHeader(bytes, kind)
  if (problem) throw new Error(problem)
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  if (!image.width || !image.height) throw new Error('image has no pixels')
  const canvas = createCanvas(image.width, image.height)
  const context = canvas.getContext('2d')
  context.drawImage(image, 0, 0)
  const {data} = context.getImageData(0, 0, image.width, image.height)
  return [greyFromRgba(data, image.width, image.height, options)]
}

function decodeTiff(bytes: Uint8Array, options: GreyOptions): GreyImage[] {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  const ifds = UTIF.decode(buffer).filter((ifd) => ifd['t256'] !== undefined)
  if (ifds.length === 0) throw new Error('TIFF without an image')
  return ifds.map((ifd) => {
    UTIF.decodeImage(buffer, ifd)
    const rgba = UTIF.toRGBA8(ifd)
    if (!ifd.width || !ifd.height) throw new Error('TIFF page has no pixels')
    const orientation = ifd['t274'] as number[] | undefined
    return orientImage(greyFromRgba(rgba, ifd.width, ifd.height, options), orientation?.[0] ?? 1)
  })
}
