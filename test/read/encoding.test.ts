/**
 * Text in the encodings Vietnamese files come in: the legacy tables' own
 * examples, the text fixtures (TCVN3, VNI, UTF-16 without BOM,
 * Windows-1258), mojibake in UTF-8, and text in an encoding we do not read.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {read} from '../../src/read/index.js'
import {decodeBytes, EncodingError, repairMojibake} from '../../src/read/encoding/decode.js'
import {fromLegacy, legacyEncodings, legacyFont, legacyTableSource} from '../../src/read/encoding/legacy.js'
import {guessUtf16} from '../../src/read/encoding/utf16.js'
import {fixture, root} from './helpers.js'

describe('legacy tables (data/encodings): every example converts', () => {
  for (const encoding of legacyEncodings) {
    for (const example of legacyTableSource(encoding).examples) {
      it(`${encoding}: ${example.unicode}`, () => {
        expect(fromLegacy(example.legacy, encoding)).toBe(example.unicode)
      })
    }
  }

  it('tcvn3 maps the 67 small letters, 7 capitals and the no-break space of VN3', () => {
    expect(Object.keys(legacyTableSource('tcvn3').characters ?? {})).toHaveLength(75)
  })

  it('keeps case from a capitals font (.VnTimeH draws small-letter codes as capitals)', () => {
    expect(fromLegacy('uû ban nh©n d©n', 'tcvn3', {capitals: true})).toBe('UỶ BAN NHÂN DÂN')
  })

  it('reads symbol-font codes (U+F0xx, as Word stores some legacy runs) as the byte they stand for', () => {
    expect(fromLegacy('nh\uf0a9n', 'tcvn3')).toBe('nhân')
  })

  it('takes a VNI mark in the case of its letter', () => {
    expect(fromLegacy('UÛy ban', 'vni')).toBe('Ủy ban')
    expect(fromLegacy('Uûy ban', 'vni')).toBe('Ủy ban')
  })
})

describe('legacyFont', () => {
  it.each([
    ['.VnTime', 'tcvn3', false],
    ['.VnTimeH', 'tcvn3', true],
    ['ABCDEF+VnTime', 'tcvn3', false],
    ['VnTimeH-8268', 'tcvn3', true],
    ['.VnArial', 'tcvn3', false],
    ['.VnCentury SchoolbookH', 'tcvn3', true],
    ['VNI-Times', 'vni', false],
    ['VNI-Helve', 'vni', false]
  ])('%s is %s (capitals: %s)', (font, encoding, capitals) => {
    expect(legacyFont(font)).toEqual({encoding, capitals})
  })

  it.each(['Times New Roman', 'Arial', 'Vni Text', 'Verdana', undefined])('%s is not legacy', (font) => {
    expect(legacyFont(font)).toBeUndefined()
  })
})

describe('text files in legacy encodings and UTF-16 read as Unicode', () => {
  it.each([
    ['tcvn3-text', 'tcvn3'],
    ['vni-text', 'vni'],
    ['utf16-text', 'utf-16le'],
    ['windows-1258-text', 'windows-1258']
  ])('%s', async (name, encoding) => {
    const file = await read(fixture(name, 'input.txt'))
    expect(file.data.source?.encoding).toBe(encoding)
    expect(String(file.value)).toBe(readFileSync(fixture(name, 'expected.txt'), 'utf8'))
  })

  it('reads UTF-16 big-endian without a BOM', () => {
    const text = 'Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân xã'
    expect(decodeBytes(Buffer.from(text, 'utf16le').swap16())).toEqual({text, encoding: 'utf-16be'})
  })

  it('converts UTF-8 text that is TCVN3 read as Windows-1252 (a converter’s mojibake)', () => {
    const text = 'Uû ban nh©n d©n x· ChÊn H­ng ban hµnh KÕ ho¹ch c¶i c¸ch hµnh chÝnh n¨m 2026'
    expect(decodeBytes(Buffer.from(text))).toEqual({text: 'Uỷ ban nhân dân xã Chấn Hưng ban hành Kế hoạch cải cách hành chính năm 2026', encoding: 'tcvn3'})
  })

  it('leaves Unicode Vietnamese alone, however many Latin-1 letters it has (the seeds)', () => {
    for (const n of ['000', '001', '002', '003', '004']) {
      const text = readFileSync(`${root}/fixtures/seed-${n}/input.txt`, 'utf8')
      expect(repairMojibake(text)).toBeNull()
      expect(decodeBytes(Buffer.from(text)).encoding).toBe('utf-8')
    }
  })

  it('names the problem when bytes are text in an encoding we do not read (Latin-1 French)', () => {
    const bytes = Buffer.from('Le comité a décidé: réunion à Genève, après-midi.', 'latin1')
    expect(() => decodeBytes(bytes)).toThrow(EncodingError)
    expect(() => decodeBytes(bytes)).toThrow(/not UTF-8 \(byte 0xE9 at offset 8\).*not Vietnamese in Windows-1258, TCVN3 or VNI/)
  })

  it('does not take binary with NULs for UTF-16', () => {
    expect(guessUtf16(Uint8Array.from({length: 64}, (_, i) => (i % 2 ? 0 : (i * 37) % 256)))).toBeUndefined()
    expect(guessUtf16(Uint8Array.of(0xff, 0x00, 0xc3, 0x28))).toBeUndefined()
  })
})

describe('PDF text layers in a .VnTime font', () => {
  it('reads as Unicode, capitals from .VnTimeH, encoding tcvn3', async () => {
    const file = await read(fixture('vntime-pdf', 'input.pdf'), {render: false})
    expect(file.data.source).toMatchObject({route: 'pdf-text', encoding: 'tcvn3'})
    const lines = String(file.value).split('\n').filter((l) => l.trim() !== '')
    expect(lines.slice(0, 4)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ NGUYỄN GIÁP', 'Số: 27/KH-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'])
    expect(lines).toEqual(readFileSync(fixture('vntime-pdf', 'expected.txt'), 'utf8').split('\n').filter((l) => l.trim() !== ''))
  })
})
