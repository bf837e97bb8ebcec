import {describe, expect, it} from 'vitest'
import {canonicalAgency, cleanAgency, splitAgencies} from '../../src/normalize/agencies.js'

const names = (cell: string) => splitAgencies(cell).map((raw) => canonicalAgency(raw).name)

describe('splitAgencies', () => {
  it('should always split on semicolons and bulleted lines', () => {
    expect(splitAgencies('Phòng Kinh tế; Công an xã')).toEqual(['Phòng Kinh tế', 'Công an xã'])
    expect(splitAgencies('- Phòng Kinh tế\n- Công an xã')).toEqual(['Phòng Kinh tế', 'Công an xã'])
    expect(splitAgencies('Các Phòng ban chuyên môn liên quan;')).toEqual(['Các Phòng ban chuyên môn liên quan'])
  })

  it('should not split inside a name that has a comma or "và"', () => {
    expect(splitAgencies('Trung tâm Văn hóa, Thông tin và Truyền thông')).toEqual([
      'Trung tâm Văn hóa, Thông tin và Truyền thông'
    ])
    expect(splitAgencies('Phòng Kinh tế, Hạ tầng và Đô thị.')).toEqual(['Phòng Kinh tế, Hạ tầng và Đô thị'])
    expect(splitAgencies('Văn phòng HĐND và UBND xã')).toEqual(['Văn phòng HĐND và UBND xã'])
    expect(splitAgencies('Các cơ quan, đơn vị có liên quan')).toEqual(['Các cơ quan, đơn vị có liên quan'])
    expect(splitAgencies('Các sở, ban, ngành; UBND các xã, phường, đặc khu')).toEqual(['Các sở, ban, ngành', 'UBND các xã, phường, đặc khu'])
    expect(splitAgencies('Các phòng, ban chuyên môn, Công an xã')).toEqual(['Các phòng, ban chuyên môn', 'Công an xã'])
    expect(splitAgencies('Sở Nội vụ, Ban Dân tộc')).toEqual(['Sở Nội vụ', 'Ban Dân tộc'])
    // A name wrapped before its ' - ' in a narrow cell is one name; a dashed list is a list.
    expect(splitAgencies('Phòng Văn hóa\n- Xã hội')).toEqual(['Phòng Văn hóa - Xã hội'])
    expect(splitAgencies('- Phòng Kinh tế\n- Xã hội học')).toEqual(['Phòng Kinh tế', 'Xã hội học'])
  })

  it('should split on "," and "và" where a new agency starts', () => {
    expect(splitAgencies('UBND xã, Công an xã và Ban CHQS xã')).toEqual(['UBND xã', 'Công an xã', 'Ban CHQS xã'])
    expect(
      splitAgencies('Các Phòng ban chuyên môn, Trung tâm Văn hóa, TT&TT, ban ngành đoàn thể liên quan; các thôn trên địa bàn xã')
    ).toEqual(['Các Phòng ban chuyên môn', 'Trung tâm Văn hóa, TT&TT', 'ban ngành đoàn thể liên quan', 'các thôn trên địa bàn xã'])
    expect(splitAgencies('Văn phòng HĐND và UBND phường và Công an phường')).toEqual([
      'Văn phòng HĐND và UBND phường',
      'Công an phường'
    ])
  })

  it('should strip markdown emphasis and end punctuation', () => {
    expect(splitAgencies('**Phòng Văn hóa - Xã hội.**')).toEqual(['Phòng Văn hóa - Xã hội'])
    expect(cleanAgency('  - Phòng Kinh tế;  ')).toBe('Phòng Kinh tế')
  })

  it('should join a name wrapped over two lines', () => {
    expect(splitAgencies('Phòng Văn hoá-\nXã hội')).toEqual(['Phòng Văn hoá-Xã hội'])
    expect(splitAgencies('Các Phòng ban chuyên môn,\nTrung tâm Phục vụ HCC')).toEqual([
      'Các Phòng ban chuyên môn',
      'Trung tâm Phục vụ HCC'
    ])
  })
})

