import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {stripMarks} from '../../src/vietnamese/letters.js'
import {blockSize, restore} from '../../src/diacritics/restore.js'

describe('restore, stripped text', () => {
  it('should restore the marks of a stripped sentence', () => {
    expect(restore('Cai cach thu tuc hanh chinh', {mode: 'stripped'}).text).toBe('Cải cách thủ tục hành chính')
    expect(restore('Cai cach thu tuc', {mode: 'stripped'}).text).toBe('Cải cách thủ tục')
  })

  it('should restore headings in capitals and keep their case', () => {
    expect(restore('KE HOACH\nI. MUC DICH, YEU CAU', {mode: 'stripped'}).text).toBe('KẾ HOẠCH\nI. MỤC ĐÍCH, YÊU CẦU')
  })

  it('should report changed tokens with offsets into the restored text', () => {
    const result = restore('Uy ban nhan dan xa', {mode: 'stripped'})
    expect(result.text).toBe('Ủy ban nhân dân xã')
    expect(result.tokens.map((t) => [t.original, t.value])).toEqual([['Uy', 'Ủy'], ['nhan', 'nhân'], ['dan', 'dân'], ['xa', 'xã']])
    for (const t of result.tokens) {
      expect(result.text.slice(t.start, t.end)).toBe(t.value)
      expect(t.confidence).toBeGreaterThan(0.5)
      expect(t.confidence).toBeLessThanOrEqual(1)
    }
  })

  it('should pass numbers, codes, acronyms and section numbers through', () => {
    const input = 'Thuc hien Nghi quyet so 76/NQ-CP ngay 15/7/2021 cua Chinh phu; HĐND va UBND xa; muc II. va 100%'
    const out = restore(input, {mode: 'stripped'}).text
    expect(out).toBe('Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ; HĐND và UBND xã; mục II. và 100%')
  })

  it('should keep the group numeral of a table row or cell (VI, not VÌ)', () => {
    for (const mode of ['auto', 'marks', 'stripped'] as const) {
      const out = restore('V\tCải cách chế độ công vụ\nVI\tCải cách tài chính công\nVII\tXây dựng Chính quyền điện tử', {mode}).text
      expect(out.split('\n').map((line) => line.split('\t')[0])).toEqual(['V', 'VI', 'VII'])
      // A table cell holding the group numeral alone, as the tree's cells are restored.
      expect(restore('VI', {mode, ocrText: true}).text).toBe('VI')
    }
  })

  it('should pass English words through in auto mode', () => {
    expect(restore('Ung dung e-Government va Smart City trong cai cach hanh chinh').text).toBe(
      'Ứng dụng e-Government và Smart City trong cải cách hành chính'
    )
    expect(restore('Phan mem JavaScript, file PDF, Microsoft Word').text).toBe('Phần mềm JavaScript, file PDF, Microsoft Word')
  })

  it('should give a low confidence where the context cannot decide', () => {
    const result = restore('ban', {mode: 'stripped'})
    const sure = restore('Uy ban nhan dan thanh pho Ha Noi', {mode: 'stripped'})
    const min = Math.min(...sure.tokens.map((t) => t.confidence))
    expect(min).toBeGreaterThan(0.9)
    for (const t of result.tokens) expect(t.confidence).toBeLessThan(min)
  })
})

describe('restore, document codes and places', () => {
  it('should put back the Đ of document codes and abbreviations in stripped text', () => {
    const out = restore('Can cu Quyet dinh so 3470/QD-UBND va Nghi dinh so 67/2007/ND-CP; HDND xa; Cong van 5740/UBND-SGDDT', {mode: 'stripped'}).text
    expect(out).toBe('Căn cứ Quyết định số 3470/QĐ-UBND và Nghị định số 67/2007/NĐ-CP; HĐND xã; Công văn 5740/UBND-SGDĐT')
  })

  it('should leave codes alone in correct text', () => {
    const text = 'Căn cứ Quyết định số 3470/QD-UBND của Ủy ban nhân dân thành phố.'
    expect(restore(text).text).toBe(text)
  })

  it('should prefer the name of a known unit after a unit word, and again where the text repeats it', () => {
    expect(restore('Nguyen Giap, ngay 14 thang 9\nUy ban nhan dan xa Nguyen Giap', {mode: 'stripped'}).text).toBe(
      'Nguyên Giáp, ngày 14 tháng 9\nỦy ban nhân dân xã Nguyên Giáp'
    )
    expect(restore('UBND TINH LAM DONG', {mode: 'stripped'}).text).toBe('UBND TỈNH LÂM ĐỒNG')
    // The unit word before a name of its type: phường, where "phuong an" stays phương án.
    expect(restore('UBND phuong Tan An; phuong an phat trien', {mode: 'stripped'}).text).toBe('UBND phường Tân An; phương án phát triển')
  })
})

