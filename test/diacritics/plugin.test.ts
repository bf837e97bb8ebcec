import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import diacritics from '../../src/diacritics/index.js'
import type {Paragraph, FlatRoot, Table} from '../../src/tree/types.js'

function tree(): FlatRoot {
  const cell = (value: string) => ({type: 'tableCell' as const, value})
  const table: Table = {type: 'table', children: [{type: 'tableRow', children: [cell('Cai cach thu tuc hanh chinh'), cell('Quý I/2026')]}]}
  return {
    type: 'root',
    children: [
      {type: 'paragraph', value: 'KE HOACH', position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 9, offset: 8}}},
      {type: 'paragraph', value: 'Thực hiện Nghị quyết số 76/NQ-CP của Chính phủ'},
      {type: 'paragraph', value: 'toi'},
      table
    ]
  }
}

async function run(options: Parameters<typeof diacritics>[0]) {
  const file = new VFile()
  const root = (await unified().use(diacritics, options).run(tree(), file)) as FlatRoot
  return {root, file}
}

describe('diacritics plugin', () => {
  it('should restore paragraphs and cells, keeping the original and the changes in data', async () => {
    const {root} = await run({when: 'always'})
    const heading = root.children[0] as Paragraph
    expect(heading.value).toBe('KẾ HOẠCH')
    expect(heading.data?.raw).toBe('KE HOACH')
    expect(heading.data?.restored?.map((t) => t.value)).toEqual(['KẾ', 'HOẠCH'])
    const clean = root.children[1] as Paragraph
    expect(clean.value).toBe('Thực hiện Nghị quyết số 76/NQ-CP của Chính phủ')
    expect(clean.data).toBeUndefined()
    const table = root.children[3] as Table
    expect(table.children[0].children[0].value).toBe('Cải cách thủ tục hành chính')
    expect(table.children[0].children[1].value).toBe('Quý I/2026')
  })

  it('should report each unsure repair as info, with what was read (actual) and what it was taken for (expected)', async () => {
    const {root, file} = await run({when: 'always'})
    const messages = file.messages.filter((m) => m.ruleId === 'low-confidence')
    expect(messages.length).toBeGreaterThan(0)
    const restored = [root.children[0], root.children[2]].flatMap((node) => (node as Paragraph).data?.restored ?? [])
    for (const m of messages) {
      expect(m.source).toBe('diacritics')
      expect(m.fatal).toBeUndefined()
      const token = restored.find((t) => t.original === m.actual)
      expect(token, m.reason).toBeDefined()
      expect(m.expected).toEqual([token!.value])
      expect(token!.confidence).toBeLessThan(0.9)
    }
  })

  it('should restore a paragraph after the one before it, as running text', async () => {
    // The title of a phone photo as tesseract's vie model read it, after the document type.
    const root: FlatRoot = {
      type: 'root',
      children: [
        {type: 'paragraph', value: 'QUYẾT ĐỊNH'},
        {type: 'paragraph', value: 'Bạn hành Kế Cải cách hành chính nhà nước xã Chấn Hưng năm 2026'}
      ]
    }
    // No options: the stage decides from the route, as in parse: what sohoa OCR'd is restored throughout, in `marks` mode.
    const file = new VFile()
    file.data.source = {path: null, sha256: '0'.repeat(64), mediaType: 'image/jpeg', pages: 1, route: 'ocr'}
    await unified().use(diacritics).run(root, file)
    expect((root.children[1] as Paragraph).value).toBe('Ban hành Kế Cải cách hành chính nhà nước xã Chấn Hưng năm 2026')
  })

  it('should leave everything alone with when: never, and marked nodes with when: unmarked', async () => {
    const never = await run({when: 'never'})
    expect((never.root.children[0] as Paragraph).value).toBe('KE HOACH')
    const unmarked = await run({when: 'unmarked'})
    expect((unmarked.root.children[0] as Paragraph).value).toBe('KẾ HOẠCH')
    expect((unmarked.root.children[1] as Paragraph).data).toBeUndefined()
  })
})
