/**
 * The rules that read the header and the closing block as OCR gives them on
 * real scans: handwritten fill-ins, positions and names under a seal, the
 * recipients' heading, the issuer's lines and its unit in the gazetteer.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {parseSync} from '../../src/parse.js'
import {isRecipientsHeadingLike, nameAtEnd} from '../../src/sections/closing-lines.js'
import {placeIssuer, placeName, splitIssuer} from '../../src/sections/issuer.js'
import {readNumberLine} from '../../src/sections/number-line.js'
import {repairPersonName} from '../../src/sections/person-name.js'
import {readPlaceDate} from '../../src/sections/place-date.js'
import {matchPosition} from '../../src/sections/position.js'
import {loadGrammar} from '../../src/util/grammar.js'

const placeDate = (line: string) => readPlaceDate(loadGrammar('header').rule('placeDate').regex.exec(line)!.groups as never)

/** Parse `lines` as the text `read` made of an OCR'd scan. */
function parseOcr(...lines: string[]) {
  const file = new VFile({value: lines.join('\n')})
  file.data.source = {path: null, sha256: '0'.repeat(64), mediaType: 'image/png', pages: 1, route: 'ocr'}
  return parseSync(file)
}

describe('number line', () => {
  it('keeps the printed part of a number whose handwritten sequence OCR garbled, with null for the sequence', () => {
    expect(readNumberLine('4+ /QĐ-UBND')).toEqual({number: {raw: '/QĐ-UBND', seq: null, typeCode: 'QĐ', issuerCode: 'UBND'}, unsure: '4+'})
    expect(readNumberLine('⟨?⟩ /UBND-KTTH').number).toEqual({raw: '/UBND-KTTH', seq: null, typeCode: null, issuerCode: 'UBND-KTTH'})
  })

  it('reads plain digits, a blank left for the registry, and a dot OCR put after the digits', () => {
    expect(readNumberLine('47 /QĐ-UBND')).toEqual({number: {raw: '47/QĐ-UBND', seq: 47, typeCode: 'QĐ', issuerCode: 'UBND'}, unsure: null})
    expect(readNumberLine('/QĐ-UBND').unsure).toBeNull()
    expect(readNumberLine('239. /TTr-UBND').number.seq).toBe(239)
  })

  it('gives the number without its sequence and a low-confidence message in the output', () => {
    const {output, messages} = parseOcr('Số: 4+ /QĐ-UBND', 'QUYẾT ĐỊNH', 'Về việc x')
    expect(output.document.number).toEqual({raw: '/QĐ-UBND', seq: null, typeCode: 'QĐ', issuerCode: 'UBND'})
    expect(messages.some((m) => m.ruleId === 'low-confidence' && m.reason.includes('sequence'))).toBe(true)
  })
})

describe('place and date line', () => {
  it('keeps place, month and year when the handwritten day is garbled', () => {
    const read = placeDate('Quảng Ngãi, ngày 4† tháng 01 năm 2025')
    expect(read.place).toBe('Quảng Ngãi')
    expect(read.date).toMatchObject({iso: null, year: 2025, month: 1, day: null})
    expect(read.unsure).toEqual(['day'])
  })

  it('reads a printed month OCR read with letters for digits (0Ï, 0])', () => {
    expect(placeDate('Quảng Ngãi, ngày 17 tháng 0Ï năm 2025').date).toMatchObject({iso: '2025-01-17', month: 1})
    expect(placeDate('Quảng Ngãi, ngày ⟨?⟩ tháng 0] năm 2025').date).toMatchObject({month: 1, day: null})
    // A letter alone may stand for one digit of two (`Ï` for 11): not read as 1.
    const lost = placeDate('Quảng Ngãi, ngày 22 tháng Ï năm 2024')
    expect(lost.date).toMatchObject({month: null, iso: null, day: 22})
    expect(lost.unsure).toContain('month')
  })

  it('finds the words of the line even when OCR glued them to the handwriting', () => {
    expect(placeDate('Quảng Ngãi, ngày4Ttháng 01 năm 2025').date).toMatchObject({month: 1, year: 2025, day: null})
    expect(placeDate('Quảng Ngãi, ngày,ÁÀ tháng 9 năm 2024').place).toBe('Quảng Ngãi')
  })

  it('leaves a day left blank for the signer blank, without a message', () => {
    const read = placeDate('Chấn Hưng, ngày    tháng 01 năm 2026')
    expect(read.date.day).toBeNull()
    expect(read.unsure).toEqual([])
  })

  it('never gives a day the month does not have', () => {
    const read = placeDate('Hà Nội, ngày 31 tháng 02 năm 2025')
    expect(read.date.day).toBeNull()
    expect(read.unsure).toEqual(['day'])
  })
})

