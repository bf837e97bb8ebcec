/**
 * Regenerate the born-digital PDF table fixtures in `fixtures/pdf-tables/<case>/`
 * (needs LibreOffice: `soffice` on the PATH; CI only reads the committed files):
 *
 *   npx tsx scripts/make-pdf-tables.ts            # all
 *   npx tsx scripts/make-pdf-tables.ts four       # one, by name
 *   npx tsx scripts/make-pdf-tables.ts --no-pdf   # keep the committed PDFs (and DOCX), rewrite the rest
 *
 * Each plan is written as a flat ODT document (a short portrait plan, then a
 * landscape appendix with the task table, as Word and LibreOffice lay them
 * out) and converted to PDF by LibreOffice. The rows are seed 000's appendix
 * (our own text). Next to `input.pdf` go `input.txt` (the same plan as text,
 * the table tab-separated, as a word processor pastes it) and `expected.json`
 * in the form of `fixtures/tables-real/` (`test/support/table-score.ts`): the
 * task checks taken from the source cells, and the source grid. A plan marked
 * `docx` is also saved by LibreOffice as `input.docx` (Word 2007 XML, the
 * Word file such an office keeps beside its PDF).
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {degrees, PDFDocument} from 'pdf-lib'
import type {Check} from '../test/support/expectations.js'
import type {TableFixture} from '../test/support/table-score.js'

/** A cell of a source table: its text (line breaks kept), spans. */
export interface SourceCell {
  text: string
  rowSpan?: number
  colSpan?: number
}

/** A source table: header rows, column widths (cm), body rows (covered slots left out, as in ODF). */
interface SourceTable {
  header: SourceCell[][]
  widths: number[]
  rows: SourceCell[][]
  /** Borders: every cell (`grid`), or only the header's top and bottom rules (`header`). */
  borders: 'grid' | 'header'
  /** Title above the table. */
  title: string
}

/** A task as the source cells state it, for the checks. */
interface SourceTask {
  id: string
  content: string
  lead: string
  cooperating: string
  timeframe: string
  outputs: string
  monitoring?: string
}

interface Plan {
  name: string
  about: string
  tables: SourceTable[]
  tasks: SourceTask[]
  /** Pages shown turned: landscape pages drawn on portrait paper with /Rotate 90. */
  rotate?: boolean
  /** The whole plan before the appendix (default: its header and first section). */
  fullPlan?: boolean
  /** Folder under `fixtures/` (default `pdf-tables`). */
  folder?: string
  /** Also write `input.docx` (LibreOffice's Word 2007 XML of the same document). */
  docx?: boolean
}

const root = fileURLToPath(new URL('../', import.meta.url))

/** Seed 000's appendix: group rows and task rows (TT, content, lead, cooperating, time frame, outputs). */
function seedRows(): Array<{group: string; marker: string; tasks: string[][]}> {
  const lines = readFileSync(path.join(root, 'fixtures/seed-000/input.txt'), 'utf8').split('\n')
  const start = lines.findIndex((l) => l.startsWith('TT\t'))
  const groups: Array<{group: string; marker: string; tasks: string[][]}> = []
  for (const line of lines.slice(start + 1)) {
    if (!line.includes('\t')) continue
    const cells = line.split('\t').map((c) => c.trim())
    if (/^\d+$/u.test(cells[0])) groups.at(-1)?.tasks.push(cells)
    else if (/^[IVX]+\./u.test(cells[0])) {
      const [marker, ...title] = cells[0].split('.')
      groups.push({marker, group: (cells[1] || title.join('.')).trim(), tasks: []})
    }
  }
  return groups
}

/** Outputs written one per line, as plans list them in a cell. */
function outputLines(text: string): string {
  return text
    .split(/;\s*/u)
    .map((s) => s.trim())
    .filter(Boolean)
    .join(';\n')
}

const sevenHeader = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Thời gian hoàn thành', 'Chủ trì thực hiện', 'Phối hợp thực hiện', 'Theo dõi, kiểm tra, đôn đốc']

/**
 * The 7-column layout: a group row merged across, the lead and the
 * monitoring body merged down over runs of tasks with the same lead, the
 * column numbers under the header; numbered straight through.
 */
