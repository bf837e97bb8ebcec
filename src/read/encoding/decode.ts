/**
 * Decode the bytes of a text file whatever its encoding: UTF-8 (with or
 * without BOM), UTF-16 (with a BOM, or recognised by its byte pattern), and
 * the Vietnamese 8-bit encodings — Windows-1258, TCVN3 (ABC) and VNI — when
 * the bytes are not UTF-8; UTF-8 text that is TCVN3 or VNI read as
 * Windows-1252 ("Uû ban nh©n d©n", a converter's or a copy-paste's mojibake)
 * is converted too. The candidate that reads most like Vietnamese wins; text
 * that is none of these fails with the reason.
 */
import {measureText, textLayerThresholds, type TextMeasures} from '../../vietnamese/text-layer.js'
import {fromLegacy, legacyEncodings, type LegacyEncoding} from './legacy.js'
import {guessUtf16} from './utf16.js'

/** The encoding a text was read from. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | LegacyEncoding

/** Text and the encoding it was read from (not yet NFC or `\n`-normalised). */
export interface Decoded {
  text: string
  encoding: TextEncoding
}

/** Bytes that are text in no encoding we read; `message` is the reason. */
export class EncodingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EncodingError'
  }
}

/** Decode `bytes`; throws an `EncodingError` saying what they are not. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: utf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le'}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: utf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be'}
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(start)
  let text: string | undefined
  try {
    text = new TextDecoder('utf-8', {fatal: true}).decode(body)
  } catch {
    text = undefined
  }
  if (text !== undefined) {
    // Valid UTF-8 with NULs in a UTF-16 pattern is UTF-16 without a BOM.
    const order = start === 0 && text.includes('\u0000') ? guessUtf16(bytes) : undefined
    if (order) return {text: utf16(bytes, order), encoding: order}
    const repaired = repairMojibake(text)
    return repaired ?? {text, encoding: 'utf-8'}
  }
  const order = guessUtf16(bytes)
  if (order) return {text: utf16(bytes, order), encoding: order}
  const best = bestVietnamese(eightBitCandidates(body))
  if (best) return best
  throw new EncodingError(`text in an encoding sohoa does not read: not UTF-8 (${invalidUtf8At(body)}), not UTF-16, and not Vietnamese in Windows-1258, TCVN3 or VNI`)
}

function utf16(bytes: Uint8Array, order: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(order, {fatal: true}).decode(bytes)
  } catch {
    throw new EncodingError(`invalid ${order.toUpperCase()} text (an unpaired surrogate or an odd byte count)`)
  }
}

/** The readings of 8-bit bytes: Windows-1258 and the legacy encodings. */
function eightBitCandidates(bytes: Uint8Array): Decoded[] {
  const latin = new TextDecoder('windows-1252').decode(bytes)
  return [
    {text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'windows-1258'},
    ...legacyEncodings.map((encoding) => ({text: fromLegacy(latin, encoding), encoding}))
  ]
}

/**
 * Characters of Windows-1252 that TCVN3 or VNI text read as such is full of
 * and Vietnamese in Unicode never has: Latin-1 punctuation and letters
 * other than the Vietnamese ones (à á â ã è é ê ì í ò ó ô õ ù ú ý and
 * capitals), the no-break space aside; and the TCVN3 ư (U+00AD).
 */
const legacyTrace = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/gu

/**
 * Whether `text` has the characters TCVN3 or VNI text read as Windows-1252
 * is full of: three or more, and one in two hundred characters (a few `m²`
 * or `25°C` in Unicode text are not enough).
 */
export function hasLegacyTrace(text: string): boolean {
  const count = text.match(legacyTrace)?.length ?? 0
  return count >= 3 && count >= text.length / 200
}

/**
 * Unicode text that is TCVN3 or VNI read as Windows-1252, converted; null
 * when the text does not read better converted (the usual case).
 */
export function repairMojibake(text: string): Decoded | null {
  if (!hasLegacyTrace(text)) return null
  const best = bestVietnamese(legacyEncodings.map((encoding) => ({text: fromLegacy(text, encoding), encoding})))
  if (!best) return null
  return score(vietnameseness(best.text)) > score(vietnameseness(text)) + 0.1 ? best : null
}

/** How Vietnamese a text reads (the measures of `judgeTextLayer`). */
export type Vietnameseness = TextMeasures

/** Measure how Vietnamese `text` reads (the measures of `judgeTextLayer`, mixed case counting against). */
export function vietnameseness(text: string): Vietnameseness {
  return measureText(text, {strictCase: true})
}

/** The candidate that reads most like Vietnamese, or null when none does. */
function bestVietnamese(candidates: Decoded[]): Decoded | null {
  let best: Decoded | null = null
  let bestScore = -1
  for (const candidate of candidates) {
    const measured = vietnameseness(candidate.text)
    if (!readsVietnamese(measured)) continue
    const s = score(measured)
    if (s > bestScore) {
      best = candidate
      bestScore = s
    }
  }
  return best
}

/** Enough letters to judge, enough Vietnamese-only letters and plausible syllables (the thresholds of a good PDF text layer). */
function readsVietnamese(m: Vietnameseness): boolean {
  return m.letters >= textLayerThresholds.minLetters && m.vietnameseLetterShare >= textLayerThresholds.minVietnameseLetterShare && m.syllableShare >= textLayerThresholds.minSyllableShare
}

/** One number to rank readings: plausible syllables, plus Vietnamese-only letters up to their usual share. */
function score(m: Vietnameseness): number {
  return m.syllableShare + Math.min(m.vietnameseLetterShare, 0.25)
}

/** Where UTF-8 decoding fails, in words (`byte 0xE9 at offset 12`). */
function invalidUtf8At(bytes: Uint8Array): string {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = length > 0 && i + length <= bytes.length
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80
    if (!ok) break
    i += length
  }
  return i < bytes.length ? `byte 0x${bytes[i].toString(16).toUpperCase().padStart(2, '0')} at offset ${i}` : 'truncated at the end'
}
