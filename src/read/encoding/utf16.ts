/**
 * UTF-16 without a byte-order mark, recognised by its byte pattern: text
 * that is mostly Latin letters, digits and spaces has a zero high byte in
 * most code units, so one byte of each pair (the odd ones little-endian,
 * the even ones big-endian) is mostly NUL and the other almost never; and
 * the characters it decodes to are those of Vietnamese text (Latin,
 * Vietnamese letters, punctuation), not controls.
 */

/** The UTF-16 byte order `bytes` look like (without a BOM), or undefined. */
export function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 65536) & ~1
  if (n < 16) return undefined
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = n / 2
  // Vietnamese keeps about half its letters in U+00xx–U+01xx and the rest in U+1Exx: a third of the pairs with a NUL is plenty.
  const order = oddZeros >= 0.3 * pairs && evenZeros <= 0.02 * pairs ? 'utf-16le' : evenZeros >= 0.3 * pairs && oddZeros <= 0.02 * pairs ? 'utf-16be' : undefined
  if (!order) return undefined
  const text = new TextDecoder(order).decode(bytes.subarray(0, n))
  let usual = 0
  let controls = 0
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== '\f') controls++
    else if (c < 0x250 || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < 0x2070) || (c >= 0x300 && c < 0x370)) usual++
  }
  const count = text.length
  return controls <= 0.01 * count && usual >= 0.9 * count ? order : undefined
}