describe('restore, marks mode', () => {
  it('should leave a heading in capitals that is valid Vietnamese as it is', () => {
    expect(restore('ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG', {mode: 'marks'}).text).toBe('ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG')
    expect(restore('UBND TỈNH LÂM ĐỒNG', {mode: 'marks'}).text).toBe('UBND TỈNH LÂM ĐỒNG')
  })
})

describe('restore, OCR damage', () => {
  const ocr = (text: string) => restore(text, {mode: 'ocr'}).text

  it('should repair digits and symbols read for letters', () => {
    expect(ocr('S6: 15 /KH-UBND')).toBe('Số: 15 /KH-UBND')
    expect(ocr('UBND x4 va HDND x4')).toBe('UBND xã và HĐND xã')
    expect(ocr('Chinh sach d6i véi can bo')).toBe('Chính sách đối với cán bộ')
    expect(ocr('co c}}é mot cua')).toBe('cơ chế một cửa')
    expect(ocr('Trong tdm 1a x4y dung nén hanh chinh')).toBe('Trọng tâm là xây dựng nền hành chính')
  })

  it('should repair wrong base letters, not only marks', () => {
    expect(ocr('Pay manh cai cach hanh chinh')).toBe('Đẩy mạnh cải cách hành chính')
    expect(ocr('Nhi€ém vu trong tam')).toBe('Nhiệm vụ trọng tâm')
    expect(ocr('theo Nghi quyét s6 76/NQ-CP ngay 15/7/2021 cta Chinh phu')).toBe('theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ')
  })

  it('should keep headings in capitals and codes as they are', () => {
    expect(ocr('UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM')).toBe('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(ocr('I. MUC PiCH, YEU CAU')).toBe('I. MỤC ĐÍCH, YÊU CẦU')
    expect(ocr('Chi s6 hai long (SIPAS), Chi s6 PAR Index')).toBe('Chỉ số hài lòng (SIPAS), Chỉ số PAR Index')
  })

  it('should see English-model OCR output in auto mode', () => {
    const out = restore('S6: 15 /KH-UBND, ngay 14 thang 9 ndm 2025\nThuc hién Quyét dinh s6 3470/QD-UBND').text
    expect(out).toBe('Số: 15 /KH-UBND, ngày 14 tháng 9 năm 2025\nThực hiện Quyết định số 3470/QĐ-UBND')
  })
})

describe('restore, correct text', () => {
  it('should leave correct Vietnamese alone in auto mode', () => {
    const text = readFileSync(new URL('../../fixtures/seed-000/input.txt', import.meta.url), 'utf8')
    const result = restore(text)
    expect(result.tokens).toEqual([])
    expect(result.text).toBe(text)
  })

  it('should keep a text of another tone placement as it is', () => {
    const text = 'Uỷ ban nhân dân xã phối hợp với Hội Liên hiệp Phụ nữ về công tác hoà giải ở cơ sở.'
    expect(restore(text).text).toBe(text)
  })
})

describe('restore, properties', () => {
  const alphabet = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĐOHUNG áàảãạéèẻẽẹóòỏõọúùủũụíìỉĩịýỳỷỹỵ0123456789.,;:()/-\n\t  '].map((c) => fc.constant(c))
  const text = fc.array(fc.oneof(...alphabet), {maxLength: 80}).map((cs) => cs.join(''))
  const plain = fc
    .array(fc.constantFrom('cai', 'cach', 'hanh', 'chinh', 'thu', 'tuc', 'nha', 'nuoc', 'UBND', 'xa', 'Nguyen', '2025', 'KE', 'HOACH', '76/NQ-CP', 'duoc', 'a', 'o', 'y', 'quy', 'gi'), {maxLength: 30})
    .chain((words) => fc.array(fc.constantFrom(' ', '\n', ', ', '. ', ' - ', '\n\n'), {minLength: words.length, maxLength: words.length}).map((gaps) => words.map((w, i) => w + gaps[i]).join('')))

  it('should only add marks in stripped mode: removing them gives the input back', () => {
    fc.assert(
      fc.property(fc.oneof(text, plain), (input) => {
        const input_ = input.normalize('NFC')
        const out = restore(input_, {mode: 'stripped'}).text
        expect(stripMarks(out)).toBe(stripMarks(input_))
        expect(out.length).toBe(input_.length)
      }),
      {numRuns: 300}
    )
  })

  it('should keep every line break and non-word character in place in every mode', () => {
    const skeleton = (s: string) => s.replace(/[\p{L}\p{M}\p{N}]+/gu, 'w')
    fc.assert(
      fc.property(plain, fc.constantFrom('stripped', 'auto', 'ocr') as fc.Arbitrary<'stripped' | 'auto' | 'ocr'>, (input, mode) => {
        const out = restore(input, {mode}).text
        expect(skeleton(out)).toBe(skeleton(input))
      }),
      {numRuns: 200}
    )
  })
})

describe('restore, any input', () => {
  it('should never throw, and its token offsets should point at the values, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 200}), fc.constantFrom('stripped', 'ocr', 'auto') as fc.Arbitrary<'stripped' | 'ocr' | 'auto'>, (text, mode) => {
        const result = restore(text, {mode})
        for (const t of result.tokens) expect(result.text.slice(t.start, t.end)).toBe(t.value)
      }),
      {numRuns: 500}
    )
  })
})

