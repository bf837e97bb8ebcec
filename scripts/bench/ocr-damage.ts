/**
 * OCR-like damage for benchmarks: each letter of a correct text replaced by a
 * reading drawn from the OCR confusion counts (`models/ocr-confusions.json`:
 * how Tesseract's English model read each Vietnamese letter on rendered
 * pages), so that a large body of text gets damage of the measured kind with
 * no two documents damaged alike. Letters are drawn independently, so the
 * text has more distinct damaged tokens than a real OCR run, whose errors
 * repeat: no easier an input for the OCR search (the README's restore
 * section compares the two on the same pages).
 */
import type {ChannelCounts} from '../../src/diacritics/learn-channel.js'
import {createRandom} from '../../src/fixture/prng.js'

/** `text` with every letter the counts know replaced by a reading drawn from its counts (seeded: the same text each time). */
export function damage(text: string, counts: ChannelCounts, seed = 13): string {
  const rows = new Map(
    Object.entries(counts.emissions).map(([letter, readings]) => {
      const entries = Object.entries(readings)
      return [letter, {entries, total: entries.reduce((sum, [, n]) => sum + n, 0)}] as const
    })
  )
  const random = createRandom(seed)
  let out = ''
  for (const char of text) {
    const lower = char.toLowerCase()
    const row = rows.get(lower)
    if (row === undefined || row.total === 0) {
      out += char
      continue
    }
    let left = random.next() * row.total
    let reading = lower
    for (const [r, n] of row.entries) {
      left -= n
      if (left < 0) {
        reading = r
        break
      }
    }
    out += lower === char ? reading : reading.toUpperCase()
  }
  return out
}
