/**
 * Write the fixture generator's document model (`src/fixture/model.ts`: the
 * blocks of a plan) as a DOCX with the `docx` package, the way Word users
 * lay such documents out: the header and the closing block as borderless
 * two-column tables, numbered headings as Word auto-numbering (roman "%1.",
 * decimal "%2.", lower letter "%3)") whenever Word's numbering gives the
 * same label, the task table with borders, its group rows merged across and
 * a column merged down where consecutive tasks share a lead agency.
 *
 * `extras` adds what a reader must leave out or resolve: a tracked
 * insertion and deletion, a comment, a footnote, a page-numbered footer and
 * a header, and a text box.
 */
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  WidthType,
  type ISectionOptions
} from 'docx'
import type {Block, ClosingBlock, HeaderBlock, TableBlock} from '../../src/fixture/model.js'
import type {LegacyEncoding} from '../../src/read/encoding/legacy.js'
import {toLegacy} from './legacy-encode.js'

/** Options of `docxFromBlocks`. */
export interface DocxOptions {
  /** Add a tracked change, a comment, a footnote, header and footer, a text box. */
  extras?: boolean
  /** Merge the lead-agency cells of consecutive tasks with the same lead (vertical merge). */
  mergeLeads?: boolean
  /** Font of every run (default Times New Roman). */
  font?: string
  /**
   * Type the text in a legacy encoding, as a 1990s–2000s office did: TCVN3
   * in `.VnTime` (lines in capitals in `.VnTimeH`, typed in small letters),
   * or VNI in `VNI-Times`.
   */
  legacy?: LegacyEncoding
}

const none = {style: BorderStyle.NONE, size: 0, color: 'FFFFFF'}
const noBorders = {top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none}
const cellNoBorders = {top: none, bottom: none, left: none, right: none}

/** Section markers and the numbering level that draws each. */
const markers: Array<{pattern: RegExp; level: number}> = [
  {pattern: /^([IVX]+)\.\s+/u, level: 0},
  {pattern: /^(\d+)\.\s+/u, level: 1},
  {pattern: /^([a-z])\)\s+/u, level: 2}
]

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']

