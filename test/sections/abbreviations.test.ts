import {describe, expect, it} from 'vitest'
import {repairAbbreviation, repairAbbreviations} from '../../src/sections/abbreviations.js'
import {parse} from '../../src/parse.js'

describe('repairAbbreviation', () => {
  it('takes a misread T or an O put in for the known abbreviation they make', () => {
    expect(repairAbbreviation('VI')).toBe('VT')
    expect(repairAbbreviation('VỊ')).toBe('VT')
    expect(repairAbbreviation('TI')).toBe('TT')
    expect(repairAbbreviation('CCHOC')).toBe('CCHC')
    expect(repairAbbreviation('PVHCOC')).toBe('PVHCC')
  })

  it('leaves known abbreviations, words and what no one misreading explains', () => {
    for (const word of ['VT', 'UBND', 'HĐND', 'XÃ', 'TỊCH', 'Lưu', 'OVT', 'ABC']) expect(repairAbbreviation(word)).toBeNull()
  })
})

describe('recipients of an OCR reading', () => {
  it('puts right the abbreviations of the list and reports each', async () => {
    const text = ['QUYẾT ĐỊNH', 'Điều 1. Ban hành Kế hoạch.', 'Nơi nhận:', '- TI. Đảng ủy xã;', '- BCĐ CCHOC xã;', '- Lưu: VI, VHXH.', 'CHỦ TỊCH', 'Nguyễn Văn An'].join('\n')
    const {output, messages} = await parse(text)
    expect(output.document?.recipients).toEqual(['TT. Đảng ủy xã', 'BCĐ CCHC xã', 'Lưu: VT, VHXH'])
    expect(messages.filter((m) => m.ruleId === 'ocr-abbreviation')).toHaveLength(3)
  })

  it('keeps an item whose dash OCR lost, and reads a signature behind specks and a lowered capital', async () => {
    const text = ['QUYẾT ĐỊNH', 'Điều 1. Ban hành Kế hoạch.', 'Nơi nhận:', '- Như Điều 3;', 'Sở Nội vụ thành phố Hải Phòng:', '- Lưu: VT.', '....TM. ỦY BAN NHÂN DÂN', 'kT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Phạm Thị Thu Hiền.'].join('\n')
    const {output} = await parse(text)
    expect(output.document?.recipients).toEqual(['Như Điều 3', 'Sở Nội vụ thành phố Hải Phòng', 'Lưu: VT'])
    const signature = output.document?.signatures?.[0]
    expect(signature?.authority).toBe('KT.')
    expect(signature?.chain?.map((c) => c.authority)).toEqual(['TM.', 'KT.'])
    expect(signature?.name).toBe('Phạm Thị Thu Hiền')
  })
})
