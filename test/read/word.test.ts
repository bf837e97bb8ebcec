/**
 * Word files: each fixture under `fixtures/word/` read into text
 * (`expected.txt`) and tables as cells (`tables.json`) — rewritten with
 * `UPDATE=1` —, plus what a Word reader must get right: reading order of
 * the layout tables, list labels, tracked changes, what is left out, merged
 * cells, legacy fonts, the DOC route; and the numbering rules one by one.
 */
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {discoverInputs} from '../../src/bulk/inputs.js'
import {readNumbering} from '../../src/read/docx/numbering.js'
import {parseXml} from '../../src/read/docx/xml.js'
import {parse} from '../../src/parse.js'
import {read} from '../../src/read/index.js'
import {isLayoutTable} from '../../src/read/word/layout-table.js'
import type {WordTable} from '../../src/read/word/model.js'
import {scoreChecks, type TableFixture} from '../support/table-score.js'
import {root} from './helpers.js'

const folder = path.join(root, 'fixtures/word')
const update = Boolean(process.env.UPDATE)
const cases = readdirSync(folder).filter((name) => ['input.docx', 'input.doc'].some((f) => existsSync(path.join(folder, name, f))))
const inputOf = (name: string) => ['input.docx', 'input.doc'].map((f) => path.join(folder, name, f)).find((f) => existsSync(f))!
const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-word-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

describe('Word fixtures: text and cells as expected', () => {
  it('has DOCX and DOC fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6)
  })
  for (const name of cases) {
    it(name, async () => {
      const file = await read(inputOf(name))
      const text = String(file.value) + '\n'
      const tables = JSON.stringify(file.data.layout?.tables ?? [], null, 1) + '\n'
      const textFile = path.join(folder, name, 'expected.txt')
      const tablesFile = path.join(folder, name, 'tables.json')
      if (update || !existsSync(textFile)) {
        writeFileSync(textFile, text)
        writeFileSync(tablesFile, tables)
      }
      expect(text).toBe(readFileSync(textFile, 'utf8'))
      expect(tables).toBe(readFileSync(tablesFile, 'utf8'))
    })
  }
})

describe('DOCX', () => {
  it('records the route and media type', async () => {
    const file = await read(inputOf('sample'))
    expect(file.data.source).toMatchObject({route: 'docx', pages: 0, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'})
    expect(file.data.source?.encoding).toBeUndefined()
  })

  it('reads the borderless header table left column first, then the right one', async () => {
    const lines = String((await read(inputOf('sample'))).value).split('\n').slice(0, 7)
    expect(lines).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ NGUYỄN GIÁP', 'Số: 27/KH-UBND', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Nguyễn Giáp, ngày 14 tháng 3 năm 2026'])
  })

  it('writes the labels Word draws for auto-numbered headings (I., 1., a))', async () => {
    const text = String((await read(inputOf('seed-000'))).value)
    expect(text).toContain('\nI. MỤC ĐÍCH, YÊU CẦU\n')
    expect(text).toContain('\n1. Mục đích, yêu cầu\n')
    expect(text).toContain('\na) Mục đích\n')
    expect(text).toContain('\nII. NHIỆM VỤ, GIẢI PHÁP\n')
  })

  it('resolves tracked changes and leaves out comments, footnotes, headers, footers and page numbers; reads text boxes', async () => {
    const text = String((await read(inputOf('seed-000'))).value)
    expect(text).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;')
    expect(text).not.toMatch(/năm cũ|Xem lại căn cứ|Văn bản đã được sửa đổi|Dự thảo lần 2|Trang \d/u)
    expect(text).toContain('Ghi chú: bản gửi kèm điện tử.')
  })

  it('gives a data table as cells: merged across (gridSpan) and down (vMerge)', async () => {
    const [table] = (await read(inputOf('sample'))).data.layout?.tables ?? []
    expect(table).toMatchObject({method: 'docx', rows: 8, columns: 6})
    expect(table.cells.find((c) => c.row === 1 && c.column === 1)).toMatchObject({colSpan: 5, rowSpan: 1, text: 'Cải cách thủ tục hành chính'})
    expect(table.cells.find((c) => c.row === 2 && c.column === 2)).toMatchObject({colSpan: 1, rowSpan: 2, text: 'Trung tâm Phục vụ HCC'})
    expect(table.cells.some((c) => c.row === 3 && c.column === 2)).toBe(false)
    // Written into the text as tab-separated rows, on the lines it says.
    const lines = String((await read(inputOf('sample'))).value).split('\n')
    expect(lines[table.lines.start]).toBe('TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện\tSản phẩm')
    expect(table.lines.end - table.lines.start).toBe(8)
  })

  it('converts runs in .VnTime/.VnTimeH (TCVN3) and VNI-Times (VNI) fonts', async () => {
    const plain = String((await read(inputOf('sample'))).value)
    for (const [name, encoding] of [['sample-tcvn3', 'tcvn3'], ['sample-vni', 'vni']] as const) {
      const file = await read(inputOf(name))
      expect(file.data.source?.encoding).toBe(encoding)
      expect(String(file.value).split('\n').slice(0, 7)).toEqual(plain.split('\n').slice(0, 7))
    }
  })
})

