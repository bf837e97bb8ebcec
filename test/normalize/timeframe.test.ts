import {describe, expect, it} from 'vitest'
import {loadGrammar} from '../../src/util/grammar.js'
import {foldChars, foldPattern} from '../../src/normalize/fold.js'
import {matchTimeframe, parseTimeframe} from '../../src/normalize/timeframe.js'

const grammar = loadGrammar('timeframes')
const y2026 = {year: 2026}

describe('timeframes grammar, as the parser runs it (folded, first match wins)', () => {
  for (const rule of grammar.rules) {
    const folded = new RegExp(foldPattern(rule.pattern), rule.flags)
    for (const example of rule.ok ?? []) {
      it(`${JSON.stringify(example)} should be read by ${rule.id}`, () => {
        expect(matchTimeframe(example)?.rule).toBe(rule.id)
      })
    }
    for (const example of rule.notOk ?? []) {
      it(`${rule.id} should not read ${JSON.stringify(example)} even without diacritics`, () => {
        expect(folded.test(foldChars(example))).toBe(false)
      })
    }
  }
})

describe('parseTimeframe', () => {
  const cases: Array<[string, number | null, string | null, string | null, string | null]> = [
    // raw, plan year, kind, start, end
    ['Quý I/2026', 2026, 'range', '2026-01-01', '2026-03-31'],
    ['Quý III,IV/2026', 2026, 'range', '2026-07-01', '2026-12-31'],
    ['Quý III, IV/2026 (thực hiện theo hướng dẫn).', 2026, 'range', '2026-07-01', '2026-12-31'],
    ['Quý I năm 2026', 2026, 'range', '2026-01-01', '2026-03-31'],
    ['Quý IV/2027', 2026, 'range', '2027-10-01', '2027-12-31'],
    ['Quý II', 2026, 'range', '2026-04-01', '2026-06-30'],
    ['Quý II', null, 'range', null, null],
    ['Tháng 01-05/2026', 2026, 'range', '2026-01-01', '2026-05-31'],
    ['Tháng 7-10/2026', 2026, 'range', '2026-07-01', '2026-10-31'],
    ['Tháng 01 năm 2026.', 2026, 'range', '2026-01-01', '2026-01-31'],
    ['Tháng 2/2028', null, 'range', '2028-02-01', '2028-02-29'],
    ['Trước ngày 15/01/2026', 2026, 'deadline', null, '2026-01-15'],
    ['Chậm nhất là ngày 31/01/2026.', 2026, 'deadline', null, '2026-01-31'],
    ['Trước tháng 6/2026', 2026, 'deadline', null, '2026-05-31'],
    ['Chậm nhất quý III/2026', 2026, 'deadline', null, '2026-09-30'],
    ['Đến năm 2030', 2026, 'deadline', null, '2030-12-31'],
    ['Ngày 20/3/2026', 2026, 'date', '2026-03-20', '2026-03-20'],
    ['Từ ngày 01/3/2026 đến ngày 30/6/2026', 2026, 'range', '2026-03-01', '2026-06-30'],
    ['Cả năm 2026', 2026, 'range', '2026-01-01', '2026-12-31'],
    ['Trong năm 2026', 2025, 'range', '2026-01-01', '2026-12-31'],
    ['Năm 2026 (*tổ chức ít nhất 02 Hội nghị/năm*).', 2026, 'range', '2026-01-01', '2026-12-31'],
    ['2026 - 2030', 2026, 'range', '2026-01-01', '2030-12-31'],
    ['6 tháng đầu năm', 2026, 'range', '2026-01-01', '2026-06-30'],
    ['6 tháng cuối năm', 2027, 'range', '2027-07-01', '2027-12-31'],
    ['6 tháng đầu năm', null, 'range', null, null],
    ['Thường xuyên', 2026, 'continuous', null, null],
    ['Thường xuyên (trong năm)', 2026, 'continuous', '2026-01-01', '2026-12-31'],
    ['Thường xuyên trong năm 2027', 2026, 'continuous', '2027-01-01', '2027-12-31'],
    ['Hằng năm', 2026, 'recurring', null, null],
    ['Định kỳ hằng quý', 2026, 'recurring', null, null],
    ['Theo yêu cầu của Sở Nội vụ', 2026, 'conditional', null, null],
    ['Theo hướng dẫn của Trung ương và Kế hoạch số 310/KH-UBND ngày 24/11/2025', 2026, 'conditional', null, null],
    ['Quy I/2026', 2026, 'range', '2026-01-01', '2026-03-31'],
    ['Sớm nhất có thể', 2026, null, null, null],
    ['Trước ngày 15 tháng 01 năm 2026', 2026, 'deadline', null, '2026-01-15'],
    ['15 - 20/01/2026', 2026, 'range', '2026-01-15', '2026-01-20'],
    ['Từ năm 2027', 2026, 'continuous', '2027-01-01', null],
    ['Đến 2030', 2026, 'deadline', null, '2030-12-31'],
    ['Quý I, năm 2026', 2026, 'range', '2026-01-01', '2026-03-31'],
    ['Quý IV/2026 - Quý I/2027', 2026, 'range', '2026-10-01', '2027-03-31'],
    ['Ngày 31/02/2026', 2026, null, null, null],
    // A quarter's Roman numeral as OCR reads it: I as 1, l or |; the raw stays as read.
    ['Quý l/2026', 2026, 'range', '2026-01-01', '2026-03-31'],
    ['Quý 11/2026', 2026, 'range', '2026-04-01', '2026-06-30'],
    ['Quý |||/2026', 2026, 'range', '2026-07-01', '2026-09-30'],
    ['Quý 1V/2026', 2026, 'range', '2026-10-01', '2026-12-31'],
    ['Chậm nhất quý 1l/2026', 2026, 'deadline', null, '2026-06-30'],
    ['Quý 12/2026', 2026, null, null, null]
  ]
  for (const [raw, year, kind, start, end] of cases) {
    it(`${JSON.stringify(raw)} (year ${year}) should be ${kind} ${start} … ${end}`, () => {
      const result = parseTimeframe(raw, {year})
      expect(result).toEqual({raw: result.raw, kind, start, end})
    })
  }

  it('should keep the raw text (cleaned of emphasis and extra spaces)', () => {
    expect(parseTimeframe('  **Quý I/2026**  ', y2026).raw).toBe('Quý I/2026')
    expect(parseTimeframe('Nội dung lạ', y2026)).toEqual({raw: 'Nội dung lạ', start: null, end: null, kind: null})
  })

  it('should never take a date of a cited document as the time frame', () => {
    const result = parseTimeframe('Theo Kế hoạch số 310/KH-UBND ngày 24/11/2025 của UBND thành phố', y2026)
    expect(result.start).toBeNull()
    expect(result.end).toBeNull()
  })
})
