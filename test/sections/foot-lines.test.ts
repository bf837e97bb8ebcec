/**
 * The foot of a real scan as OCR gives it — recipients and signature block —
 * and the title line beside a received stamp: an authority line garbled
 * under a seal, a name before a speck, a heading OCR cut short, items that
 * run over two lines, a seal's scrap in the list, the list of an attached
 * draft, a stamp's scrap before `Về việc`.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {parseSync} from '../../src/parse.js'
import {garbledAuthority, signerName, splitRank} from '../../src/sections/closing-lines.js'
import {matchPosition} from '../../src/sections/position.js'

/** Parse `lines` as the text `read` made of an OCR'd scan. */
function parseOcr(...lines: string[]) {
  const file = new VFile({value: lines.join('\n')})
  file.data.source = {path: null, sha256: '0'.repeat(64), mediaType: 'image/png', pages: 1, route: 'ocr'}
  return parseSync(file)
}

const ruleIds = (messages: Array<{ruleId?: string | null}>) => messages.map((m) => m.ruleId)

describe('signature block', () => {
  it('reads an authority line a seal garbled as the line it is, the position under it settling it', () => {
    expect(garbledAuthority('K1. CHU 1JCH', 'PHÓ CHỦ TỊCH')).toEqual({authority: 'KT.', on: 'CHỦ TỊCH'})
    expect(garbledAuthority('1L. CHU TICH', 'CHÁNH VĂN PHÒNG')).toEqual({authority: 'TL.', on: 'CHỦ TỊCH'})
    expect(garbledAuthority('TM. UY BAN NHAN DAN', null)).toEqual({authority: 'TM.', on: 'ỦY BAN NHÂN DÂN'})
  })

  it('takes no heading, article or scrap for an authority line', () => {
    for (const text of ['II. KẾT QUẢ', 'I. MỤC ĐÍCH', 'Điều 1. Nội dung', 'ZŒSw.7AXNQU TỊCH', 'B. NHIỆM VỤ CỤ THỂ']) expect(garbledAuthority(text, null), text).toBeNull()
  })

  it('reads a position line OCR ran on into the signature’s scrawl, not a second position line', () => {
    expect(matchPosition('PHO CHỦ TịcH wuaw—')).toBe('PHÓ CHỦ TỊCH')
    expect(matchPosition('CHỦ TỊCH UBND TỈNH')).toBeNull()
    expect(matchPosition('Chủ tịch và các Phó')).toBeNull()
  })

  it('finds the name before a speck the seal left after it, not a name cut short', () => {
    expect(signerName('Trần Ngọc Căng 3')).toBe('Trần Ngọc Căng')
    expect(signerName('Phạm Trường Thọ')).toBe('Phạm Trường Thọ')
    expect(signerName('1/07 Leak—— - Trần Hoàng Tuấn ⁄a')).toBe('Trần Hoàng Tuấn')
    expect(signerName('Nguyễn Văn A 3')).toBeNull()
    expect(signerName('Như trên 3')).toBeNull()
  })

  it('completes a surname whose first letters the stroke took when only one known surname ends so', () => {
    expect(signerName('rân Ngọc Căng')).toBe('Trần Ngọc Căng')
    expect(signerName('ạ m Trường Thọ')).toBe('Phạm Trường Thọ')
    // `am`: Phạm or Đàm — and no half name either.
    expect(signerName('am Văn Nam')).toBeNull()
    expect(signerName('và Phòng Tư pháp')).toBeNull()
  })

  it('takes the line after the filed copy for the signer, and a name run into a recipient’s line for the signer’s', () => {
    const after = parseOcr('CHỈ THỊ', 'Về việc x', '', 'Thực hiện nghiêm./.', '', 'Nơi nhận:', '- Bộ Tư pháp;', '- Lưu: VT.', '', 'ạ m Trường Thọ')
    expect(after.output.document.recipients).toEqual(['Bộ Tư pháp', 'Lưu: VT'])
    expect(after.output.document.signatures).toEqual([{authority: null, position: null, name: 'Phạm Trường Thọ'}])
    expect(ruleIds(after.messages)).toContain('name-head')
    const run = parseOcr('CHỈ THỊ', 'Về việc x', '', 'Thực hiện nghiêm./.', '', 'Nơi nhận:', '- Đoàn ĐBQH tỉnh;', '- Ủy ban MTTQVN Tỉnh: rân Ngọc Căng', '- Lưu: VT.')
    expect(run.output.document.recipients).toEqual(['Đoàn ĐBQH tỉnh', 'Ủy ban MTTQVN Tỉnh', 'Lưu: VT'])
    expect(run.output.document.signatures).toEqual([{authority: null, position: null, name: 'Trần Ngọc Căng'}])
    expect(ruleIds(run.messages)).toContain('name-in-recipients')
  })

  it('reads the garbled authority and the name before a speck from an OCR closing block, with a message', () => {
    const {output, messages} = parseOcr(
      'BÁO CÁO',
      'Tình hình thực hiện',
      '',
      'Trên đây là kết quả thực hiện./.',
      '',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, TTHC.',
      '',
      'K1. CHU 1JCH',
      'PHO CHỦ TịcH',
      '',
      'Trần Hoàng Tuấn 3'
    )
    expect(output.document.signatures[0]).toMatchObject({authority: 'KT.', on: 'CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: 'Trần Hoàng Tuấn'})
    expect(ruleIds(messages)).toContain('ocr-authority')
  })
})

describe('signature block: rank, authority apart, lines run into the list', () => {
  it('keeps a name written after a rank, with the rank, and a rare given name as read', () => {
    const {output} = parseOcr('QUYẾT ĐỊNH', 'Về việc x', '', 'Điều 1. Nội dung.', '', 'Nơi nhận:', '- Như Điều 1;', '- Lưu: VT.', '', 'TL. BỘ TRƯỞNG', 'CHÁNH VĂN PHÒNG', '', 'Thiếu tướng Trương Minh Đương')
    expect(output.document.signatures[0]).toMatchObject({authority: 'TL.', on: 'BỘ TRƯỞNG', position: 'CHÁNH VĂN PHÒNG', name: 'Trương Minh Đương', rank: 'Thiếu tướng'})
    expect(splitRank('TS.Nguyễn Văn An')).toEqual({rank: 'TS.', rest: 'Nguyễn Văn An'})
    expect(splitRank('Đại hội Đảng bộ').rank).toBeNull()
  })

  it('reads an authority OCR set apart from what it stands for (`TL.` / `BỘ TRƯỞNG`)', () => {
    const {output} = parseOcr('QUYẾT ĐỊNH', 'Về việc x', '', 'Điều 1. Nội dung.', '', 'Nơi nhận:', '- Như Điều 1;', '- Lưu: VT.', '', 'TL.', 'BỘ TRƯỞNG', 'VỤ TRƯỞNG VỤ PHÁP CHẾ', '', 'Đại tá Nguyễn Văn Hùng')
    expect(output.document.signatures).toEqual([
      {authority: 'TL.', on: 'BỘ TRƯỞNG', position: 'VỤ TRƯỞNG VỤ PHÁP CHẾ', name: 'Nguyễn Văn Hùng', rank: 'Đại tá', chain: [{authority: 'TL.', on: 'BỘ TRƯỞNG'}]}
    ])
  })

  it('sets apart the signature lines OCR ran onto the recipients’ lines', () => {
    const {output} = parseOcr('QUYẾT ĐỊNH', 'Về việc x', '', 'Điều 1. Nội dung.', '', 'Nơi nhận:', '- Như Điều 1; KT. CHỦ TỊCH', '- Bộ Tư pháp; PHÓ CHỦ TỊCH', '- Lưu: VT.', '', 'Trần Văn Nam')
    expect(output.document.recipients).toEqual(['Như Điều 1', 'Bộ Tư pháp', 'Lưu: VT'])
    expect(output.document.signatures[0]).toMatchObject({authority: 'KT.', on: 'CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: 'Trần Văn Nam'})
  })
})

describe('recipients', () => {
  it('takes a short piece ending with a colon before the items for what OCR left of the heading', () => {
    const {output} = parseOcr('CÔNG VĂN', 'V/v x', '', 'Kính gửi: Sở Tài chính', '', 'Đề nghị thực hiện./.', '', 'hận:', '- Như trên;', '- PCT UBND tỉnh;', '- Lưu: VT, TTHC.', '', 'TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG')
    expect(output.document.recipients).toEqual(['Như trên', 'PCT UBND tỉnh', 'Lưu: VT, TTHC'])
  })

  it('joins an item that runs over two lines read as two paragraphs, the second capitalised', () => {
    const {output} = parseOcr(
      'THÔNG BÁO',
      'Kết luận',
      '',
      'Nay thông báo để biết./.',
      '',
      'Nơi nhận:',
      '- Tỉnh đoàn;',
      '- Ban Quản lý Khu kinh tế Dung Quất',
      '',
      'Và các Khu công nghiệp Quảng Ngãi;',
      '- Cục Đầu tư nước ngoài và Trung tâm XTĐT miền',
      '',
      'Trung (Bộ KH-ĐT);',
      'VPUB: CVP, PCVP;',
      '- Lưu: VT.',
      '',
      'TL. CHỦ TỊCH',
      'CHÁNH VĂN PHÒNG'
    )
    expect(output.document.recipients).toEqual([
      'Tỉnh đoàn',
      'Ban Quản lý Khu kinh tế Dung Quất Và các Khu công nghiệp Quảng Ngãi',
      'Cục Đầu tư nước ngoài và Trung tâm XTĐT miền Trung (Bộ KH-ĐT)',
      'VPUB: CVP, PCVP',
      'Lưu: VT'
    ])
  })

  it('leaves the specks a seal left at the end of an item out, and still joins the item’s second line', () => {
    const {output} = parseOcr('CHỈ THỊ', 'Về việc x', '', 'Thực hiện nghiêm./.', '', 'Nơi nhận:', '- Phòng TM;', '- Cục Đầu tư nước ngoài và Trung tâm XTĐT miền >', '', 'Trung (Bộ KH-ĐT); ị', '- Thường trực HĐND tỉnh;', '- Lưu: VT.')
    expect(output.document.recipients).toEqual(['Phòng TM', 'Cục Đầu tư nước ngoài và Trung tâm XTĐT miền Trung (Bộ KH-ĐT)', 'Thường trực HĐND tỉnh', 'Lưu: VT'])
  })

  it('leaves out a seal’s scrap on the heading’s line and under it, with a message, and keeps an item there', () => {
    const scrap = parseOcr('TỜ TRÌNH', 'Về việc x', '', 'Kính gửi: Hội đồng nhân dân tỉnh', '', 'Kính trình./.', '', 'Nơi nhận: - LAO l°', 'Bộ', '- Như trên;', '- Lưu: VT.', '', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH')
    expect(scrap.output.document.recipients).toEqual(['Như trên', 'Lưu: VT'])
    expect(scrap.output.document.signatures[0]).toMatchObject({authority: 'KT.', position: 'PHÓ CHỦ TỊCH'})
    expect(scrap.messages.some((m) => m.ruleId === 'low-confidence' && m.reason.includes('LAO'))).toBe(true)
    const inline = parseOcr('TỜ TRÌNH', 'Về việc x', '', 'Kính trình./.', '', 'Nơi nhận: - Như trên;', '- Lưu: VT.', '', 'CHỦ TỊCH')
    expect(inline.output.document.recipients).toEqual(['Như trên', 'Lưu: VT'])
  })

  it('keeps the document’s own list, not the one of the draft it submits', () => {
    const {output, messages} = parseOcr(
      'TỜ TRÌNH',
      'Về việc ban hành Nghị quyết',
      '',
      'Kính gửi: Hội đồng nhân dân tỉnh',
      '',
      'Kính trình./.',
      '',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
      '',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      '',
      'Trần Hoàng Tuấn',
      '',
      'NGHỊ QUYẾT',
      'Bãi bỏ các nghị quyết',
      '',
      'Điều 1. Bãi bỏ.',
      '1. Nghị quyết số 39/2011/NQ-HĐND.',
      '',
      'Nơi nhận:',
      '- UBTV Quốc hội;',
      '- Bộ Tư pháp;',
      '- Lưu: VT.',
      '',
      'CHỦ TỊCH'
    )
    expect(output.document.recipients).toEqual(['Như trên', 'Lưu: VT'])
    expect(output.document.signatures[0]).toMatchObject({authority: 'KT.', name: 'Trần Hoàng Tuấn'})
    expect(ruleIds(messages)).toContain('recipients-attached')
  })
})

describe('title', () => {
  it('leaves out a stamp’s scrap before `Về việc` on the title line, with a message', () => {
    const {output, messages} = parseOcr('CHỈ THỊ', 'TRÙNG TẤN CÔNG B0 6 Tí LỘC 0.NGĨI Về việc tăng cường công tác thi hành án', '', 'Thời gian qua, công tác triển khai.')
    expect(output.document.title).toBe('Về việc tăng cường công tác thi hành án')
    expect(messages.some((m) => m.ruleId === 'low-confidence' && m.reason.includes('TRÙNG'))).toBe(true)
  })

  it('keeps a title that names its matter before `về việc`', () => {
    const {output} = parseOcr('CÔNG VĂN', 'V/v góp ý dự thảo Quyết định về việc ban hành quy chế', '', 'Kính gửi: Sở Tư pháp')
    expect(output.document.title).toBe('V/v góp ý dự thảo Quyết định về việc ban hành quy chế')
  })
})