/** The DOCX of `blocks`. */
export async function docxFromBlocks(blocks: Block[], options: DocxOptions = {}): Promise<Buffer> {
  const legacy = options.legacy
  const font = options.font ?? (legacy === 'tcvn3' ? '.VnTime' : legacy === 'vni' ? 'VNI-Times' : 'Times New Roman')
  const run = (text: string, extra: {bold?: boolean; italics?: boolean; size?: number} = {}) => {
    if (!legacy) return new TextRun({text, font, size: (extra.size ?? 14) * 2, bold: extra.bold, italics: extra.italics})
    const capitals = legacy === 'tcvn3' && /\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('vi')
    const typed = toLegacy(capitals ? text.toLocaleLowerCase('vi') : text, legacy)
    return new TextRun({text: typed, font: capitals ? '.VnTimeH' : font, size: (extra.size ?? 14) * 2, bold: extra.bold, italics: extra.italics})
  }
  const centered = (text: string, extra: {bold?: boolean; italics?: boolean; size?: number} = {}) =>
    new Paragraph({alignment: AlignmentType.CENTER, children: [run(text, extra)]})
  // Counters of what Word's numbering would print next at each level.
  const next = [1, 1, 1]
  const sections: ISectionOptions[] = []
  let children: Array<Paragraph | Table> = []
  let landscape = false
  let extrasDone = false
  const flush = () => {
    sections.push({
      properties: landscape ? {page: {size: {orientation: PageOrientation.LANDSCAPE}}} : {},
      ...(options.extras
        ? {
            headers: {default: new Header({children: [new Paragraph({children: [run('Dự thảo lần 2', {size: 10})]})]})},
            footers: {default: new Footer({children: [new Paragraph({alignment: AlignmentType.CENTER, children: [new TextRun({children: ['Trang ', PageNumber.CURRENT]})]})]})}
          }
        : {}),
      children
    })
    children = []
  }
  for (const block of blocks) {
    switch (block.kind) {
      case 'header':
        children.push(headerTable(block, run))
        break
      case 'space':
        children.push(new Paragraph({children: []}))
        break
      case 'centered':
        for (const line of block.lines) children.push(centered(line, {bold: block.bold, italics: block.italic, size: block.size}))
        break
      case 'paragraph': {
        const numbered = autoNumber(block.text, next)
        const text = numbered ? numbered.rest : block.text
        const runs: Array<TextRun | InsertedTextRun | DeletedTextRun | FootnoteReferenceRun | CommentRangeStart | CommentRangeEnd | CommentReference> = []
        if (block.lead) runs.push(run(`${block.lead} `, {bold: true}))
        if (options.extras && !extrasDone && !numbered && /^Căn cứ/u.test(text)) {
          // A tracked change in the first basis: a word deleted, its replacement inserted; a comment and a footnote on it.
          extrasDone = true
          const words = text.split(' ')
          const last = words.pop() ?? ''
          runs.push(new CommentRangeStart(1), run(`${words.join(' ')} `, {italics: block.italic}))
          runs.push(new DeletedTextRun({text: 'cũ ', id: 11, author: 'Chuyên viên', date: '2026-01-05T08:00:00Z', font, size: 28}))
          runs.push(new InsertedTextRun({text: last, id: 12, author: 'Chuyên viên', date: '2026-01-05T08:00:00Z', font, size: 28, italics: block.italic}))
          runs.push(new CommentRangeEnd(1), new TextRun({children: [new CommentReference(1)]}), new FootnoteReferenceRun(1))
        } else runs.push(run(text, {bold: block.bold, italics: block.italic, size: block.size}))
        children.push(
          new Paragraph({
            alignment: block.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
            ...(numbered ? {numbering: {reference: 'sections', level: numbered.level}} : {indent: {firstLine: 720}}),
            children: runs
          })
        )
        break
      }
      case 'closing':
        children.push(closingTable(block, run))
        if (options.extras) {
          children.push(
            new Textbox({
              style: {width: '200pt', height: '40pt'},
              children: [new Paragraph({children: [run('Ghi chú: bản gửi kèm điện tử.', {italics: true, size: 12})]})]
            }) as unknown as Paragraph
          )
        }
        break
      case 'page-break':
        if (block.landscape) {
          flush()
          landscape = true
        } else children.push(new Paragraph({children: [new PageBreak()]}))
        break
      case 'table':
        children.push(taskTable(block, run, options.mergeLeads ?? false))
        break
    }
  }
  flush()
  const document = new Document({
    creator: 'sohoa fixtures',
    numbering: {
      config: [
        {
          reference: 'sections',
          levels: [
            {level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT},
            {level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT},
            {level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)', alignment: AlignmentType.LEFT}
          ]
        }
      ]
    },
    ...(options.extras
      ? {
          comments: {children: [{id: 1, author: 'Lãnh đạo', date: new Date('2026-01-06T08:00:00Z'), children: [new Paragraph({children: [new TextRun('Xem lại căn cứ này.')]})]}]},
          footnotes: {1: {children: [new Paragraph({children: [new TextRun('Văn bản đã được sửa đổi, bổ sung.')]})]}}
        }
      : {}),
    styles: {default: {document: {run: {font, size: 28}}}},
    sections
  })
  return Packer.toBuffer(document)
}

/** When Word's numbering prints exactly the marker `text` starts with: the level and the rest of the text. */
function autoNumber(text: string, next: number[]): {level: number; rest: string} | undefined {
  for (const {pattern, level} of markers) {
    const match = pattern.exec(text)
    if (!match) continue
    const label = level === 0 ? roman[next[0] - 1] : level === 1 ? String(next[1]) : String.fromCharCode(96 + next[2])
    if (match[1] !== label) return undefined
    next[level]++
    for (let deeper = level + 1; deeper < next.length; deeper++) next[deeper] = 1
    return {level, rest: text.slice(match[0].length)}
  }
  return undefined
}

type Run = (text: string, extra?: {bold?: boolean; italics?: boolean; size?: number}) => TextRun

