/**
 * Decode the bytes of a text file: UTF-8 (with or without BOM) or UTF-16
 * with a BOM, then NFC and `\n` line endings.
 */

/** Decode `bytes` to NFC text with `\n` newlines; throws on invalid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  let text: string
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le', {fatal: true}).decode(bytes.subarray(2))
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be', {fatal: true}).decode(bytes.subarray(2))
  } else {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
    text = new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(start))
  }
  return normalizeText(text)
}

/** NFC, `\n` line endings, no NUL, no stray BOM, Ð (U+00D0) as Đ (U+0110). */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000\ufeff]/g, '')
    .replace(/\u00d0/g, '\u0110')
    .normalize('NFC')
}
