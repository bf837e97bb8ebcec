import {describe, expect, it} from 'vitest'
import {tokenize} from '../../src/vietnamese/tokenize.js'

describe('tokenize', () => {
  it('should split words, numbers, codes and punctuation with offsets', () => {
    const text = 'Số: 15 /KH-UBND ngày 27/8/2025 (PAR Index), S6 c}}é.'
    const tokens = tokenize(text)
    expect(tokens.map((t) => [t.text, t.kind])).toEqual([
      ['Số', 'word'], [':', 'punct'], ['15', 'number'], ['/', 'punct'], ['KH', 'word'], ['-', 'punct'],
      ['UBND', 'word'], ['ngày', 'word'], ['27/8/2025', 'number'], ['(', 'punct'], ['PAR', 'word'],
      ['Index', 'word'], [')', 'punct'], [',', 'punct'], ['S6', 'code'], ['c}}é', 'mixed'], ['.', 'punct']
    ])
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text)
  })

  it('should keep codes whole and mark line starts', () => {
    const tokens = tokenize('Nghị quyết số 76/NQ-CP\nngày')
    expect(tokens.map((t) => t.text)).toEqual(['Nghị', 'quyết', 'số', '76/NQ-CP', 'ngày'])
    expect(tokens[3].kind).toBe('code')
    expect(tokens[4].lineBefore).toBe(true)
    expect(tokens[3].lineBefore).toBe(false)
  })
})
