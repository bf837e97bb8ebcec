/**
 * Character and word error rates of recognised text against the expected
 * text, both NFC with whitespace collapsed (line breaks do not count).
 */
import {distance} from 'fastest-levenshtein'

function normalize(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Character error rate: edit distance / expected length, 0.. (0 = identical). */
export function characterErrorRate(actual: string, expected: string): number {
  const e = normalize(expected)
  return e.length === 0 ? (normalize(actual).length === 0 ? 0 : 1) : distance(normalize(actual), e) / e.length
}

/** Word error rate: word-level edit distance / expected word count. */
export function wordErrorRate(actual: string, expected: string): number {
  const words = new Map<string, string>()
  // Map each distinct word to one code point, then reuse the character distance.
  const encode = (text: string) =>
    normalize(text)
      .split(' ')
      .filter(Boolean)
      .map((w) => {
        let c = words.get(w)
        if (c === undefined) {
          c = String.fromCodePoint(0xe000 + words.size)
          words.set(w, c)
        }
        return c
      })
      .join('')
  const e = encode(expected)
  const a = encode(actual)
  return e.length === 0 ? (a.length === 0 ? 0 : 1) : distance(a, e) / e.length
}
