import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/diacritics/load-model.js'

describe('stripped candidates', () => {
  it('should offer every vocabulary syllable with the same letters, most frequent first', () => {
    const {stripped} = loadModel()
    const cai = stripped.get('cai')!
    expect(cai.words).toContain('cải')
    expect(cai.words).toContain('cái')
    expect(cai.words).toContain('cai')
    for (const w of cai.words) expect(w.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd')).toBe('cai')
    const duoc = stripped.get('duoc')!
    expect(duoc.words[0]).toBe('được')
    expect(stripped.get('ubnd')).toBeUndefined()
  })
})