describe('signature block', () => {
  it('takes a position OCR garbled under a seal for the position it is', () => {
    expect(matchPosition('PHO CHỦ TịcH')).toBe('PHÓ CHỦ TỊCH')
    expect(matchPosition('PHÓ CHỦ TỊC]')).toBe('PHÓ CHỦ TỊCH')
    expect(matchPosition('CHÁNH VĂN PHONG')).toBe('CHÁNH VĂN PHÒNG')
  })

  it('does not take prose or another capital line for a position', () => {
    expect(matchPosition('Chủ tịch Ủy ban nhân dân tỉnh yêu cầu')).toBeNull()
    expect(matchPosition('ỦY BAN NHÂN DÂN')).toBeNull()
  })

  it('puts the marks of a name right towards the usual names, surname first', () => {
    expect(repairPersonName('Nguyên Hoàng Giang').name).toBe('Nguyễn Hoàng Giang')
    expect(repairPersonName('Trân Phước Hiện').name).toBe('Trần Phước Hiền')
    expect(repairPersonName('Trân Hoàng Tuân')).toEqual({name: 'Trần Hoàng Tuấn', changes: [{from: 'Trân', to: 'Trần'}, {from: 'Tuân', to: 'Tuấn'}]})
  })

  it('keeps a name whose syllables are usual as read, and a rare one no usual name shares letters with', () => {
    expect(repairPersonName('Trần Ngọc Căng').changes).toEqual([])
    expect(repairPersonName('Hà Thị Lê Vân').changes).toEqual([])
  })

  it('finds the name after the noise a signature leaves on its line', () => {
    expect(nameAtEnd('1/07 72297 Leak—— - Trần Hoàng Tuấn')).toBe('Trần Hoàng Tuấn')
    expect(nameAtEnd('Trần Hoàng Tuấn')).toBeNull()
    expect(nameAtEnd('giao Sở Tài chính chủ trì phối hợp với Nguyễn Văn An')).toBeNull()
  })

  it('reads rank and name, authorities, a garbled position and a name under a seal from an OCR closing block', () => {
    const {output} = parseOcr(
      'QUYẾT ĐỊNH',
      'Về việc x',
      '',
      'Điều 1. Nội dung.',
      '',
      'Nơi nhận:',
      '- Như Điều 1;',
      '- Lưu: VT.',
      '',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHO CHỦ TịcH',
      '',
      'Trân Phước Hiện'
    )
    expect(output.document.signatures[0]).toMatchObject({authority: 'KT.', position: 'PHÓ CHỦ TỊCH', name: 'Trần Phước Hiền'})
    expect(output.document.signatures[0].chain?.[0].authority).toBe('TM.')
  })

  it('keeps a name as written in a text that was not OCR’d', () => {
    const {output} = parseSync(['QUYẾT ĐỊNH', 'Về việc x', '', 'Điều 1. Nội dung.', '', 'CHỦ TỊCH', '', 'Trân Văn Tuân'].join('\n'))
    expect(output.document.signatures[0].name).toBe('Trân Văn Tuân')
  })
})