describe('canonicalAgency', () => {
  const cases: Array<[string, string]> = [
    ['Trung tâm Phục vụ HCC', 'Trung tâm Phục vụ hành chính công'],
    ['TT PVHCC', 'Trung tâm Phục vụ hành chính công'],
    ['Trung tâm phục vụ Hành chính công', 'Trung tâm Phục vụ hành chính công'],
    ['Phòng Văn hoá-Xã hội', 'Phòng Văn hóa - Xã hội'],
    ['PHÒNG VĂN HÓA - XÃ HỘI', 'Phòng Văn hóa - Xã hội'],
    ['Phong Van hoa - Xa hoi', 'Phòng Văn hóa - Xã hội'],
    ['Văn phòng HĐND&UBND xã', 'Văn phòng HĐND và UBND'],
    ['Văn phòng HĐND&UBND phường', 'Văn phòng HĐND và UBND'],
    ['Phòng Kinh tế', 'Phòng Kinh tế'],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
    ['Trung tâm Dịch vụ Sự nghiệp công', 'Trung tâm Dịch vụ sự nghiệp công'],
    ['Công an xã Chấn Hưng', 'Công an xã'],
    ['Ủy ban MTTQ Việt Nam xã', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
    ['UBMTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
    ['Các cơ quan, đơn vị trực thuộc có liên quan', 'Các cơ quan, đơn vị'],
    ['Các Phòng ban chuyên môn của xã', 'Các phòng ban chuyên môn'],
    // An OCR slip within the edit-distance budget.
    ['Trung tâm Phục vụ hành chinh cổng', 'Trung tâm Phục vụ hành chính công'],
    // An abbreviation with one letter misread by OCR (the sample scan's `HĐND&UBND` read as `HĐND&SUBND`).
    ['Văn phòng HĐND&SUBND', 'Văn phòng HĐND và UBND'],
    ['Văn phòng HĐNO và UBND xã', 'Văn phòng HĐND và UBND'],
    ['Ban CHOS xã', 'Ban Chỉ huy Quân sự xã']
  ]
  for (const [raw, name] of cases) {
    it(`${JSON.stringify(raw)} should be ${JSON.stringify(name)}`, () => {
      expect(canonicalAgency(raw)).toEqual({name, raw: cleanAgency(raw), known: true})
    })
  }

  it('should keep an unknown agency as written, marked unknown', () => {
    expect(canonicalAgency('Công ty Điện lực Hải Phòng.')).toEqual({
      name: 'Công ty Điện lực Hải Phòng',
      raw: 'Công ty Điện lực Hải Phòng',
      known: false
    })
  })

  it('should take a misread abbreviation only when it is all capitals and one letter from just one abbreviation', () => {
    // `HBND` is one letter from both `UBND` and `HĐND`; `subnd` is a word, not an acronym.
    expect(canonicalAgency('Văn phòng HĐND&HBND').known).toBe(false)
    expect(canonicalAgency('Văn phòng HĐND&subnd').known).toBe(false)
    // Words in capitals stay words: `PHÒNG`, `HÀNH`, `CÔNG` are no abbreviation.
    expect(canonicalAgency('PHÒNG VĂN HÓA - XÃ HỘI').name).toBe('Phòng Văn hóa - Xã hội')
  })

  it('should not take a different office for a close one', () => {
    expect(canonicalAgency('Phòng Kinh tế').name).not.toBe('Phòng Kinh tế, Hạ tầng và Đô thị')
    expect(canonicalAgency('Công an phường').name).toBe('Công an phường')
    expect(canonicalAgency('Phòng Tài chính').known).toBe(false)
  })

  it('should name every agency of the seed tables', () => {
    expect(names('Các Phòng ban chuyên môn, Trung tâm Văn hóa, TT&TT, ban ngành đoàn thể liên quan; các thôn trên địa bàn xã')).toEqual([
      'Các phòng ban chuyên môn',
      'Trung tâm Văn hóa, Thông tin và Truyền thông',
      'Các ban, ngành, đoàn thể',
      'Các thôn'
    ])
  })
})

describe('splitAgencies on cells whose line breaks were lost', () => {
  it('should split an inline bulleted list only where a new agency starts', () => {
    expect(splitAgencies('- Các phòng chuyên môn - Công an xã')).toEqual(['Các phòng chuyên môn', 'Công an xã'])
    expect(splitAgencies('Phòng Văn hoá - Xã hội')).toEqual(['Phòng Văn hoá - Xã hội'])
    expect(splitAgencies('Văn phòng HĐND - UBND xã')).toEqual(['Văn phòng HĐND - UBND xã'])
    expect(splitAgencies('Phòng Kinh tế - Hạ tầng - Đô thị + Công an xã')).toEqual(['Phòng Kinh tế - Hạ tầng - Đô thị', 'Công an xã'])
  })
})

describe('canonicalAgency beyond the commune', () => {
  it('should drop a place name after any unit word and expand common abbreviations', () => {
    expect(canonicalAgency('Sở Nội vụ thành phố Hải Phòng').name).toBe('Sở Nội vụ')
    expect(canonicalAgency('BHXH huyện').name).toBe('Bảo hiểm xã hội')
    expect(canonicalAgency('Đài truyền thanh xã').name).toBe('Đài Truyền thanh')
  })
})

describe('canonicalAgency keeps levels apart', () => {
  it('should not name a district office after the commune one', () => {
    expect(canonicalAgency('Công an huyện Tiên Lãng').known).toBe(false)
    expect(canonicalAgency('Ban CHQS huyện').known).toBe(false)
    expect(canonicalAgency('UBND huyện').known).toBe(false)
    expect(canonicalAgency('Công an xã Chấn Hưng').name).toBe('Công an xã')
  })
})
