import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {textQuality} from '../../src/vietnamese/quality.js'

const seed = (n: string) => readFileSync(new URL(`../../fixtures/seed-${n}/input.txt`, import.meta.url), 'utf8')

describe('textQuality', () => {
  it('should see clean Vietnamese as valid and marked', () => {
    const q = textQuality(seed('000'))
    expect(q.syllables).toBeGreaterThan(1000)
    expect(q.validShare).toBeGreaterThan(0.97)
    expect(q.markedShare).toBeGreaterThan(0.5)
    expect(q.vietnameseOnlyShare).toBeGreaterThan(0.3)
  })

  it('should see English-model OCR output as mostly invalid with no Vietnamese-only letter', () => {
    const q = textQuality(seed('002'))
    expect(q.validShare).toBeLessThan(0.8)
    expect(q.vietnameseOnlyShare).toBeLessThan(0.01)
  })

  it('should see stripped text as unmarked', () => {
    const q = textQuality('Cai cach thu tuc hanh chinh nha nuoc, UBND xa 76/NQ-CP')
    expect(q.markedShare).toBe(0)
    expect(q.syllables).toBe(9)
  })
})
