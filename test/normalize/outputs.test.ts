import {describe, expect, it} from 'vitest'
import {splitOutputs} from '../../src/normalize/outputs.js'

describe('splitOutputs', () => {
  it('should split on semicolons, not on commas or slashes', () => {
    expect(splitOutputs('Kế hoạch; Báo cáo kết quả tuyên truyền CCHC')).toEqual(['Kế hoạch', 'Báo cáo kết quả tuyên truyền CCHC'])
    expect(splitOutputs('Kế hoạch, Báo cáo kết quả đánh giá')).toEqual(['Kế hoạch, Báo cáo kết quả đánh giá'])
    expect(splitOutputs('Kế hoạch/ Kết quả Hội thi')).toEqual(['Kế hoạch/ Kết quả Hội thi'])
  })

  it('should join a dash line that goes on with a name wrapped before its " - ", and split a dashed list', () => {
    expect(splitOutputs('Báo cáo kinh tế\n- xã hội năm 2026')).toEqual(['Báo cáo kinh tế - xã hội năm 2026'])
    expect(splitOutputs('- Kế hoạch\n- Báo cáo')).toEqual(['Kế hoạch', 'Báo cáo'])
    expect(splitOutputs('Kế hoạch;\n- Báo cáo')).toEqual(['Kế hoạch', 'Báo cáo'])
  })

  it('should make an item of each bulleted line and join wrapped lines', () => {
    expect(splitOutputs('+ Kế hoạch của UBND;\n+ Quyết định phê duyệt\nphương án (nếu có).')).toEqual([
      'Kế hoạch của UBND',
      'Quyết định phê duyệt phương án (nếu có)'
    ])
    expect(splitOutputs('Quyết định ban\nhành Kế hoạch')).toEqual(['Quyết định ban hành Kế hoạch'])
  })

  it('should split inline "+" bullets but keep " - " inside an item', () => {
    expect(splitOutputs('+ Kế hoạch + Quyết định xếp loại')).toEqual(['Kế hoạch', 'Quyết định xếp loại'])
    expect(splitOutputs('Báo cáo tình hình kinh tế - xã hội')).toEqual(['Báo cáo tình hình kinh tế - xã hội'])
  })

  it('should give nothing for an empty cell', () => {
    expect(splitOutputs('  \n ')).toEqual([])
  })
})
