import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {read} from '../../src/read/index.js'
import {expectedLines, fixture, nonBlank, root} from './helpers.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-read-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

describe('read: text', () => {
  it('reads a text file as NFC with \\n newlines', async () => {
    const p = path.join(tmp, 'crlf.txt')
    writeFileSync(p, Buffer.from('\ufeffQuye\u0302\u0301t \u00d0i\u0323nh\r\nSố: 15\r\n', 'utf8'))
    const file = await read(p)
    expect(file.value).toBe('Quyết Định\nSố: 15\n')
    expect(file.data.source).toMatchObject({path: p, mediaType: 'text/plain', route: 'text', pages: 0})
    expect(file.data.source?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(file.data.layout).toBeUndefined()
  })

  it('reads bytes and VFiles', async () => {
    const bytes = readFileSync(`${root}/fixtures/seed-000/input.txt`)
    const fromBytes = await read(new Uint8Array(bytes))
    expect(fromBytes.data.source?.path).toBeNull()
    const fromVFile = await read(new VFile({path: 'x.txt', value: bytes}))
    expect(fromVFile.value).toBe(fromBytes.value)
    expect(fromVFile.data.source?.path).toBe('x.txt')
  })
})

describe('read: routing is by content, not by name', () => {
  it('reads a text file named .pdf as text', async () => {
    const p = path.join(tmp, 'lying.pdf')
    copyFileSync(`${root}/fixtures/seed-003/input.txt`, p)
    const file = await read(p)
    expect(file.data.source?.route).toBe('text')
    expect(String(file.value)).toContain('KẾ HOẠCH')
  })

  it('reads a PDF named .png as a PDF', async () => {
    const p = path.join(tmp, 'lying.png')
    copyFileSync(fixture('text-layer-pdf', 'input.pdf'), p)
    const file = await read(p)
    expect(file.data.source).toMatchObject({mediaType: 'application/pdf', route: 'pdf-text', pages: 1})
    expect(nonBlank(String(file.value))).toEqual(expectedLines('text-layer-pdf'))
  })
})

describe('read: PDF text layer', () => {
  it('keeps a good text layer, lines in reading order (header: left column, then right)', async () => {
    const file = await read(fixture('text-layer-pdf', 'input.pdf'))
    expect(file.data.source?.route).toBe('pdf-text')
    expect(file.data.layout?.pages[0].route).toBe('pdf-text')
    expect(nonBlank(String(file.value))).toEqual(expectedLines('text-layer-pdf'))
  })

  it('gives every text line its page, box and confidence', async () => {
    const file = await read(fixture('text-layer-pdf', 'input.pdf'))
    const layout = file.data.layout!
    const lines = String(file.value).split('\n')
    expect(layout.lines).toHaveLength(lines.length)
    const page = layout.pages[0]
    expect(page.lines.map((l) => l.text)).toEqual(nonBlank(String(file.value)))
    lines.forEach((text, i) => {
      const p = layout.lines[i]
      if (text === '') return expect(p).toBeUndefined()
      expect(p).toMatchObject({page: 1, confidence: 1})
      expect(p!.bbox.x0).toBeGreaterThanOrEqual(0)
      expect(p!.bbox.x1).toBeLessThanOrEqual(page.width)
      expect(p!.bbox.y0).toBeLessThan(p!.bbox.y1)
      expect(p!.bbox.y1).toBeLessThanOrEqual(page.height)
    })
    // The issuer is in the left half of the page, the Quốc hiệu in the right half.
    const at = (text: string) => layout.lines[lines.indexOf(text)]!.bbox
    expect(at('ỦY BAN NHÂN DÂN').x1).toBeLessThan(page.width / 2)
    expect(at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').x0).toBeGreaterThan(page.width / 3)
    expect(at('ỦY BAN NHÂN DÂN').y0).toBeLessThan(at('XÃ CHẤN HƯNG').y0)
    const words = page.lines[0].words!
    expect(words.map((w) => w.text)).toEqual(['ỦY', 'BAN', 'NHÂN', 'DÂN'])
    expect(words[0].bbox.x1).toBeLessThanOrEqual(words[1].bbox.x0)
  })

  it('rebuilds a ruled table as tab-separated rows, wrapped cells joined', async () => {
    const file = await read(fixture('table-pdf', 'input.pdf'))
    const expected = expectedLines('table-pdf')
    expect(nonBlank(String(file.value))).toEqual(expected)
    expect(expected.filter((l) => l.split('\t').length === 5)).toHaveLength(4)
  })

  it('gives the table as cells, written on the lines it names', async () => {
    const file = await read(fixture('table-pdf', 'input.pdf'))
    const [table, more] = file.data.layout!.tables!
    expect(more).toBeUndefined()
    expect(table).toMatchObject({page: 1, rows: 4, columns: 5})
    const lines = String(file.value).split('\n').slice(table.lines.start, table.lines.end)
    expect(lines).toEqual(expectedLines('table-pdf').filter((l) => l.includes('\t')))
    const wrapped = table.cells.find((c) => c.row === 2 && c.column === 4)!
    expect(wrapped.text.split('\n').length).toBeGreaterThan(1)
    expect(wrapped.bbox!.x0).toBeGreaterThan(table.bbox!.x0)
  })
})

describe('read: unreadable input throws an error naming the file and the reason', () => {
  const cases: Array<[string, Uint8Array | string, RegExp]> = [
    ['empty.pdf', new Uint8Array(), /no text: empty/],
    ['doc.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), /unsupported format: ZIP/],
    ['broken.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage\n'), /corrupt PDF|unreadable PDF/],
    ['broken.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2]), /corrupt PNG/],
    ['cut.jpg', readFileSync(fixture('phone-jpeg', 'input.jpg')).subarray(0, 100), /corrupt JPEG/],
    ['broken.tif', new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0]), /corrupt TIFF/],
    ['latin1.txt', new Uint8Array([0x53, 0xe9, 0x20, 0x6c, 0xe0]), /not UTF-8 \(byte 0xE9 at offset 1\)/]
  ]
  it.each(cases)('%s', async (name, bytes, reason) => {
    const p = path.join(tmp, name)
    writeFileSync(p, bytes)
    const error = await read(p).then(
      () => undefined,
      (e: Error) => e
    )
    expect(error?.message).toMatch(new RegExp(`^read: ${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `))
    expect(error?.message).toMatch(reason)
  })

  it('an encrypted PDF', async () => {
    const p = fixture('errors', 'encrypted.pdf')
    await expect(read(p)).rejects.toThrow(`read: ${p}: encrypted PDF (password required)`)
  })

  it('a missing file', async () => {
    await expect(read('fixtures/read/none.pdf')).rejects.toThrow('read: fixtures/read/none.pdf: no such file')
  })
})