describe('recipients', () => {
  it('knows the heading with a letter off', () => {
    for (const text of ['Nơi nhận:', 'Xơi nhận:', 'Nơi nhậm: -', 'Näơi nhận:']) expect(isRecipientsHeadingLike(text), text).toBe(true)
    expect(isRecipientsHeadingLike('Nội dung:')).toBe(false)
  })

  it('reads a list whose heading OCR lost, by the filed copy that ends it, and keeps the signer apart', () => {
    const {output} = parseOcr(
      'BÁO CÁO',
      'Tình hình thực hiện',
      '',
      'Trên đây là kết quả thực hiện./.',
      '',
      'đa',
      '- Như trên;',
      '- CT, PCT UBND tỉnh;',
      '- Lưu: VT, TTHC.',
      '',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      '',
      'Trần Hoàng Tuấn'
    )
    expect(output.document.recipients).toEqual(['Như trên', 'CT, PCT UBND tỉnh', 'Lưu: VT, TTHC'])
    expect(output.document.signatures[0]).toMatchObject({authority: 'KT.', position: 'PHÓ CHỦ TỊCH', name: 'Trần Hoàng Tuấn'})
  })

  it('reads the addressees listed under `Kính gửi:`', () => {
    const {output} = parseOcr('CÔNG VĂN', 'V/v x', '', 'Kính gửi:', '- Sở Giao thông vận tải;', '- Sở Nông nghiệp và Phát triển nông thôn.', '', 'Thực hiện nội dung các Quyết định.')
    expect(output.document.addressees).toEqual(['Sở Giao thông vận tải', 'Sở Nông nghiệp và Phát triển nông thôn'])
  })
})

describe('issuer', () => {
  it('splits a body named under its parent, and a sub-body under a body that ends with its unit', () => {
    expect(splitIssuer(['UBND TỈNH QUẢNG NGÃI', 'BAN CHỈ ĐẠO 138'])).toEqual({name: 'Ban Chỉ đạo 138', parent: 'UBND tỉnh Quảng Ngãi'})
    expect(splitIssuer(['ỦY BAN MTTQ VIỆT NAM', 'TỈNH QUẢNG NGÃI', 'BAN THƯỜNG TRỰC'])).toMatchObject({name: 'Ban Thường trực', parent: 'Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi'})
    expect(splitIssuer(['ỦY BAN NHÂN DÂN', 'TỈNH QUẢNG NGÃI'])).toEqual({name: 'Ủy ban nhân dân tỉnh Quảng Ngãi'})
  })

  it('writes the unit of an OCR’d issuer as the gazetteer does, and gives the unit', () => {
    const placed = placeIssuer({name: 'Ủy ban nhân dân tỉnh Lâm Đông'}, true)
    expect(placed.issuer).toEqual({name: 'Ủy ban nhân dân tỉnh Lâm Đồng', unit: {code: '68', name: 'Lâm Đồng', type: 'tỉnh', province: 'Lâm Đồng'}})
    expect(placed.repairs).toEqual([{from: 'Lâm Đông', to: 'Lâm Đồng'}])
    expect(placeIssuer({name: 'Ban Chỉ đạo 138', parent: 'UBND tỉnh Quảng Ngãi'}, true).issuer.unit?.code).toBe('51')
  })

  it('changes nothing in a text as written, and gives a unit only for a name written as the list writes it', () => {
    expect(placeIssuer({name: 'Ủy ban nhân dân tỉnh Lâm Đông'}, false)).toEqual({issuer: {name: 'Ủy ban nhân dân tỉnh Lâm Đông'}, repairs: []})
    expect(placeName('Quảng Ngàãi', undefined, false)).toBe('Quảng Ngàãi')
    expect(placeName('Quảng Ngàãi', undefined, true)).toBe('Quảng Ngãi')
  })
})
