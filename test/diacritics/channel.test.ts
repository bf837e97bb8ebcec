import {describe, expect, it} from 'vitest'
import {alignLetters, learnChannel, readingLogProb, type ChannelPair} from '../../src/diacritics/learn-channel.js'

describe('OCR channel learning', () => {
  it('should align letters with what was read, a letter becoming 0–3 characters', () => {
    const cost = (letter: string, reading: string) => (reading === letter ? 0 : reading.length === 1 ? 2 : 3)
    expect(alignLetters([...'xã'], [...'x4'], cost)).toEqual(['x', '4'])
    expect(alignLetters([...'bộ'], [...'b'], cost)).toEqual(['b', ''])
    expect(alignLetters([...'chế'], [...'c}}é'], cost)?.join('|')).toMatch(/^c\|/)
  })

  it('should learn the confusions of the pairs it is given', () => {
    const pairs: ChannelPair[] = []
    for (let i = 0; i < 40; i++) pairs.push(['xã', 'x4'], ['có', 'c6'], ['số', 's6'], ['các', 'cac'], ['là', 'la'], ['của', 'ctia'])
    for (let i = 0; i < 10; i++) pairs.push(['xã', 'xa'], ['UBND', 'UBND'], ['2025', '2025'])
    pairs.push(['HĐND', 'HDND'])
    const table = learnChannel(pairs, 'test')
    expect(table.source.pairs).toBe(pairs.length)
    // ã was read as 4 four times out of five.
    expect(readingLogProb(table, 'ã', '4')).toBeGreaterThan(Math.log10(0.6))
    expect(readingLogProb(table, 'ã', 'a')).toBeLessThan(readingLogProb(table, 'ã', '4'))
    expect(readingLogProb(table, 'ố', '6')).toBeGreaterThan(-0.2)
    expect(readingLogProb(table, 'ủ', 'ti')).toBeGreaterThan(-0.2)
    // Unseen readings are possible but unlikely; longer ones less so.
    expect(readingLogProb(table, 'ã', 'q')).toBeLessThan(-2)
    expect(readingLogProb(table, 'ã', 'qq')).toBeLessThan(readingLogProb(table, 'ã', 'q'))
    // Tokens that are not Vietnamese were read as printed 20 times out of 21.
    expect(table.identity).toBeGreaterThan(Math.log10(0.85))
  })
})
