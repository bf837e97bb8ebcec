import {describe, expect, it} from 'vitest'
import {parseLines} from '../support/parse.js'

const plan = (...body: string[]) => parseLines('KẾ HOẠCH', 'Cải cách hành chính năm 2026', ...body)

describe('sections', () => {
  it('should nest a) under 2.', () => {
    const {output} = plan('I. MỤC TIÊU', '1. Mục đích', '2. Chỉ tiêu', 'a) Một', 'b) Hai')
    const first = output.plan!.sections[0]
    expect(first.children.map((c) => c.marker)).toEqual(['1.', '2.'])
    expect(first.children[1].children.map((c) => c.marker)).toEqual(['a)', 'b)'])
    expect(first.children[1].children[1].id).toBe('I.2.b')
  })

  it('should nest 1.1. under 1., (1) under a), - under (1) and + under -', () => {
    const {output} = plan('I. NHIỆM VỤ', '1. Thể chế', '1.1. Rà soát', 'a) Mục tiêu', '(1) Đạt 95%', '- Sản phẩm:', '+ Kế hoạch')
    const s = output.plan!.sections[0].children[0].children[0].children[0].children[0]
    expect(s.marker).toBe('(1)')
    expect(s.children[0].kind).toBe('dash')
    expect(s.children[0].children[0]).toMatchObject({kind: 'plus', title: 'Kế hoạch'})
  })

  it('should follow the Vietnamese letter sequence a b c d đ e without a gap', () => {
    const {output, messages} = plan('I. A', 'a) 1', 'b) 2', 'c) 3', 'd) 4', 'đ) 5', 'e) 6')
    expect(output.plan!.sections[0].children).toHaveLength(6)
    expect(messages.filter((m) => m.ruleId?.startsWith('numbering'))).toEqual([])
  })

  it('should report gaps and duplicates in numbering, with line and column', () => {
    const {output, messages} = plan('I. A', '1. x', '3. y', '3. z', 'III. B')
    expect(output.plan!.sections).toHaveLength(2)
    const rules = messages.map((m) => `${m.ruleId}@${m.line}`)
    expect(rules).toContain('numbering-gap@5')
    expect(rules).toContain('numbering-duplicate@6')
    expect(rules).toContain('numbering-gap@7')
    expect(messages.find((m) => m.ruleId === 'numbering-duplicate')?.column).toBe(1)
  })

  it('should keep paragraphs without a marker as the body of the open section', () => {
    const {output} = plan('II. KINH PHÍ', 'Kinh phí thực hiện Kế hoạch được bố trí trong dự toán.')
    expect(output.plan!.sections[0]).toMatchObject({title: 'KINH PHÍ', paragraphs: ['Kinh phí thực hiện Kế hoạch được bố trí trong dự toán.']})
  })

  it('should collect numbered targets with their values', () => {
    const {output} = plan('II. CHỈ TIÊU', '2. Chỉ tiêu thực hiện', 'Với chỉ tiêu cụ thể như sau:', '(1) Đạt tỷ lệ tối thiểu 95% hồ sơ.', '(2) Giảm 30% so với năm 2025, đạt 100%.')
    expect(output.plan!.targets).toEqual([
      {id: 'II.2.1', text: 'Đạt tỷ lệ tối thiểu 95% hồ sơ.', values: [{value: 95, unit: '%'}]},
      {id: 'II.2.2', text: 'Giảm 30% so với năm 2025, đạt 100%.', values: [{value: 30, unit: '%'}, {value: 100, unit: '%'}]}
    ])
  })

  it('should not end the plan at a wrapped line of prose that starts with the appendix\'s name', () => {
    const {output, tree} = plan(
      'III. NHIỆM VỤ CỤ THỂ',
      'Các nhiệm vụ cụ thể của từng cơ quan, đơn vị được phân công tại',
      'Phụ lục I kèm theo Kế hoạch này.',
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Phòng Văn hóa - Xã hội theo dõi, đôn đốc.',
      '2. Các phòng, ban chuyên môn thực hiện.',
      'PHỤ LỤC I',
      'TT\tNội dung\tChủ trì\tThời gian',
      '1\tRà soát\tPhòng Kinh tế\tQuý I/2026'
    )
    expect(output.plan!.sections.map((s) => [s.marker, s.children.length])).toEqual([
      ['III.', 0],
      ['IV.', 2]
    ])
    expect(tree.children.map((p) => p.type === 'part' && p.kind)).toEqual(['document', 'plan', 'appendix'])
  })

  it('should read the plan period', () => {
    expect(parseLines('KẾ HOẠCH', 'Thực hiện Chương trình giai đoạn 2026 - 2030', 'I. A').output.plan!.period).toEqual({from: 2026, to: 2030})
    expect(plan('I. A').output.plan!.period).toEqual({from: 2026, to: 2026})
  })
})