const lines = (texts: string[], run: Run, extra: {bold?: boolean; italics?: boolean; size?: number} = {}) =>
  texts.map((text) => new Paragraph({alignment: AlignmentType.CENTER, children: text === '' ? [] : [run(text, extra)]}))

/** The two-column header: issuer and number | Quốc hiệu, motto and place-date; no borders. */
function headerTable(block: HeaderBlock, run: Run): Table {
  const cell = (children: Paragraph[]) => new TableCell({children, borders: cellNoBorders, width: {size: 50, type: WidthType.PERCENTAGE}})
  return new Table({
    width: {size: 100, type: WidthType.PERCENTAGE},
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(lines(block.issuer, run, {bold: true, size: 13})),
          cell([...lines([block.motto[0]], run, {bold: true, size: 13}), ...lines([block.motto[1]], run, {bold: true, size: 14})])
        ]
      }),
      new TableRow({
        children: [cell(lines(block.number ? [block.number] : [''], run, {size: 13})), cell(lines(block.placeDate ? [block.placeDate] : [''], run, {italics: true}))]
      })
    ]
  })
}

/** `Nơi nhận:` and its list | the signature block; no borders. */
function closingTable(block: ClosingBlock, run: Run): Table {
  const left = [
    ...(block.label ? [new Paragraph({children: [run(block.label, {bold: true, italics: true, size: 12})]})] : []),
    ...block.recipients.map((r) => new Paragraph({children: [run(r, {size: 11})]}))
  ]
  const right = [...lines(block.authority, run, {bold: true}), new Paragraph({children: []}), new Paragraph({children: []}), ...lines(block.name ? [block.name] : [], run, {bold: true})]
  const cell = (children: Paragraph[]) => new TableCell({children: children.length > 0 ? children : [new Paragraph({children: []})], borders: cellNoBorders})
  return new Table({width: {size: 100, type: WidthType.PERCENTAGE}, borders: noBorders, rows: [new TableRow({children: [cell(left), cell(right)]})]})
}

/** The task table: header row, group rows merged across, leads merged down (when asked). */
function taskTable(block: TableBlock, run: Run, mergeLeads: boolean): Table {
  const para = (text: string, extra: {bold?: boolean} = {}) => text.split('\n').map((line) => new Paragraph({children: [run(line, {size: 12, ...extra})]}))
  const rows: TableRow[] = [new TableRow({tableHeader: true, children: block.header.map((h) => new TableCell({children: para(h, {bold: true})}))})]
  // Lead column (2): how many following task rows repeat the lead, for the vertical merge.
  const spans = new Map<number, number>()
  if (mergeLeads) {
    for (let i = 0; i < block.rows.length; i++) {
      const row = block.rows[i]
      if (row.group || row.span) continue
      let j = i + 1
      while (j < block.rows.length && !block.rows[j].group && !block.rows[j].span && block.rows[j].cells[2] === row.cells[2]) j++
      if (j - i > 1) {
        spans.set(i, j - i)
        for (let k = i + 1; k < j; k++) spans.set(k, 0)
      }
      i = j - 1
    }
  }
  for (const [i, row] of block.rows.entries()) {
    if (row.group || row.span) {
      const [first, ...rest] = row.cells
      rows.push(
        new TableRow({
          children: row.span
            ? [new TableCell({columnSpan: block.header.length, children: para(row.cells.join(' '), {bold: true})})]
            : [new TableCell({children: para(first, {bold: true})}), new TableCell({columnSpan: block.header.length - 1, children: para(rest.join(' '), {bold: true})})]
        })
      )
      continue
    }
    const cells: TableCell[] = []
    for (const [c, text] of row.cells.entries()) {
      const span = c === 2 ? spans.get(i) : undefined
      if (span === 0) continue
      cells.push(new TableCell({children: para(text), ...(span && span > 1 ? {rowSpan: span} : {})}))
    }
    rows.push(new TableRow({children: cells}))
  }
  return new Table({width: {size: 100, type: WidthType.PERCENTAGE}, rows})
}
