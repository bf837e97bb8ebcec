import {describe, expect, it} from 'vitest'
import {allProvinces, allUnits, matchProvince, matchUnit, toneKey} from '../../src/gazetteer/index.js'

describe('gazetteer', () => {
  it('should load the 34 provinces and 3,321 commune-level units with their codes', () => {
    expect(allProvinces()).toHaveLength(34)
    expect(allUnits()).toHaveLength(3321)
    expect(allUnits().every((u) => /^\d{5}$/.test(u.code) && /^\d{2}$/.test(u.provinceCode))).toBe(true)
  })

  it('should match a province as written, without marks, or with a mark OCR lost', () => {
    expect(matchProvince('Lâm Đồng')).toMatchObject({item: {code: '68'}, kind: 'exact'})
    expect(matchProvince('LÂM ĐỒNG')?.kind).toBe('exact')
    expect(matchProvince('Lâm Đông')).toMatchObject({item: {name: 'Lâm Đồng'}, kind: 'letters'})
    expect(matchProvince('Quang Ngai')?.item.name).toBe('Quảng Ngãi')
    expect(matchProvince('Atlantis')).toBeUndefined()
  })

  it('should ignore tone-mark placement (hoà = hòa)', () => {
    expect(toneKey('Thuỷ Nguyên')).toBe(toneKey('Thủy Nguyên'))
    expect(toneKey('Hoà Bình')).toBe('hòa bình')
  })

  it('should match a commune, and refuse a name that repeats across provinces unless the province is given', () => {
    expect(matchUnit('Nguyễn Giáp')).toMatchObject({item: {name: 'Nguyên Giáp', code: '11146', province: 'Hải Phòng'}, kind: 'letters'})
    expect(matchUnit('Tân An')).toBeUndefined()
    expect(matchUnit('Tân An', {province: 'Tây Ninh'})?.item.code).toBe('27712')
    expect(matchUnit('Tân An', {province: 'Nowhere'})).toBeUndefined()
  })
})