describe('document header', () => {
  const decision = [
    'ỦY BAN NHÂN DÂN',
    'XÃ CHẤN HƯNG',
    'Số: /QĐ-UBND',
    'Chấn Hưng, ngày tháng 01 năm 2026',
    'QUYẾT ĐỊNH',
    'Ban hành Kế hoạch Cải cách hành chính năm 2026',
    'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CHẤN HƯNG',
    'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình;',
    'Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.',
    'QUYẾT ĐỊNH:',
    'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.',
    'Điều 2. Quyết định có hiệu lực kể từ ngày ký.',
    'Nơi nhận:',
    '- Như Điều 2;',
    '- Lưu: VT.',
    'TM. ỦY BAN NHÂN DÂN',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Trần Xuân Thuận',
    'KẾ HOẠCH',
    'Cải cách hành chính xã Chấn Hưng năm 2026',
    '(Kèm theo Quyết định số /QĐ-UBND)',
    'I. MỤC ĐÍCH'
  ]

  it('should read the fields of a decision that issues a plan', () => {
    const {output} = parseLines(...decision)
    const d = output.document
    expect(d.type).toEqual({code: 'QĐ', name: 'Quyết định'})
    expect(d.issuer).toEqual({name: 'Ủy ban nhân dân xã Chấn Hưng'})
    expect(d.number).toEqual({raw: '/QĐ-UBND', seq: null, typeCode: 'QĐ', issuerCode: 'UBND'})
    expect(d.place).toBe('Chấn Hưng')
    expect(d.date).toEqual({raw: 'ngày tháng 01 năm 2026', iso: null, year: 2026, month: 1, day: null})
    expect(d.title).toBe('Ban hành Kế hoạch Cải cách hành chính năm 2026')
    expect(d.bases).toEqual([
      {
        text: 'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình;',
        references: [{type: 'Nghị quyết', number: '76/NQ-CP', date: '2021-07-15', issuer: 'Chính phủ'}]
      }
    ])
    expect(d.articles.map((a) => a.number)).toEqual([1, 2])
    expect(d.recipients).toEqual(['Như Điều 2', 'Lưu: VT'])
    expect(d.signatures).toEqual([
      {
        authority: 'KT.',
        on: 'CHỦ TỊCH',
        position: 'PHÓ CHỦ TỊCH',
        name: 'Trần Xuân Thuận',
        chain: [
          {authority: 'TM.', on: 'ỦY BAN NHÂN DÂN'},
          {authority: 'KT.', on: 'CHỦ TỊCH'}
        ]
      }
    ])
    expect(output.plan!.title).toBe('Cải cách hành chính xã Chấn Hưng năm 2026')
    expect(output.plan!.sections.map((s) => s.marker)).toEqual(['I.'])
  })

  it('should split a two-column header merged on one line (OCR)', () => {
    const {output} = parseLines(
      'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'XÃ NGUYỄN GIÁP Độc lập - Tự do - Hạnh phúc',
      'Số: 15 /KH-UBND Nguyễn Giáp, ngày 14 tháng 9 năm 2025',
      'KẾ HOẠCH',
      'Thực hiện Chương trình tổng thể giai đoạn 2026 - 2030',
      'I. MỤC ĐÍCH'
    )
    const d = output.document
    expect(d.issuer).toEqual({name: 'Ủy ban nhân dân xã Nguyễn Giáp'})
    expect(d.number).toEqual({raw: '15/KH-UBND', seq: 15, typeCode: 'KH', issuerCode: 'UBND'})
    expect(d.place).toBe('Nguyễn Giáp')
    expect(d.date?.iso).toBe('2025-09-14')
    expect(d.type?.code).toBe('KH')
    expect(output.plan!.period).toEqual({from: 2026, to: 2030})
  })

  it('should read a công văn: number without a type code, V/v title, Kính gửi', () => {
    const {output} = parseLines(
      'UBND TỈNH BẮC NINH',
      'SỞ NỘI VỤ',
      'Số: 5740/UBND-SGDĐT',
      'V/v triển khai cải cách hành chính năm 2026',
      'Bắc Ninh, ngày 05 tháng 12 năm 2025',
      'Kính gửi: Các sở, ban, ngành; UBND các xã, phường.',
      'Thực hiện chỉ đạo của Tỉnh ủy, Sở Nội vụ đề nghị các cơ quan triển khai.'
    )
    const d = output.document
    expect(d.number).toEqual({raw: '5740/UBND-SGDĐT', seq: 5740, typeCode: null, issuerCode: 'UBND-SGDĐT'})
    expect(d.type).toEqual({code: 'CV', name: 'Công văn'})
    expect(d.title).toBe('V/v triển khai cải cách hành chính năm 2026')
    expect(d.issuer).toEqual({name: 'Sở Nội vụ', parent: 'UBND tỉnh Bắc Ninh'})
    expect(d.addressees).toEqual(['Các sở, ban, ngành', 'UBND các xã, phường'])
    expect(d.date?.iso).toBe('2025-12-05')
    expect(output.plan).toBeNull()
  })

  it('should end the recipients at the first line that is not an item', () => {
    const {output} = parseLines('Nơi nhận:', '- Sở Nội vụ;', '- Lưu: VT.', 'Các cơ quan chuyên môn 2026 - 2030', 'Quyết định, Kế hoạch')
    expect(output.document.recipients).toEqual(['Sở Nội vụ', 'Lưu: VT'])
  })

  it('should take a recipient with OCR noise around its punctuation (a speck before the dash, `;` read as `:`)', () => {
    const {output} = parseLines('Nơi nhận:', '.- Như Điều 3;', '- Sở Nội vụ thành phố Hải Phòng:', '- Lưu: VT.')
    expect(output.document.recipients).toEqual(['Như Điều 3', 'Sở Nội vụ thành phố Hải Phòng', 'Lưu: VT'])
  })

  it('should report what it could not find instead of failing', () => {
    const {output, messages} = parseLines('Một đoạn văn bản không có gì.')
    expect(output.document.number).toBeNull()
    expect(messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['missing-number', 'missing-date', 'missing-type']))
  })
})
