import {describe, expect, it} from 'vitest'
import {parseDocumentDate} from '../../src/normalize/document-date.js'
import {canonicalCodes, parseDocumentNumber} from '../../src/normalize/document-number.js'
import {properCase} from '../../src/normalize/proper-case.js'
import {findReferences} from '../../src/normalize/references.js'

describe('document numbers', () => {
  it('should split sequence, type code and issuer code', () => {
    expect(parseDocumentNumber('15 /KH-UBND')).toEqual({raw: '15/KH-UBND', seq: 15, typeCode: 'KH', issuerCode: 'UBND'})
  })
  it('should leave a blank sequence null', () => {
    expect(parseDocumentNumber('/QĐ-UBND')).toMatchObject({seq: null, typeCode: 'QĐ', issuerCode: 'UBND'})
  })
  it('should put back the Đ lost in codes', () => {
    expect(parseDocumentNumber('3470/QD-UBND')).toMatchObject({raw: '3470/QĐ-UBND', typeCode: 'QĐ'})
    expect(canonicalCodes('118/2025/ND-CP')).toBe('118/2025/NĐ-CP')
    expect(canonicalCodes('12/NQ-HDND')).toBe('12/NQ-HĐND')
  })
  it('should give a công văn no type code', () => {
    expect(parseDocumentNumber('5740/UBND-SGDĐT')).toMatchObject({seq: 5740, typeCode: null, issuerCode: 'UBND-SGDĐT'})
  })
})

describe('document dates', () => {
  it('should read worded and numeric dates', () => {
    expect(parseDocumentDate('ngày 14 tháng 9 năm 2025')).toEqual({raw: 'ngày 14 tháng 9 năm 2025', iso: '2025-09-14', year: 2025, month: 9, day: 14})
    expect(parseDocumentDate('ngày 26/12/2025')?.iso).toBe('2025-12-26')
  })
  it('should read OCR junk in the day as a blank day', () => {
    expect(parseDocumentDate('ngày A4 tháng 9 năm 2025')).toMatchObject({iso: null, year: 2025, month: 9, day: null})
  })
  it('should keep blanks as nulls and never invent a day', () => {
    expect(parseDocumentDate('ngày    tháng 01 năm 2026')).toMatchObject({iso: null, year: 2026, month: 1, day: null})
    expect(parseDocumentDate('ngày 31 tháng 2 năm 2026')).toMatchObject({iso: null, day: null})
  })
  it('should return null when there is no date', () => {
    expect(parseDocumentDate('không có ngày')).toBeNull()
  })
})

describe('references', () => {
  it('should find every cited document with number, ISO date and issuer', () => {
    expect(
      findReferences('Thực hiện Kế hoạch số 93/KH-UBND ngày 27/11/2025 của Ủy ban nhân dân xã về thực hiện; Quyết định số 06/QĐ-UBND ngày 07/01/2026.')
    ).toEqual([
      {type: 'Kế hoạch', number: '93/KH-UBND', date: '2025-11-27', issuer: 'Ủy ban nhân dân xã'},
      {type: 'Quyết định', number: '06/QĐ-UBND', date: '2026-01-07'}
    ])
  })
  it('should name a law cited without a number', () => {
    expect(findReferences('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;')).toEqual([
      {type: 'Luật', number: null, date: '2025-06-16', title: 'Luật Tổ chức chính quyền địa phương'}
    ])
  })
})

describe('properCase', () => {
  it('should sentence-case capitals and keep place names capitalised', () => {
    expect(properCase('ỦY BAN NHÂN DÂN XÃ CHẤN HƯNG')).toBe('Ủy ban nhân dân xã Chấn Hưng')
    expect(properCase('UBND THÀNH PHỐ HẢI PHÒNG')).toBe('UBND thành phố Hải Phòng')
    expect(properCase('PHÒNG VĂN HÓA - XÃ HỘI')).toBe('Phòng Văn hóa - Xã hội')
  })
  it('should leave mixed-case text alone', () => {
    expect(properCase('Sở Nội vụ')).toBe('Sở Nội vụ')
  })
})
