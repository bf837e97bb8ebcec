/**
 * Unicode → TCVN3 or VNI, as Windows-1252 characters (the inverse of
 * `src/read/encoding/legacy.ts`, from the same tables): to make legacy
 * fixtures. A letter the encoding cannot write (TCVN3 has no capitals with
 * tones) is written in lower case, as a typist would have had to.
 */
import {legacyTableSource, type LegacyEncoding} from '../../src/read/encoding/legacy.js'

/** `text` in `encoding`, each byte as its Windows-1252 character. */
export function toLegacy(text: string, encoding: LegacyEncoding): string {
  const source = legacyTableSource(encoding)
  const inverse = new Map<string, string>()
  for (const [hex, ch] of Object.entries({...source.characters, ...source.vn2})) {
    const byte = new TextDecoder('windows-1252').decode(Uint8Array.of(parseInt(hex, 16)))
    if (!inverse.has(ch)) inverse.set(ch, byte)
  }
  for (const [sequence, ch] of Object.entries(source.sequences ?? {})) {
    const known = inverse.get(ch)
    if (known === undefined || [...sequence].length < [...known].length) inverse.set(ch, sequence)
  }
  let out = ''
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) out += ch
    else out += inverse.get(ch) ?? inverse.get(ch.toLowerCase()) ?? ch
  }
  return out
}

/** The bytes of a legacy string (Windows-1252 characters back to bytes). */
export function legacyBytes(legacy: string): Buffer {
  const table = new Map<string, number>()
  const decoder = new TextDecoder('windows-1252')
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b)
  return Buffer.from([...legacy].map((ch) => table.get(ch) ?? 0x3f))
}