function sevenColumns(name: string, about: string, borders: SourceTable['borders'], merge: boolean): Plan {
  const rows: SourceCell[][] = []
  const tasks: SourceTask[] = []
  const monitoring = 'Văn phòng HĐND và UBND xã'
  for (const g of seedRows()) {
    rows.push([{text: g.marker}, {text: g.group, colSpan: 6}])
    for (let i = 0; i < g.tasks.length; ) {
      let run = 1
      while (merge && i + run < g.tasks.length && run < 3 && g.tasks[i + run][2] === g.tasks[i][2]) run++
      for (let j = 0; j < run; j++) {
        const t = g.tasks[i + j]
        const row: SourceCell[] = [{text: t[0]}, {text: t[1]}, {text: outputLines(t[5] ?? '')}, {text: t[4]}]
        if (j === 0) row.push({text: t[2], rowSpan: run})
        row.push({text: t[3]})
        if (j === 0) row.push({text: monitoring, rowSpan: run})
        rows.push(row)
        tasks.push({id: t[0], content: t[1], lead: t[2], cooperating: t[3], timeframe: t[4], outputs: t[5] ?? '', monitoring})
      }
      i += run
    }
  }
  const header = [sevenHeader.map((text) => ({text})), sevenHeader.map((_, i) => ({text: `(${i + 1})`}))]
  return {
    name,
    about,
    tables: [{title: 'PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026', header, widths: [1.2, 7.5, 4.5, 2.8, 3.2, 4.2, 3.3], rows, borders}],
    tasks
  }
}

/** The 4-column layout: "Trách nhiệm thực hiện" (lead and cooperating in one cell), the year in the time-frame header, numbers restarting per group. */
function fourColumns(name: string, about: string, groupsWanted = Infinity): Plan {
  const rows: SourceCell[][] = []
  const tasks: SourceTask[] = []
  for (const g of seedRows().slice(0, groupsWanted)) {
    rows.push([{text: g.marker}, {text: g.group, colSpan: 3}])
    g.tasks.forEach((t, k) => {
      const responsible = [t[2], t[3]].filter(Boolean).join('; ')
      const timeframe = t[4].replace(/\/2026|\s+2026/gu, '').trim()
      rows.push([{text: String(k + 1)}, {text: t[1]}, {text: responsible}, {text: timeframe}])
      tasks.push({id: `${g.marker}.${k + 1}`, content: t[1], lead: t[2], cooperating: '', timeframe, outputs: ''})
    })
  }
  const header = [['TT', 'Nội dung', 'Trách nhiệm thực hiện', 'Thời gian (Năm 2026)'].map((text) => ({text}))]
  return {name, about, tables: [{title: 'KẾ HOẠCH TRIỂN KHAI NHIỆM VỤ NĂM 2026', header, widths: [1.2, 13, 7, 4.5], rows, borders: 'grid'}], tasks}
}

/** Two task tables (two appendices), each numbering from 1: ids of the second are qualified (`2.1`). */
function twoTables(): Plan {
  const groups = seedRows()
  const make = (tasks: string[][], title: string, qualifier: string): {table: SourceTable; tasks: SourceTask[]} => {
    const header = [['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm'].map((text) => ({text}))]
    const rows = tasks.map((t, k) => [String(k + 1), t[1], t[2], t[3], t[4], outputLines(t[5] ?? '')].map((text) => ({text})))
    return {
      table: {title, header, widths: [1.2, 8, 4, 5, 3.5, 5], rows, borders: 'grid'},
      tasks: tasks.map((t, k) => ({id: `${qualifier}${k + 1}`, content: t[1], lead: t[2], cooperating: t[3], timeframe: t[4], outputs: t[5] ?? ''}))
    }
  }
  const first = make(groups[0].tasks, 'PHỤ LỤC I: NHIỆM VỤ CHỈ ĐẠO ĐIỀU HÀNH', '')
  const second = make(groups[2].tasks, 'PHỤ LỤC II: NHIỆM VỤ CẢI CÁCH THỦ TỤC HÀNH CHÍNH', '2.')
  return {
    name: 'two-tables',
    about: 'two task appendices (6 columns, ruled), each numbered from 1: the second table\'s ids are qualified 2.N',
    tables: [first.table, second.table],
    tasks: [...first.tasks, ...second.tasks]
  }
}

