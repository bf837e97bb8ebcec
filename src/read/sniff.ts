/**
 * Route by content: recognise a file's format from its first bytes, never
 * from its name.
 */
import {guessUtf16} from './encoding/utf16.js'

/** The formats `read` handles. */
export type InputKind = 'text' | 'pdf' | 'png' | 'jpeg' | 'tiff' | 'webp' | 'docx' | 'doc'

/** What the first bytes say: a supported kind with its media type, or why not. */
export type Sniffed =
  | {supported: true; kind: InputKind; mediaType: string}
  | {supported: false; reason: string}

const mediaTypes: Record<InputKind, string> = {
  text: 'text/plain',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword'
}

/** Formats we recognise but do not read, by magic bytes, to say what a file is. */
const unsupported: Array<{magic: number[]; offset?: number; name: string}> = [
  {magic: [0x50, 0x4b, 0x03, 0x04], name: 'ZIP archive (XLSX, PPTX, ODT?)'},
  {magic: [0x50, 0x4b, 0x05, 0x06], name: 'empty ZIP archive'},
  {magic: [0xd0, 0xcf, 0x11, 0xe0], name: 'legacy Office document (XLS, PPT?)'},
  {magic: [0x47, 0x49, 0x46, 0x38], name: 'GIF image'},
  {magic: [0x42, 0x4d], name: 'BMP image'},
  {magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'RTF document'},
  {magic: [0x1f, 0x8b], name: 'gzip archive'},
  {magic: [0x41, 0x54, 0x26, 0x54, 0x46, 0x4f, 0x52, 0x4d], name: 'DjVu document'}
]

function startsWith(bytes: Uint8Array, magic: number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false
  return magic.every((b, i) => bytes[offset + i] === b)
}

const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function contains(bytes: Uint8Array, text: string, encoding: 'latin1' | 'utf16le'): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, encoding))
}

/** An Office file encrypted with a password: the OLE wrapper of an encrypted DOCX (`EncryptedPackage`). */
function isEncryptedOle(bytes: Uint8Array): boolean {
  return contains(bytes, 'EncryptedPackage', 'utf16le')
}

/** Recognise `bytes` by their magic numbers; anything else that decodes as text is text. */
export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return {supported: false, reason: 'empty file'}
  const kind = sniffKind(bytes)
  if (kind) return {supported: true, kind, mediaType: mediaTypes[kind]}
  if (startsWith(bytes, oleMagic) && isEncryptedOle(bytes)) return {supported: false, reason: 'encrypted Office document (password required)'}
  for (const u of unsupported) {
    if (startsWith(bytes, u.magic, u.offset)) return {supported: false, reason: `unsupported format: ${u.name}`}
  }
  if (looksLikeText(bytes)) return {supported: true, kind: 'text', mediaType: mediaTypes.text}
  return {supported: false, reason: 'unsupported format: binary data that is neither text, PDF, PNG, JPEG, TIFF, WebP, DOCX nor DOC'}
}

function sniffKind(bytes: Uint8Array): InputKind | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
  // A Word file: a ZIP with parts under `word/`, or an OLE compound file with a `WordDocument` stream (names in UTF-16LE).
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && contains(bytes, 'word/', 'latin1')) return 'docx'
  if (startsWith(bytes, oleMagic) && contains(bytes, 'WordDocument', 'utf16le') && !isEncryptedOle(bytes)) return 'doc'
  // `%PDF-` may follow some junk (a mail header, a BOM): the spec allows it within the first 1024 bytes.
  const head = bytes.subarray(0, 1024)
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return 'pdf'
  }
  return undefined
}

/** UTF-16 (with a BOM, or by its byte pattern), or bytes without NUL and with few control characters (the encoding is worked out when decoding). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true
  if (guessUtf16(bytes)) return true
  const sample = bytes.subarray(0, 65536)
  let control = 0
  for (const b of sample) {
    if (b === 0) return false
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++
  }
  return control <= sample.length / 100
}
