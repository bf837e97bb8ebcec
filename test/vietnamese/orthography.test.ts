import {describe, expect, it} from 'vitest'
import {isMarked, isVietnameseOnly, stripMarks, stripTones} from '../../src/vietnamese/letters.js'
import {allSyllables, canonical, compose, decompose, isValidSyllable, tonePosition} from '../../src/vietnamese/orthography.js'

describe('letters', () => {
  it('should strip every mark and keep case', () => {
    expect(stripMarks('Người Đồng THỦY')).toBe('Nguoi Dong THUY')
    expect(stripTones('Người Đồng')).toBe('Ngươi Đông')
  })
  it('should tell Vietnamese-only letters from Latin-1 ones', () => {
    expect(isVietnameseOnly('ơ')).toBe(true)
    expect(isVietnameseOnly('ạ')).toBe(true)
    expect(isVietnameseOnly('Đ')).toBe(true)
    expect(isVietnameseOnly('é')).toBe(false)
    expect(isVietnameseOnly('a')).toBe(false)
    expect(isMarked('é')).toBe(true)
    expect(isMarked('e')).toBe(false)
  })
})

describe('orthography', () => {
  it('should decompose a syllable into onset, rhyme and tone', () => {
    expect(decompose('người')).toEqual({onset: 'ng', rhyme: 'ươi', tone: 2})
    expect(decompose('Quyết')).toEqual({onset: 'qu', rhyme: 'yêt', tone: 1})
    expect(decompose('giữ')).toEqual({onset: 'gi', rhyme: 'ư', tone: 4})
    expect(decompose('gì')).toEqual({onset: 'g', rhyme: 'i', tone: 2})
    expect(decompose('ĐƯỢC')).toEqual({onset: 'đ', rhyme: 'ươc', tone: 5})
  })

  it('should compose with the tone on the first of two open vowels (hòa, thủy, khỏe)', () => {
    expect(compose({onset: 'h', rhyme: 'oa', tone: 2})).toBe('hòa')
    expect(compose({onset: 'th', rhyme: 'uy', tone: 3})).toBe('thủy')
    expect(compose({onset: 'kh', rhyme: 'oe', tone: 3})).toBe('khỏe')
    expect(compose({onset: 'm', rhyme: 'ua', tone: 2})).toBe('mùa')
  })

  it('should put the tone on a marked vowel, the last vowel of a closed syllable, the middle of three', () => {
    expect(compose({onset: 'ng', rhyme: 'ươi', tone: 2})).toBe('người')
    expect(compose({onset: 'h', rhyme: 'oan', tone: 2})).toBe('hoàn')
    expect(compose({onset: 'ng', rhyme: 'oai', tone: 2})).toBe('ngoài')
    expect(compose({onset: 'kh', rhyme: 'uyu', tone: 3})).toBe('khuỷu')
    expect(compose({onset: 'qu', rhyme: 'y', tone: 1})).toBe('quý')
    expect(compose({onset: 'gi', rhyme: 'a', tone: 2})).toBe('già')
    expect(tonePosition('th', 'uyên')).toBe(4)
  })

  it('should read either tone placement and write the output convention', () => {
    expect(canonical('hoà')).toBe('hòa')
    expect(canonical('thuỷ')).toBe('thủy')
    expect(canonical('Uỷ')).toBe('Ủy')
    expect(canonical('KHOẺ')).toBe('KHỎE')
    expect(canonical('hòa')).toBe('hòa')
    expect(canonical('UBND')).toBe('UBND')
  })

  it('should tell valid syllables from the rest', () => {
    for (const ok of ['các', 'nghiêng', 'khuya', 'quốc', 'yêu', 'Nguyễn', 'hoạch', 'xã', 'giặc', 'Quỳnh']) {
      expect(isValidSyllable(ok), ok).toBe(true)
    }
    for (const notOk of ['cac', 'hién', 'Nguyén', 'S6', 'UBND', 'ngé', 'cinh', 'ghá', 'kan', 'tyêu', 'x4', 'céc', 'nuée', 'Index']) {
      expect(isValidSyllable(notOk), notOk).toBe(false)
    }
  })

  it('should enumerate a closed set of valid syllables that all round-trip', () => {
    const all = allSyllables()
    expect(all.length).toBeGreaterThan(15000)
    expect(all.length).toBeLessThan(20000)
    expect(new Set(all).size).toBe(all.length)
    for (const s of all.slice(0, 3000)) {
      expect(isValidSyllable(s), s).toBe(true)
      expect(canonical(s)).toBe(s)
    }
    expect(all).toContain('người')
    expect(all).not.toContain('nguòi')
  })
})
