/**
 * The benchmark's OCR-like damage (`scripts/bench/ocr-damage.ts`): readings
 * drawn as the confusion counts say, seeded, case and non-letters kept.
 */
import {describe, expect, it} from 'vitest'
import {damage} from '../../scripts/bench/ocr-damage.js'
import type {ChannelCounts} from '../../src/diacritics/learn-channel.js'

const counts: ChannelCounts = {
  emissions: {a: {a: 3, o: 1}, đ: {d: 1}, ố: {'6': 1}},
  identity: {same: 1, total: 1},
  pairs: 0,
  description: 'test'
}

describe('damage', () => {
  it('should replace each letter by a reading its counts give, keeping case and what the counts lack', () => {
    expect(damage('Đố: b 12, x.', counts)).toBe('D6: b 12, x.')
    expect(damage('ĐĐ', counts)).toBe('DD')
  })

  it('should draw readings in the counts’ shares, the same for the same seed', () => {
    const text = 'a'.repeat(20_000)
    const once = damage(text, counts)
    expect(damage(text, counts)).toBe(once)
    expect(damage(text, counts, 14)).not.toBe(once)
    const kept = [...once].filter((c) => c === 'a').length / text.length
    expect(kept).toBeGreaterThan(0.73)
    expect(kept).toBeLessThan(0.77)
    expect(once.replace(/[ao]/g, '')).toBe('')
  })
})
