/**
 * Decode the bytes of a text file (`encoding/decode.ts`: UTF-8, UTF-16,
 * Windows-1258, TCVN3, VNI), then NFC and `\n` line endings.
 */
import {decodeBytes, type TextEncoding} from './encoding/decode.js'

/** Decode `bytes` to NFC text with `\n` newlines; throws an `EncodingError` on bytes that are text in no encoding we read. */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextWithEncoding(bytes).text
}

/** `decodeText`, and the encoding the text was read from. */
export function decodeTextWithEncoding(bytes: Uint8Array): {text: string; encoding: TextEncoding} {
  const decoded = decodeBytes(bytes)
  return {text: normalizeText(decoded.text), encoding: decoded.encoding}
}

/** NFC, `\n` line endings, no NUL, no stray BOM, Ð (U+00D0) as Đ (U+0110). */
export function normalizeText(text: string): string {
  // Most texts (every cell of a table) hold none of the characters replaced: NFC is all there is to do.
  if (!/[\r\u0000\ufeff\u00d0]/.test(text)) return text.normalize('NFC')
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000\ufeff]/g, '')
    .replace(/\u00d0/g, '\u0110')
    .normalize('NFC')
}