describe('LibreOffice DOCX of the bench plan (fixtures/bench/long-plan, 172 tasks)', () => {
  it('passes every task check of its expected.json, as its PDF does', async () => {
    const dir = path.join(root, 'fixtures/bench/long-plan')
    const {output} = await parse(readFileSync(path.join(dir, 'input.docx')))
    const fixture = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as TableFixture
    expect(output.source.route).toBe('docx')
    expect(output.plan?.tasks).toHaveLength(172)
    expect(scoreChecks(output, fixture.checks).failed).toEqual([])
  })
})

describe('DOC (Word 97–2003)', () => {
  it('reads the text, the header and signature tables as text and the task table as cells', async () => {
    const file = await read(inputOf('seed-000-doc'))
    expect(file.data.source).toMatchObject({route: 'doc', mediaType: 'application/msword'})
    const lines = String(file.value).split('\n')
    expect(lines.slice(0, 7)).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ CHẤN HƯNG', 'Số: /QĐ-UBND', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Chấn Hưng, ngày tháng 01 năm 2026'])
    const [table] = file.data.layout?.tables ?? []
    expect(table).toMatchObject({method: 'doc', columns: 6})
    expect(table.cells.filter((c) => c.row === 0).map((c) => c.text)).toEqual(['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm'])
    // Merged cells from the rows' layouts: a group title across five columns, a lead agency down eight rows.
    expect(table.cells.find((c) => c.row === 1 && c.column === 1)).toMatchObject({colSpan: 5, rowSpan: 1, text: 'Chỉ đạo điều hành, kiểm tra và tuyên truyền'})
    expect(table.cells.find((c) => c.row === 2 && c.column === 2)).toMatchObject({colSpan: 1, rowSpan: 8, text: 'Phòng Văn hoá-Xã hội'})
  })
})

