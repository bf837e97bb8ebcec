/**
 * `read`: any input file → a VFile with the text (NFC, `\n`) and, for PDFs
 * and images, the layout (pages → lines → words with boxes and confidence).
 *
 * The route is chosen by content (magic bytes), never by extension: text
 * (UTF-8, UTF-16, Windows-1258, TCVN3, VNI), PDF (text layer, or render +
 * OCR when it is missing or garbage), PNG, JPEG, TIFF, WebP (OCR), Word
 * (DOCX, DOC). Unreadable input throws a `ReadError` naming the file and
 * the reason (`read:unreadable`), and so does input with no text at all
 * (`read:no-text`: empty, only whitespace, no page, nothing OCR could
 * read); messy content never throws.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {VFile} from 'vfile'
import {describeValue} from '../util/describe-value.js'
import '../vfile-data.js'
import {decodeTextWithEncoding} from './decode-text.js'
import {EncodingError} from './encoding/decode.js'
import type {ReadContext, ReadOptions} from './read-context.js'
import {fileSystemError, ReadError} from './read-error.js'
import {assertText, emptyReason} from './no-text.js'
import {createOcrPool, type OcrPool} from './ocr-pool.js'
import {sniff} from './sniff.js'
import type {SourceInfo} from './types.js'

export type {PageCache, ReadContext, ReadOptions, ReadProgress} from './read-context.js'
export type {PageInput} from './layout/compose.js'
export {fileSystemError, fileSystemReason, fileSystemReasons, ReadError, readFailures, type ReadFailure} from './read-error.js'
export {createOcrPool, defaultLangPath} from './ocr-pool.js'
export type {OcrPool, OcrPoolOptions, OcrResult, OcrLine, OcrWord, RecognizeOptions} from './ocr-pool.js'
export type {PreprocessOptions} from './ocr-page.js'
export {judgeTextLayer, type TextLayerQuality} from '../vietnamese/text-layer.js'
export {sniff, type InputKind, type Sniffed} from './sniff.js'

/** Read a file (a path), bytes, or a VFile (its `value`, or its `path` when it has no value). */
export async function read(input: string | Uint8Array | VFile, options: ReadOptions = {}): Promise<VFile> {
  const {bytes, path} = await load(input)
  const name = path ?? '<bytes>'
  if (bytes.length === 0) throw new ReadError(name, emptyReason, {ruleId: 'no-text'})
  const sniffed = sniff(bytes)
  if (!sniffed.supported) throw new ReadError(name, sniffed.reason)
  const file = new VFile(path ? {path} : {})
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  let own: OcrPool | undefined
  const context: ReadContext = {
    name,
    sha256,
    options,
    pool: () => options.ocr ?? (own ??= createOcrPool())
  }
  try {
    let source: SourceInfo
    if (sniffed.kind === 'text') {
      let decoded
      try {
        decoded = decodeTextWithEncoding(bytes)
      } catch (error) {
        if (error instanceof EncodingError) throw new ReadError(name, error.message, {cause: error})
        throw error
      }
      file.value = decoded.text
      source = {path, sha256, mediaType: sniffed.mediaType, pages: 0, route: 'text'}
      if (decoded.encoding !== 'utf-8') source.encoding = decoded.encoding
    } else if (sniffed.kind === 'docx' || sniffed.kind === 'doc') {
      // Loaded when needed: a batch of text files and PDFs (and each fresh bulk worker) need not load the ZIP, XML and DOC readers.
      const result =
        sniffed.kind === 'docx'
          ? await (await import('./read-docx.js')).readDocx(file, bytes, context)
          : await (await import('./read-doc.js')).readDoc(file, bytes, context)
      source = {path, sha256, mediaType: sniffed.mediaType, pages: 0, route: sniffed.kind}
      if (result.encoding) source.encoding = result.encoding
    } else if (sniffed.kind === 'pdf') {
      // Loaded when needed too, as the images' reader: text and Word files need neither canvas nor the layout code.
      const result = await (await import('./read-pdf.js')).readPdf(file, bytes, context)
      source = {path, sha256, mediaType: sniffed.mediaType, pages: result.pages, route: result.route}
      if (result.confidence !== undefined) source.ocrConfidence = result.confidence
      if (result.encoding) source.encoding = result.encoding
    } else {
      const result = await (await import('./read-image.js')).readImage(file, bytes, sniffed.kind, context.pool(), context)
      source = {path, sha256, mediaType: sniffed.mediaType, pages: result.pages, route: 'ocr', ocrConfidence: result.confidence}
    }
    assertText(String(file.value), name, {kind: sniffed.kind, pages: source.pages})
    file.data.source = source
    return file
  } finally {
    if (own) await own.terminate()
  }
}

async function load(input: string | Uint8Array | VFile): Promise<{bytes: Uint8Array; path: string | null}> {
  if (typeof input === 'string') return {bytes: await readPath(input), path: input}
  if (input instanceof Uint8Array) return {bytes: input, path: null}
  if (!(input instanceof VFile)) {
    throw new TypeError(`read: expected a file path (a string), bytes (a Uint8Array) or a VFile, got ${describeValue(input)}`)
  }
  const path = input.path ?? null
  if (input.value === undefined || input.value === null) {
    if (!path) throw new ReadError('<vfile>', 'VFile with neither value nor path')
    return {bytes: await readPath(path), path}
  }
  const bytes = typeof input.value === 'string' ? new TextEncoder().encode(input.value) : input.value
  return {bytes, path}
}

async function readPath(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (error) {
    throw fileSystemError(path, error)
  }
}
