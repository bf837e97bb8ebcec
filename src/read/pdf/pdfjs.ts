/**
 * Load pdf.js (the legacy build, for Node) and open documents the one safe
 * way: `isEvalSupported: false`, no font faces, every resource (CMaps,
 * standard fonts, wasm decoders) from the installed package, never fetched.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import type {PDFDocumentProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {ReadError} from '../read-error.js'

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let loading: Promise<Pdfjs> | undefined

/** The pdf.js module, loaded once. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return loading
}

function packageFolder(): string {
  const require = createRequire(import.meta.url)
  return path.dirname(require.resolve('pdfjs-dist/package.json'))
}

/** Open a PDF from its bytes; an unreadable one throws a `ReadError` naming `name`. */
export async function openPdf(bytes: Uint8Array, name: string): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs()
  const root = packageFolder()
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    wasmUrl: path.join(root, 'wasm') + path.sep,
    verbosity: 0
  })
  try {
    return await task.promise
  } catch (error) {
    await task.destroy().catch(() => {})
    const e = error as {name?: string; code?: number; message?: string}
    if (e.name === 'PasswordException') throw new ReadError(name, 'encrypted PDF (password required)', {cause: error})
    if (e.name === 'InvalidPDFException') throw new ReadError(name, `corrupt PDF (${e.message ?? 'invalid structure'})`, {cause: error})
    throw new ReadError(name, `unreadable PDF (${e.message ?? String(error)})`, {cause: error})
  }
}