/** The seven-column plan with its tasks written four times over (the 2027–2029 rounds invented from 2026's): a plan of over 30 pages for the bench. */
function longPlan(): Plan {
  const base = sevenColumns('long-plan', '', 'grid', true)
  const table = base.tables[0]
  const years = ['2026', '2027', '2028', '2029']
  const rows = years.flatMap((year, k) =>
    table.rows.map((row) =>
      row.map((cell) => ({...cell, text: cell.text.replace(/2026/gu, year).replace(/^(\d+)$/u, (n) => (/^\d+$/u.test(row[0].text) ? String(Number(n) + 43 * k) : n))}))
    )
  )
  return {
    ...base,
    about: 'the seven-column plan, the whole plan text before it and its 43 tasks four times over (172 tasks): the bench\'s PDF of over 30 pages',
    tables: [{...table, rows}],
    tasks: years.flatMap((year, k) => base.tasks.map((t) => ({...t, id: String(Number(t.id) + 43 * k), content: t.content.replace(/2026/gu, year), timeframe: t.timeframe.replace(/2026/gu, year), outputs: t.outputs.replace(/2026/gu, year)}))),
    fullPlan: true,
    folder: 'bench',
    docx: true
  }
}

/** The fixtures. */
const PLANS: Array<() => Plan> = [
  longPlan,
  () => sevenColumns('seven', 'STT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Chủ trì | Phối hợp | Theo dõi: ruled, group rows merged across, lead and monitoring merged down, header and column numbers repeated on every page, rows cut by page breaks', 'grid', true),
  () => fourColumns('four', 'TT | Nội dung | Trách nhiệm thực hiện | Thời gian (Năm 2026): ruled, numbers restarting per group (I.1), the year in the header'),
  () => ({...fourColumns('rotated', 'the four-column plan (first three groups) on portrait paper shown turned (/Rotate 90), the pages drawn as form XObjects', 3), rotate: true}),
  () => sevenColumns('stream', 'the seven-column table with only the header ruled (top and bottom): no cell borders', 'header', false),
  twoTables
]

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;')
const para = (text: string, style = 'P') => `<text:p text:style-name="${style}">${escape(text)}</text:p>`

function cellXml(cell: SourceCell, style: string): string {
  const spans = `${cell.rowSpan && cell.rowSpan > 1 ? ` table:number-rows-spanned="${cell.rowSpan}"` : ''}${cell.colSpan && cell.colSpan > 1 ? ` table:number-columns-spanned="${cell.colSpan}"` : ''}`
  const lines = cell.text === '' ? [''] : cell.text.split('\n')
  return `<table:table-cell table:style-name="${style}"${spans} office:value-type="string">${lines.map((l) => para(l, 'TP')).join('')}</table:table-cell>` + '<table:covered-table-cell/>'.repeat((cell.colSpan ?? 1) - 1)
}

/** Rows as ODF wants them: covered slots (by spans from the left or from above) written as covered cells. */
function rowsXml(rows: SourceCell[][], columns: number, style: string): string[] {
  const covered = new Set<string>()
  return rows.map((row, r) => {
    let xml = ''
    let c = 0
    for (const cell of row) {
      while (covered.has(`${r},${c}`)) {
        xml += '<table:covered-table-cell/>'
        c++
      }
      for (let i = 1; i < (cell.rowSpan ?? 1); i++) for (let j = 0; j < (cell.colSpan ?? 1); j++) covered.add(`${r + i},${c + j}`)
      xml += cellXml(cell, style)
      c += cell.colSpan ?? 1
    }
    while (c < columns) {
      xml += covered.has(`${r},${c}`) ? '<table:covered-table-cell/>' : cellXml({text: ''}, style)
      c++
    }
    return `<table:table-row>${xml}</table:table-row>`
  })
}

function tableXml(table: SourceTable, index: number): string {
  const body = table.borders === 'grid' ? 'C' : 'CN'
  const head = table.borders === 'grid' ? 'CH' : 'CHR'
  const columns = table.widths.length
  const cols = table.widths.map((_, i) => `<table:table-column table:style-name="col${index}_${i}"/>`).join('')
  const header = rowsXml(table.header, columns, head).join('')
  return `${para('PHỤ LỤC', 'PL')}${para(table.title, 'PC')}${para('(Kèm theo Kế hoạch số 15/KH-UBND ngày 14 tháng 01 năm 2026 của UBND xã Chấn Hưng)', 'PI')}<table:table table:name="T${index}" table:style-name="Tbl">${cols}<table:table-header-rows>${header}</table:table-header-rows>${rowsXml(table.rows, columns, body).join('')}</table:table>`
}

