import {describe, expect, it} from 'vitest'
import {forEachRun, isSpaceCode, tokenize} from '../../src/vietnamese/tokenize.js'

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

describe('runs of non-space characters', () => {
  it('should know white space as /\\s/ does, for every UTF-16 unit', () => {
    const differ: number[] = []
    for (let code = 0; code < 0x10000; code++) if (isSpaceCode(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code)
    expect(differ).toEqual([])
  })

  it('should find the runs /\\S+/g finds', () => {
    const text = ' Xã\u00a0Nguyên Giáp,\tngày 5/7\u2003(2025)\r\n\n  «Điều 1»\u3000x\ufeffy '
    const runs: string[] = []
    forEachRun(text, (start, end) => runs.push(text.slice(start, end)))
    expect(runs).toEqual(text.match(/\S+/g))
    expect(runs).toContain('Xã')
  })
})
