import {describe, expect, it} from 'vitest'
import {addMarksCounts, countMarks, emptyMarksCounts, marksOf, marksScore, marksTableFromCounts} from '../../src/diacritics/marks-channel.js'

describe('marksOf', () => {
  it('splits a word into its tone and toneless letters, valid syllable or not', () => {
    expect(marksOf('Tổng')).toEqual({tone: 3, bases: ['t', 'ô', 'n', 'g']})
    expect(marksOf('đãn')).toEqual({tone: 4, bases: ['đ', 'a', 'n']})
    expect(marksOf('thií')).toEqual({tone: 1, bases: ['t', 'h', 'i', 'i']})
  })

  it('gives null for two tones or a character that is no Vietnamese letter', () => {
    expect(marksOf('tốả')).toBeNull()
    expect(marksOf('t0')).toBeNull()
  })
})

describe('countMarks', () => {
  const counts = countMarks(
    [
      ['tổ', 'tố'],
      ['tổ', 'tổ'],
      ['thể', 'thế'],
      ['trọng', 'trong'],
      ['dân', 'đân'],
      ['chức', 'chúc'],
      // Different letters: another kind of damage, not counted.
      ['phường', 'phường.'],
      ['nhân', 'nhăn'],
      ['số', 'so6']
    ],
    emptyMarksCounts('test')
  )

  it('counts tones and quality marks of pairs with the same letters only', () => {
    expect(counts.pairs).toBe(7)
    expect(counts.tones[3][1]).toBe(2)
    expect(counts.tones[3][3]).toBe(1)
    expect(counts.tones[5][0]).toBe(1)
    expect(counts.letters['ư']['u']).toBe(1)
    expect(counts.letters['d']['đ']).toBe(1)
    expect(counts.letters['â']['ă']).toBe(1)
  })

  it('pools sources with weights', () => {
    const pooled = addMarksCounts([
      {counts, weight: 1},
      {counts, weight: 2}
    ])
    expect(pooled.tones[3][1]).toBe(6)
    expect(pooled.pairs).toBe(21)
  })
})

describe('marksScore', () => {
  const pairs: Array<[string, string]> = []
  for (let i = 0; i < 90; i++) pairs.push(['tổ', 'tổ'], ['tố', 'tố'], ['thơ', 'thơ'])
  for (let i = 0; i < 10; i++) pairs.push(['tổ', 'tố'])
  const table = marksTableFromCounts(countMarks(pairs, emptyMarksCounts('test')))

  it('likes the word as read best, a common confusion next, an unseen one least', () => {
    const same = marksScore(table, 'tổ', 'tổ')
    const common = marksScore(table, 'tổ', 'tố')
    const rare = marksScore(table, 'tổ', 'tộ')
    expect(same).toBeGreaterThan(common)
    expect(common).toBeGreaterThan(rare)
    expect(same).toBeLessThan(0)
  })

  it('scores quality marks letter by letter and rejects different letters', () => {
    expect(marksScore(table, 'thơ', 'thô')).toBeLessThan(marksScore(table, 'thơ', 'thơ'))
    expect(marksScore(table, 'thơ', 'the')).toBe(-Infinity)
    expect(marksScore(table, 'tổ', 'tổa')).toBe(-Infinity)
  })
})
