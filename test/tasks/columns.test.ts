import {describe, expect, it} from 'vitest'
import {fieldOf, headerMap, labelledField} from '../../src/tasks/columns.js'
import {markerId, readMarker} from '../../src/tasks/markers.js'

describe('column headers and labels', () => {
  it('should map headers with or without diacritics, case and trailing colons', () => {
    expect(fieldOf('Cơ quan chủ trì')).toBe('lead')
    expect(fieldOf('Co quan chu tri')).toBe('lead')
    expect(fieldOf('THỜI GIAN THỰC HIỆN/HOÀN THÀNH')).toBe('timeframe')
    expect(fieldOf('Thoi gian thuc hien:')).toBe('timeframe')
    expect(fieldOf('Sản phẩm (6)')).toBe('outputs')
    expect(fieldOf('Cơ quan\nphối hợp')).toBe('cooperating')
    expect(fieldOf('Chỉ tiêu')).toBeNull()
  })

  it('should accept a header only with a content column and another task field', () => {
    expect(headerMap(['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian', 'Sản phẩm'])).toEqual({
      number: 0,
      content: 1,
      lead: 2,
      cooperating: 3,
      timeframe: 4,
      outputs: 5
    })
    expect(headerMap(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch'])).toBeNull()
    expect(headerMap(['TT', 'Nội dung'])).toBeNull()
  })

  it('should name a cell of a task header that OCR garbled by the nearest example, once the row is a task header', () => {
    expect(headerMap(['STT', 'Nhiệm vụ', 'Sản P phẩm', 'Thời zian hoàn thành', 'Chủ trì thực hiện', 'Phối hợp thựch hiện', 'Theo dõi, kiểm tra, đôn đốc'])).toEqual({
      number: 0,
      content: 1,
      outputs: 2,
      timeframe: 3,
      lead: 4,
      cooperating: 5,
      monitoring: 6
    })
    // Not a label of the list form, not a row that is no task header.
    expect(fieldOf('Thời zian hoàn thành')).toBeNull()
    expect(headerMap(['TT', 'Nội dunz', 'Thời zian hoàn thành'])).toBeNull()
  })

  it('should read labelled fields of the list form, emphasis and bullets aside', () => {
    expect(labelledField('- Cơ quan chủ trì thực hiện: **Phòng Văn hóa - Xã hội.**')).toEqual({field: 'lead', value: 'Phòng Văn hóa - Xã hội.'})
    expect(labelledField('Cơ quan phối hợp, theo dõi: Văn phòng HĐND&UBND')).toEqual({field: 'cooperating', value: 'Văn phòng HĐND&UBND'})
    expect(labelledField('Thời gian thực hiện: Quý I/2026')).toEqual({field: 'timeframe', value: 'Quý I/2026'})
    expect(labelledField('Chủ trì, phối hợp với cơ quan liên quan tham mưu thực hiện')).toBeNull()
    expect(labelledField('Lưu ý: Thời gian thực hiện')).toBeNull()
  })
})

describe('row markers', () => {
  it('should read numbers, roman and letter markers, and a title after them', () => {
    expect(readMarker('16')).toEqual({kind: 'number', id: '16', rest: ''})
    expect(readMarker('01.02.')).toEqual({kind: 'number', id: '1.2', rest: ''})
    expect(readMarker('V. Cải cách chế độ công vụ')).toEqual({kind: 'roman', id: 'V', rest: 'Cải cách chế độ công vụ'})
    expect(readMarker('A. NHIỆM VỤ CHUNG')).toMatchObject({kind: 'upper', id: 'A'})
    expect(readMarker('b) Tổng kết')).toMatchObject({kind: 'lower', id: 'b'})
    expect(readMarker('Cải cách thể chế')).toBeNull()
    expect(readMarker('2026 - 2030')).toBeNull()
    expect(markerId('1.1.')).toBe('1.1')
    expect(markerId('(3)')).toBe('3')
  })
})
