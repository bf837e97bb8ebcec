/**
 * `sohoa parse --summary`: `date` is always an ISO date or null, never the
 * raw text; the date as written is in `dateRaw`.
 */
import {describe, expect, it} from 'vitest'
import {summarize} from '../../src/output/summary.js'
import {parseLines} from '../support/parse.js'

const header = (date: string) =>
  parseLines('ỦY BAN NHÂN DÂN', 'XÃ NGUYỄN GIÁP', 'Số: 27/KH-UBND', `Nguyễn Giáp, ${date}`, 'KẾ HOẠCH', 'Chuyển đổi số năm 2026', 'I. MỤC ĐÍCH')

describe('summary', () => {
  it('gives the date as ISO, and as written in dateRaw', () => {
    const summary = summarize(header('ngày 14 tháng 3 năm 2026').output)
    expect(summary).toMatchObject({type: 'Kế hoạch', number: '27/KH-UBND', date: '2026-03-14', dateRaw: 'ngày 14 tháng 3 năm 2026'})
  })

  it('gives null, not the raw text, for an incomplete date', () => {
    const {output} = header('ngày   tháng 01 năm 2026')
    expect(output.document.date).toMatchObject({iso: null, day: null})
    const summary = summarize(output)
    expect(summary.date).toBeNull()
    expect(summary.dateRaw).toBe(output.document.date?.raw)
  })

  it('gives null for both when there is no date', () => {
    expect(summarize(parseLines('KẾ HOẠCH', 'Chuyển đổi số năm 2026', 'I. MỤC ĐÍCH').output)).toMatchObject({date: null, dateRaw: null})
  })
})
