import {describe, expect, it} from 'vitest'
import {sniff} from '../../src/read/sniff.js'

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0x41)])

describe('sniff: routing by magic bytes', () => {
  it.each([
    ['pdf', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37), 'application/pdf'],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['tiff', bytes(0x49, 0x49, 0x2a, 0x00), 'image/tiff'],
    ['tiff', bytes(0x4d, 0x4d, 0x00, 0x2a), 'image/tiff'],
    ['webp', bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50), 'image/webp'],
    ['text', new TextEncoder().encode('Số: 15/KH-UBND\nKẾ HOẠCH\n'), 'text/plain'],
    ['text', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00]), 'text/plain']
  ])('%s', (kind, input, mediaType) => {
    expect(sniff(input)).toEqual({supported: true, kind, mediaType})
  })

  it('finds %PDF- after leading junk', () => {
    const input = new TextEncoder().encode('From: scanner\n\n%PDF-1.4\n...')
    expect(sniff(input)).toMatchObject({supported: true, kind: 'pdf'})
  })

  it('names what it does not read', () => {
    expect(sniff(new Uint8Array())).toEqual({supported: false, reason: 'empty file'})
    expect(sniff(bytes(0x50, 0x4b, 0x03, 0x04))).toMatchObject({supported: false, reason: expect.stringContaining('ZIP')})
    expect(sniff(new Uint8Array([1, 2, 3, 0, 0, 7, 8, 0, 255]))).toMatchObject({supported: false, reason: expect.stringContaining('binary')})
  })
})
