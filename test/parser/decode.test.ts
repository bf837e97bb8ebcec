import {describe, expect, it} from 'vitest'
import {decodeText} from '../../src/read/decode-text.js'

describe('decodeText', () => {
  it('should decode UTF-8 with and without a BOM', () => {
    expect(decodeText(new TextEncoder().encode('Kế hoạch'))).toBe('Kế hoạch')
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Số')]))).toBe('Số')
  })

  it('should decode UTF-16 with a BOM, little and big endian', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Điều 1.', 'utf16le')])
    expect(decodeText(le)).toBe('Điều 1.')
    const be = Buffer.from(le.subarray(2)).swap16()
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe('Điều 1.')
  })

  it('should compose to NFC and turn CRLF and CR into LF', () => {
    expect(decodeText(new TextEncoder().encode('Ke\u0302\u0301 hoa\u0323ch\r\nI.\rII.'))).toBe('Kế hoạch\nI.\nII.')
  })

  it('should read Ð (U+00D0) from OCR as Đ', () => {
    expect(decodeText(new TextEncoder().encode('\u00d0iều 1'))).toBe('Điều 1')
  })

  it('should throw on bytes that are not text', () => {
    expect(() => decodeText(Uint8Array.from([0xff, 0x00, 0xc3, 0x28]))).toThrow()
  })
})