/** The lines of seed 000's plan before its appendix: the header and first section, or all of it. */
function proseLines(full = false): string[] {
  const lines = readFileSync(path.join(root, 'fixtures/seed-000/input.txt'), 'utf8').split('\n')
  const from = lines.findIndex((l) => l.trim() === 'KẾ HOẠCH')
  const to = full ? lines.findIndex((l) => l.trim() === 'Phụ lục') : lines.findIndex((l) => l.startsWith('II. NHIỆM VỤ'))
  return lines.slice(from, to)
}

/** The plan before the appendix, as paragraphs. */
function proseXml(full = false): string {
  return proseLines(full)
    .filter((l) => l.trim() !== '' && !l.includes('\t'))
    .map((l, i) => para(l.trim(), i < 2 ? 'PC' : 'P'))
    .join('')
}

function document(plan: Plan): string {
  const border = 'fo:border="0.5pt solid #000000"'
  const columnStyles = plan.tables
    .flatMap((t, k) => t.widths.map((w, i) => `<style:style style:name="col${k}_${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`))
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="13pt"/></style:default-style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="pmP"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="3cm" fo:margin-right="2cm"/></style:page-layout>
<style:page-layout style:name="pmL"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="1.5cm"/></style:page-layout>
<style:style style:name="P" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="PC" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="PI" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="PL" style:family="paragraph" style:master-page-name="Land"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="TP" style:family="paragraph"><style:text-properties fo:font-size="12pt"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="26.2cm" table:align="left"/></style:style>
<style:style style:name="C" style:family="table-cell"><style:table-cell-properties ${border} fo:padding="0.1cm"/></style:style>
<style:style style:name="CH" style:family="table-cell"><style:table-cell-properties ${border} fo:padding="0.1cm" style:vertical-align="middle"/></style:style>
<style:style style:name="CN" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.1cm"/></style:style>
<style:style style:name="CHR" style:family="table-cell"><style:table-cell-properties fo:border-top="0.5pt solid #000000" fo:border-bottom="0.5pt solid #000000" fo:border-left="none" fo:border-right="none" fo:padding="0.1cm"/></style:style>
${columnStyles}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pmP"/><style:master-page style:name="Land" style:page-layout-name="pmL"/></office:master-styles>
<office:body><office:text>
${proseXml(plan.fullPlan)}
${plan.tables.map(tableXml).join('\n')}
${para('Ghi chú: Các cơ quan, đơn vị báo cáo kết quả thực hiện về Văn phòng HĐND và UBND xã.')}
</office:text></office:body></office:document>
`
}

/** The plan as text: the prose, then each table tab-separated (a cell's line breaks as spaces, a merged cell's text in its first slot). */
function textForm(plan: Plan): string {
  const out = proseLines(plan.fullPlan).filter((l) => !l.includes('\t'))
  for (const table of plan.tables) {
    out.push('', 'PHỤ LỤC', table.title, '')
    const columns = table.widths.length
    const covered = new Set<string>()
    for (const [r, row] of [...table.header, ...table.rows].entries()) {
      const slots: string[] = []
      let c = 0
      for (const cell of row) {
        while (covered.has(`${r},${c}`)) slots[c++] = ''
        for (let i = 1; i < (cell.rowSpan ?? 1); i++) covered.add(`${r + i},${c}`)
        slots[c] = cell.text.replace(/\s*\n\s*/gu, ' ')
        for (let j = 1; j < (cell.colSpan ?? 1); j++) slots[c + j] = ''
        c += cell.colSpan ?? 1
      }
      while (c < columns) slots[c++] = ''
      out.push(slots.join('\t'))
    }
  }
  return out.join('\n') + '\n'
}

/** The source grid of a table (header rows first): every cell with its place and spans, covered slots skipped as ODF skips them. */
function sourceGrid(table: SourceTable): TableFixture['tables'][number] {
  const rows = [...table.header, ...table.rows]
  const columns = table.widths.length
  const covered = new Set<string>()
  const cells: TableFixture['tables'][number]['cells'] = []
  rows.forEach((row, r) => {
    let c = 0
    for (const cell of row) {
      while (covered.has(`${r},${c}`)) c++
      const rowSpan = cell.rowSpan ?? 1
      const colSpan = cell.colSpan ?? 1
      for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) covered.add(`${r + i},${c + j}`)
      cells.push({row: r, column: c, rowSpan, colSpan, text: cell.text})
      c += colSpan
    }
  })
  return {rows: rows.length, columns, headerRows: table.header.length, cells}
}

/** Task checks from the source cells, in the project's format (`test/support/expectations.ts`). */
export function checks(tasks: SourceTask[]): Check[] {
  const first = (text: string, n: number) => text.replace(/\s+/gu, ' ').trim().slice(0, n).replace(/\s\S*$/u, '')
  const items = (text: string) => text.split(/;\s*|\n/u).map((s) => s.trim()).filter(Boolean)
  const out: Check[] = [{path: 'plan.tasks.length', equals: tasks.length}]
  tasks.forEach((task, k) => {
    const at = `plan.tasks[id=${task.id}]`
    out.push({path: `plan.tasks[${k}].id`, equals: task.id})
    out.push({path: `${at}.content`, startsWith: first(task.content, 50), loose: true})
    out.push({path: `${at}.lead[0].raw`, startsWith: first(items(task.lead)[0] ?? '', 14), loose: true})
    if (task.cooperating) out.push({path: `${at}.cooperating[0].raw`, startsWith: first(items(task.cooperating)[0], 14), loose: true})
    else out.push({path: `${at}.cooperating.length`, equals: 0})
    out.push({path: `${at}.timeframe.raw`, equals: task.timeframe.replace(/\s+/gu, ' ').trim(), loose: true})
    if (task.outputs) {
      out.push({path: `${at}.outputs.length`, equals: items(task.outputs).length})
      out.push({path: `${at}.outputs[0]`, startsWith: first(items(task.outputs)[0], 14), loose: true})
    }
    if (task.monitoring) out.push({path: `${at}.monitoring[0].raw`, startsWith: first(task.monitoring, 14), loose: true})
  })
  return out
}

/** Landscape pages drawn on portrait paper turned by /Rotate 90, each page as a form XObject. */
async function turnPages(bytes: Uint8Array): Promise<Uint8Array> {
  const source = await PDFDocument.load(bytes)
  const doc = await PDFDocument.create()
  for (const [index, page] of source.getPages().entries()) {
    const {width, height} = page.getSize()
    if (width <= height) {
      const [copy] = await doc.copyPages(source, [index])
      doc.addPage(copy)
      continue
    }
    const form = await doc.embedPage(page)
    const turned = doc.addPage([height, width])
    turned.drawPage(form, {x: height, y: 0, rotate: degrees(90)})
    turned.setRotation(degrees(90))
  }
  return doc.save({useObjectStreams: false})
}

/** Make one fixture folder (its PDF too unless `withPdf` is false). */
async function make(plan: Plan, withPdf: boolean): Promise<void> {
  const dir = path.join(root, 'fixtures', plan.folder ?? 'pdf-tables', plan.name)
  mkdirSync(dir, {recursive: true})
  if (withPdf) await writeOffice(plan, dir)
  writeText(plan, dir)
}

/** The plan as a flat ODT document converted to `input.pdf` (and `input.docx` when `plan.docx`) in `dir` by LibreOffice. */
async function writeOffice(plan: Plan, dir: string): Promise<void> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-pdf-tables-'))
  try {
    const fodt = path.join(tmp, 'input.fodt')
    writeFileSync(fodt, document(plan))
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, fodt], {stdio: 'ignore'})
    const pdf = readFileSync(path.join(tmp, 'input.pdf'))
    if (plan.rotate) writeFileSync(path.join(dir, 'input.pdf'), await turnPages(pdf))
    else copyFileSync(path.join(tmp, 'input.pdf'), path.join(dir, 'input.pdf'))
    if (plan.docx) {
      execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, fodt], {stdio: 'ignore'})
      copyFileSync(path.join(tmp, 'input.docx'), path.join(dir, 'input.docx'))
    }
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
}

/** The text form and `expected.json` of `plan` into `dir`. */
function writeText(plan: Plan, dir: string): void {
  writeFileSync(path.join(dir, 'input.txt'), textForm(plan))
  const fixture: TableFixture = {about: plan.about, checks: checks(plan.tasks), tables: plan.tables.map(sourceGrid)}
  writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(fixture, null, 1) + '\n')
  process.stdout.write(`${plan.name}: ${plan.tasks.length} tasks\n`)
}

/** Make the fixtures named in `names` (all when none). */
export async function main(args: string[]): Promise<void> {
  const names = args.filter((a) => !a.startsWith('--'))
  for (const build of PLANS) {
    const plan = build()
    if (names.length === 0 || names.includes(plan.name)) await make(plan, !args.includes('--no-pdf'))
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2))
}
