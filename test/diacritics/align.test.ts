import {describe, expect, it} from 'vitest'
import {align, editDistance, tokenDistance, wordPairs} from '../../src/diacritics/align.js'

describe('align', () => {
  it('should measure edit distance and mark-free token distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(tokenDistance('Người', 'nguoi')).toBe(0)
    expect(tokenDistance('xã', 'x4')).toBe(0.5)
  })

  it('should align sequences with gaps on either side, whatever their lengths', () => {
    const a = ['a', 'b', 'c', 'd']
    const b = ['a', 'c', 'd', 'e']
    expect(align(a, b, (x, y) => (x === y ? 0 : 1))).toEqual([[0, 0], [1, -1], [2, 1], [3, 2], [-1, 3]])
    // Long runs of gaps (floating-point sums of the gap cost) must still end.
    const many = Array.from({length: 57}, (_, i) => String(i))
    expect(align(many, [], () => 1, 0.7)).toHaveLength(57)
    expect(align([], many, () => 1, 0.7)).toHaveLength(57)
  })

  it('should pair printed and read words line by line', () => {
    const printed = 'Số: 15/KH-UBND ngày 9 tháng 9\nCải cách hành chính xã Nguyễn Giáp'
    const read = 'S6: 15/KH-UBND ngay 9 thang 9\n\nCai cach hanh chinh x4 Nguyén Gidp'
    const pairs = wordPairs(printed, read)
    expect(pairs).toContainEqual(['Số', 'S6'])
    expect(pairs).toContainEqual(['xã', 'x4'])
    expect(pairs).toContainEqual(['Giáp', 'Gidp'])
    expect(pairs).toHaveLength(13)
  })
})