describe('Word list numbering', () => {
  const numbering = (xml: string) => readNumbering(parseXml(Buffer.from(`<w:numbering xmlns:w="x">${xml}</w:numbering>`), {maxElements: 1000}), () => undefined)
  const level = (ilvl: number, format: string, text: string, extra = '') => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`
  const plan = `<w:abstractNum w:abstractNumId="0">${level(0, 'upperRoman', '%1.')}${level(1, 'decimal', '%2.')}${level(2, 'lowerLetter', '%3)')}${level(3, 'bullet', '-')}</w:abstractNum>`

  it('renders levels in their formats and restarts deeper levels', () => {
    const n = numbering(`${plan}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
    const labels = [0, 1, 1, 2, 2, 2, 2, 2, 2, 3, 0, 1, 2].map((l) => n.next(1, l))
    expect(labels).toEqual(['I.', '1.', '2.', 'a)', 'b)', 'c)', 'd)', 'e)', 'f)', '-', 'II.', '1.', 'a)'])
  })

  it('fills multi-level texts (%1.%2.) and legal numbering (isLgl)', () => {
    const n = numbering(`<w:abstractNum w:abstractNumId="0">${level(0, 'upperRoman', '%1.')}${level(1, 'decimal', '%1.%2.', '<w:isLgl/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
    expect([n.next(1, 0), n.next(1, 1), n.next(1, 1), n.next(1, 0), n.next(1, 1)]).toEqual(['I.', '1.1.', '1.2.', 'II.', '2.1.'])
  })

  it('continues a sequence across w:num sharing an abstract, restarts where a w:num overrides the start', () => {
    const n = numbering(
      `${plan}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`
    )
    expect([n.next(1, 1), n.next(1, 1), n.next(2, 1), n.next(3, 1), n.next(3, 1)]).toEqual(['1.', '2.', '3.', '1.', '2.'])
  })

  it('keeps a level that never restarts (lvlRestart 0) and writes nothing for format none', () => {
    const n = numbering(`<w:abstractNum w:abstractNumId="0">${level(0, 'upperRoman', '%1.')}${level(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}${level(2, 'none', '')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
    expect([n.next(1, 0), n.next(1, 1), n.next(1, 0), n.next(1, 1), n.next(1, 2)]).toEqual(['I.', '1.', 'II.', '2.', undefined])
  })

  it('writes bullets as plan markers: "-", and "+" for hollow ones', () => {
    const n = numbering(`<w:abstractNum w:abstractNumId="0">${level(0, 'bullet', '\uf0b7')}${level(1, 'bullet', 'o')}${level(2, 'bullet', '+')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
    expect([n.next(1, 0), n.next(1, 1), n.next(1, 2)]).toEqual(['-', '+', '+'])
  })
})

describe('layout tables', () => {
  const table = (rows: string[][], borders?: boolean): WordTable => ({
    kind: 'table',
    columns: Math.max(...rows.map((r) => r.length)),
    borders,
    rows: rows.map((row) => row.map((text, column) => ({column, colSpan: 1, rowSpan: 1, blocks: [{kind: 'paragraph', text}]})))
  })
  const layout = (t: WordTable) => isLayoutTable(t, (r, i) => (t.rows[r][i].blocks[0] as {text: string}).text)

  it('a header or signature block, with or without borders', () => {
    expect(layout(table([['ỦY BAN NHÂN DÂN\nSố: 12/QĐ-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']], true))).toBe(true)
    expect(layout(table([['Nơi nhận:\n- Như trên;', 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH']], true))).toBe(true)
  })

  it('a borderless two-column table without cues', () => {
    expect(layout(table([['Người lập', 'Người duyệt']], false))).toBe(true)
  })

  it('not a task table: four columns, or task headings, or lines drawn', () => {
    expect(layout(table([['TT', 'Nội dung', 'Chủ trì', 'Thời gian']], false))).toBe(false)
    expect(layout(table([['STT', 'Nhiệm vụ', 'Thời hạn']], false))).toBe(false)
    expect(layout(table([['Xã A', '120'], ['Xã B', '95']], true))).toBe(false)
  })
})

describe('bulk picks up Word files in folders', () => {
  it('finds .docx and .doc, any case', async () => {
    const dir = path.join(tmp, 'batch')
    mkdirSync(dir)
    for (const name of ['a.docx', 'b.DOC', 'c.xlsx']) writeFileSync(path.join(dir, name), 'x')
    const found = await discoverInputs([dir])
    expect(found.files.map((f) => path.basename(f.path))).toEqual(['a.docx', 'b.DOC'])
  })
})

describe('DOCX as Word writes it (hand-made parts)', () => {
  const styles = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
    <w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:jc w:val="left"/></w:pPr><w:rPr><w:caps/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
  </w:styles>`
  const numbering = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
    <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>
    <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
  </w:numbering>`
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="/word/numbering.xml"/></Relationships>`
  const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
  const body = [
    `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${r('mục đích, yêu cầu')}</w:p>`,
    `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>${r('Mục đích')}</w:p>`,
    // A text box as Word writes it: the DrawingML choice and its VML fallback hold the same text.
    `<w:p>${r('Đoạn có hộp.')}<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent><w:p>${r('DỰ THẢO')}</w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p>${r('DỰ THẢO')}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    // A page number field, a hyperlink, a content control, moved text.
    `<w:p>${r('Trang ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('7')}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    `<w:p><w:hyperlink r:id="x" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${r('Cổng thông tin')}</w:hyperlink><w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${r(' điện tử')}</w:sdtContent></w:sdt><w:moveFrom w:id="1" w:author="a">${r(' cũ')}</w:moveFrom><w:moveTo w:id="2" w:author="a">${r(' xã')}</w:moveTo></w:p>`,
    // A paragraph whose mark was deleted runs on into the next.
    `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>${r('Hai đoạn ')}</w:p><w:p>${r('thành một.')}</w:p>`,
    `<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>${r('Yêu cầu')}</w:p>`,
    `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r>${r('nhiệm vụ')}</w:p>`
  ].join('')

  it('numbers headings through their styles, reads a text box once, drops page numbers, moved-away text and hidden text', async () => {
    const {deflated, documentXml, docxFrame, zipArchive} = await import('../support/zip.js')
    const p = path.join(tmp, 'word-made.docx')
    writeFileSync(
      p,
      zipArchive([
        ...docxFrame(),
        deflated('word/document.xml', documentXml(body)),
        deflated('word/_rels/document.xml.rels', rels),
        deflated('word/styles.xml', styles),
        deflated('word/numbering.xml', numbering)
      ])
    )
    const lines = String((await read(p)).value).split('\n').filter((l) => l !== '')
    expect(lines).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'Đoạn có hộp.', 'DỰ THẢO', 'Trang', 'Cổng thông tin điện tử xã', 'Hai đoạn thành một.', '2. Yêu cầu', 'II. NHIỆM VỤ'])
  })
})
