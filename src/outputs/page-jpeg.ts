/**
 * The JPEG a scanned PDF page is made of, when the page is nothing but one
 * JPEG image drawn over the whole page (what scanners write): the review
 * page can show that JPEG as it is instead of rendering the page.
 */
import {decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFDocument, type PDFPage} from 'pdf-lib'
import {Lexer} from './content-lexer.js'
import {multiply, type Matrix} from './page-geometry.js'

/** Operators that paint something other than an image. */
const painting = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'BI', 'EI', 'd0', 'd1'])
const showing = new Set(['Tj', 'TJ', "'", '"'])

/** The raw JPEG bytes of `page` when it is one baseline RGB or grey JPEG over the whole (unrotated) page; undefined otherwise. */
export function pageJpeg(doc: PDFDocument, page: PDFPage): Uint8Array | undefined {
  if (page.getRotation().angle % 360 !== 0) return undefined
  const content = pageContent(doc, page)
  if (!content) return undefined
  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'))
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  let mode = 0
  const modes: number[] = []
  let operands: string[] = []
  let found: {stream: PDFRawStream; ctm: Matrix} | undefined
  const lexer = new Lexer(content)
  for (let token = lexer.next(); token; token = lexer.next()) {
    if (token.kind === 'operand') {
      operands.push(token.text)
      continue
    }
    const op = token.text
    if (op === 'q') {
      stack.push(ctm)
      modes.push(mode)
    } else if (op === 'Q') {
      ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0]
      mode = modes.pop() ?? 0
    } else if (op === 'cm' && operands.length >= 6) {
      ctm = multiply(operands.slice(-6).map(Number) as Matrix, ctm)
    } else if (op === 'Tr' && operands.length > 0) {
      mode = Number(operands[operands.length - 1]) || 0
    } else if (painting.has(op) || (showing.has(op) && mode !== 3)) {
      return undefined
    } else if (op === 'Do') {
      if (found || !(xobjects instanceof PDFDict) || operands.length === 0) return undefined
      const stream = xobjects.lookup(PDFName.of(operands[operands.length - 1].slice(1)))
      if (!(stream instanceof PDFRawStream) || !isPlainJpeg(stream)) return undefined
      found = {stream, ctm}
    }
    operands = []
  }
  if (!found) return undefined
  const [a, b, c, d, e, f] = found.ctm
  const {x, y, width, height} = page.getCropBox()
  const close = (u: number, v: number, size: number) => Math.abs(u - v) <= 0.01 * Math.abs(size)
  const covers = Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && a > 0 && d > 0 && close(e, x, width) && close(f, y, height) && close(a, width, width) && close(d, height, height)
  return covers ? found.stream.contents : undefined
}

/** An image stream that is a JPEG a browser shows as the PDF does: DCT only, 8 bits, grey or RGB, no mask, no decode array. */
function isPlainJpeg(stream: PDFRawStream): boolean {
  const dict = stream.dict
  if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) return false
  let filter = dict.lookup(PDFName.of('Filter'))
  if (filter instanceof PDFArray && filter.size() === 1) filter = filter.lookup(0)
  if (filter !== PDFName.of('DCTDecode')) return false
  if (dict.has(PDFName.of('SMask')) || dict.has(PDFName.of('Mask')) || dict.has(PDFName.of('Decode')) || dict.has(PDFName.of('DecodeParms'))) return false
  const bits = dict.lookup(PDFName.of('BitsPerComponent'))
  if (!(bits instanceof PDFNumber) || bits.asNumber() !== 8) return false
  const space = dict.lookup(PDFName.of('ColorSpace'))
  if (space === PDFName.of('DeviceRGB') || space === PDFName.of('DeviceGray')) return true
  if (space instanceof PDFArray && space.lookup(0) === PDFName.of('ICCBased')) {
    const profile = space.lookup(1)
    const n = profile instanceof PDFRawStream ? profile.dict.lookup(PDFName.of('N')) : undefined
    return n instanceof PDFNumber && (n.asNumber() === 1 || n.asNumber() === 3)
  }
  return false
}

/** The page's content streams, decoded and joined; undefined when one cannot be decoded. */
function pageContent(doc: PDFDocument, page: PDFPage): Uint8Array | undefined {
  const contents = page.node.get(PDFName.of('Contents'))
  const entries = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : []
  const parts: Uint8Array[] = []
  for (const entry of entries) {
    const stream = entry instanceof PDFRef ? doc.context.lookup(entry) : entry
    if (!(stream instanceof PDFRawStream)) return undefined
    try {
      parts.push(decodePDFRawStream(stream).decode(), new Uint8Array([0x0a]))
    } catch {
      return undefined
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