describe('restore, long text', () => {
  it('should restore a text longer than one block the same way, with offsets into the whole', () => {
    const seed = stripMarks(readFileSync(new URL('../../fixtures/seed-000/input.txt', import.meta.url), 'utf8'))
    // Enough copies for three blocks or more.
    const text = Array.from({length: Math.ceil((2 * blockSize) / seed.length) + 1}, () => seed).join('\n')
    expect(text.length).toBeGreaterThan(2 * blockSize)
    const result = restore(text, {mode: 'stripped'})
    expect(stripMarks(result.text)).toBe(text)
    expect(result.text.split('\n').length).toBe(text.split('\n').length)
    for (const t of result.tokens) expect(result.text.slice(t.start, t.end)).toBe(t.value)
    // Every copy of the seed comes out the same as the seed alone (blocks cut at line ends).
    const alone = restore(seed, {mode: 'stripped'}).text
    expect(result.text.includes(alone)).toBe(true)
  })
})

describe('restore, marks mode (text a Vietnamese OCR model read)', () => {
  it('should put right the marks the Vietnamese model gets wrong, by context', () => {
    // Real misreadings of tesseract's vie model on a phone photo: hỏi read as sắc, a dot below added.
    expect(restore('Kế hoạch tống thế cải cách hành chính', {mode: 'marks'}).text).toBe('Kế hoạch tổng thể cải cách hành chính')
    expect(restore('Tố chức thực hiện', {mode: 'marks'}).text).toBe('Tổ chức thực hiện')
    expect(restore('Chí số chuyến đối số (DTI)', {mode: 'marks'}).text).toBe('Chỉ số chuyển đổi số (DTI)')
    expect(restore('ỦY BAN NHÂN DÂN THÀNH PHÔ', {mode: 'marks'}).text).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ')
  })

  it('should leave correct text, names, acronyms and codes as they are', () => {
    const text = 'Ông Nguyễn Văn Thắng, Chủ tịch UBND xã, ký Quyết định số 76/QĐ-UBND ngày 15/7/2021.'
    expect(restore(text, {mode: 'marks'}).text).toBe(text)
    const seed = readFileSync('fixtures/seed-003/input.txt', 'utf8')
    const out = restore(seed, {mode: 'marks'}).text
    const words = seed.split(/\s+/)
    const changed = out.split(/\s+/).filter((w, i) => w !== words[i]).length
    expect(changed / words.length).toBeLessThan(0.001)
  })

  it('should score a paragraph after the text before it (`before`), which it never returns', () => {
    // A phone photo's title as tesseract's vie model read it: a dot below added to Ban, hoạch lost.
    // Alone, "bạn hành kế cải" and "ban hành kế cải" are close; after QUYẾT ĐỊNH, Ban hành wins.
    const title = 'Bạn hành Kế Cải cách hành chính nhà nước'
    const result = restore(title, {mode: 'marks', before: 'QUYẾT ĐỊNH'})
    expect(result.text).toBe('Ban hành Kế Cải cách hành chính nhà nước')
    expect(result.tokens).toMatchObject([{start: 0, end: 3, original: 'Bạn', value: 'Ban'}])
    expect(restore('ban hanh ke hoach', {before: 'QUYẾT ĐỊNH'}).text).toBe('ban hành kế hoạch')
  })

  it('should only ever change marks: the letters stay', () => {
    const input = 'Cái cách thú tục hành chính trong năm 2025, Chí số PAR Index; x4 S6'
    const out = restore(input, {mode: 'marks'}).text
    expect(stripMarks(out)).toBe(stripMarks(input))
  })
})
