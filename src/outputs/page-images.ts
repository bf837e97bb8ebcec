/**
 * The page images of the review page, as data URIs a browser shows as they
 * are: a JPEG, PNG or WebP input is inlined unchanged (browsers turn it by
 * its EXIF orientation, as the reader did); a PDF page that is one JPEG over
 * the whole page (a scanner's) is that JPEG; other PDF pages are rendered
 * with pdf.js and TIFF pages drawn, as JPEG at the review's resolution.
 */
import {createCanvas, type Canvas} from '@napi-rs/canvas'
import {PDFDocument} from 'pdf-lib'
import type {PDFDocumentProxy, PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {decodeImage} from '../read/image/decode-image.js'
import {openPdf} from '../read/pdf/pdfjs.js'
import type {InputKind} from '../read/sniff.js'
import {pageJpeg} from './page-jpeg.js'

/** A page image and the size of its page in layout units (the boxes' units). */
export interface PageImage {
  /** 1-based. */
  number: number
  /** A `data:` URI. */
  src: string
}

/** Options of `pageImages`. */
export interface PageImagesOptions {
  /** Resolution to render PDF pages at (default 100 dpi). */
  dpi?: number
  /** JPEG quality of rendered pages, 0..100 (default 75). */
  quality?: number
  /** Render only these pages (1-based; default all). */
  pages?: number[]
}

const mediaTypes: Partial<Record<InputKind, string>> = {jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp'}

/** The images of the pages of `bytes` (a PDF or an image of `kind`); `name` goes into errors. */
export async function pageImages(bytes: Uint8Array, kind: InputKind, name: string, options: PageImagesOptions = {}): Promise<PageImage[]> {
  const quality = options.quality ?? 75
  const wanted = (n: number) => !options.pages || options.pages.includes(n)
  const media = mediaTypes[kind]
  if (media) return [{number: 1, src: dataUri(media, bytes)}]
  if (kind === 'tiff') {
    const pages = await decodeImage(bytes, 'tiff', {dropRed: false})
    const out: PageImage[] = []
    for (const [i, grey] of pages.entries()) {
      if (!wanted(i + 1)) continue
      const canvas = createCanvas(grey.width, grey.height)
      const context = canvas.getContext('2d')
      const image = context.createImageData(grey.width, grey.height)
      for (let p = 0; p < grey.data.length; p++) {
        image.data.fill(grey.data[p], 4 * p, 4 * p + 3)
        image.data[4 * p + 3] = 255
      }
      context.putImageData(image, 0, 0)
      out.push({number: i + 1, src: dataUri('image/jpeg', await canvas.encode('jpeg', quality))})
    }
    return out
  }
  if (kind !== 'pdf') return []
  // A scanner's page (one JPEG over the whole page) is shown as its JPEG: no decoding, no rendering, the scan itself.
  const jpegs = new Map<number, Uint8Array>()
  let count: number | undefined
  try {
    const lib = await PDFDocument.load(bytes, {updateMetadata: false})
    count = lib.getPageCount()
    lib.getPages().forEach((page, i) => {
      const jpeg = wanted(i + 1) ? pageJpeg(lib, page) : undefined
      if (jpeg) jpegs.set(i + 1, jpeg)
    })
  } catch {
    // pdf-lib cannot read it: pdf.js renders every page.
  }
  const out: PageImage[] = []
  let doc: PDFDocumentProxy | undefined
  try {
    if (count === undefined) {
      doc = await openPdf(bytes, name)
      count = doc.numPages
    }
    for (let n = 1; n <= count; n++) {
      if (!wanted(n)) continue
      const jpeg = jpegs.get(n)
      if (jpeg) {
        out.push({number: n, src: dataUri('image/jpeg', jpeg)})
        continue
      }
      doc ??= await openPdf(bytes, name)
      const page = await doc.getPage(n)
      try {
        const canvas = await renderColour(page, options.dpi ?? 100)
        out.push({number: n, src: dataUri('image/jpeg', await canvas.encode('jpeg', quality))})
      } finally {
        page.cleanup()
      }
    }
    return out
  } finally {
    await doc?.destroy()
  }
}

/** Render `page` in colour at `dpi` on white. */
async function renderColour(page: PDFPageProxy, dpi: number): Promise<Canvas> {
  const viewport = page.getViewport({scale: dpi / 72})
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
  const context = canvas.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  type RenderParameters = Parameters<PDFPageProxy['render']>[0]
  await page.render({canvasContext: context, canvas, viewport} as unknown as RenderParameters).promise
  return canvas
}

function dataUri(media: string, bytes: Uint8Array): string {
  return `data:${media};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`
}
