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

describe('OCR candidates', () => {
  it('should find the syllables OCR likely read as a token, from the shipped channel', () => {
    const {channel} = loadModel()
    expect(channel).not.toBeNull()
    const words = (read: string) => channel!.candidates(read).map((c) => c.word)
    expect(words('x4')).toContain('xã')
    expect(words('d6i')).toContain('đối')
    expect(words('s6')).toContain('số')
    expect(words('ndm')).toContain('năm')
    expect(words('ctia')).toContain('của')
    expect(words('1a')).toContain('là')
    expect(words('c}}é')).toContain('chế')
    // Scores are log10 probabilities: reading a syllable as itself is likelier than a confusion.
    const [best] = channel!.candidates('ban')
    expect(best.score).toBeGreaterThan(channel!.score('bản', 'ban') - 1e-9)
    expect(channel!.score('xã', 'x4')).toBeLessThan(channel!.score('xã', 'xa'))
    expect(words('ubnd')).not.toContain('ubnd')
  })
})
