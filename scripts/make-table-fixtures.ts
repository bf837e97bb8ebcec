/**
 * Regenerate the real-layout table fixtures in `fixtures/tables-real/<layout>/`:
 * plans written as Word files (the `docx` package), converted to PDF by
 * LibreOffice as government offices export them, and scanned copies of those
 * PDFs. Each folder gets
 *
 *   plan.docx      the Word file (Times New Roman; LibreOffice draws it in Liberation Serif)
 *   plan.pdf       `soffice --headless --convert-to pdf` of it (born digital, text layer)
 *   scan.pdf       its pages at 200 dpi, grey, turned 0.4–0.7°, blurred, specks, JPEG q60, image only
 *   input.txt      the plan as text: lines, the table as tab-separated rows (a merged cell in its first row)
 *   expected.json  task checks (`{path, equals|startsWith|includes}`) and the cell grid, from the source cells
 *
 *   npm run fixtures:tables [-- [--out DIR] [--soffice PATH] [layout ...]]
 *
 * Needs LibreOffice (`soffice`, Debian `libreoffice-writer-nogui`),
 * `fonts-liberation` and `pdftoppm` (Debian `poppler-utils`); tests read only
 * the committed files. The dates in the Word file and the PDF change the
 * bytes on every run, not the pages.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createCanvas, loadImage} from '@napi-rs/canvas'
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions
} from 'docx'
import {applyNoise, type NoiseParams} from '../src/fixture/noise.js'
import {imagePdf} from '../src/fixture/pdf.js'
import {createRandom} from '../src/fixture/prng.js'
import type {Check} from '../test/support/expectations.js'
import {assignmentExtra, assignmentMore, bodies, headers, horizontalRows, monitoringByGroup, outerRows, type DocumentHeader, type PlanBody, type TaskGroup, type TaskSource} from './table-fixtures/content.js'

/** What a column of a task table holds. */
type Field = 'number' | 'content' | 'outputs' | 'timeframe' | 'lead' | 'cooperating' | 'monitoring'

/** A column: its header text and width (cm). */
interface Column {
  header: string
  field: Field
  width: number
}

/** Which rules a table draws. */
type Borders = 'all' | 'horizontal' | 'outer'

/** A task as it goes into the table: its printed number, the id a reader should give it, its group. */
interface PlacedTask extends TaskSource {
  number: string
  id: string
  group: string | null
  /** Fields whose cell is merged with the next task's (the next task has the same value). */
  mergeNext?: Field[]
  /** Print the products (or agencies) one per line inside the cell. */
  asLines?: boolean
  /** Agency and product lists whose length is unambiguous even with commas inside (`lead.length` etc. are checked); written for these fixtures. */
  countLists?: boolean
}

/** One fixture: a plan with a landscape appendix table. */
interface Recipe {
  name: string
  about: string
  header: DocumentHeader
  body: PlanBody
  appendix: string[]
  attachment: string
  columns: Column[]
  /** Print a row of column numbers "(1)" … "(n)" under the header, repeated with it. */
  numbering: boolean
  borders: Borders
  /** Font size of the table, points. */
  tableSize: number
  /** Group rows ("I | Cải cách thể chế") and the tasks under them. */
  groups: Array<{marker: string; title: string; tasks: PlacedTask[]} | {marker: null; title: null; tasks: PlacedTask[]}>
  seed: number
}

/** A cell of the source grid: where it stands, its spans, its paragraphs. */
interface SourceCell {
  row: number
  column: number
  rowSpan: number
  colSpan: number
  paragraphs: string[]
  bold?: boolean
  centre?: boolean
}

/** The scan: 200 dpi grey, turned by 0.4–0.7°, a slight blur, specks and drop-outs, JPEG quality 60. */
export const scanNoise: NoiseParams = {
  rotation: 0.7,
  minRotation: 0.4,
  shift: 8,
  blur: 0.6,
  speckles: 500,
  dropouts: 250,
  exposure: 0.08,
  paper: [250, 248, 242],
  jpegQuality: 60,
  stamp: 0,
  stampAt: [0, 0]
}

/** Resolution of the scans. */
export const scanDpi = 200

const root = fileURLToPath(new URL('../', import.meta.url))

// ---------------------------------------------------------------- content

/** Seed 000's appendix rows: groups and their tasks (TT, content, lead, cooperating, time, products). */
function seed000Groups(): TaskGroup[] {
  const text = readFileSync(path.join(root, 'fixtures/seed-000/input.txt'), 'utf8')
  const rows = text
    .split('\n')
    .filter((line) => line.includes('\t') && !line.startsWith('----'))
    .map((line) => line.split('\t').map((cell) => cell.trim()))
  const groups: TaskGroup[] = []
  for (const cells of rows.slice(1)) {
    // "I.\tChỉ đạo …" or "V. Cải cách chế độ công vụ\t\t…"
    const group = /^([IVX]+)\.\s*(.*)$/u.exec(cells[0])
    if (group) {
      groups.push({marker: group[1], title: (group[2] || cells[1]).trim(), tasks: []})
      continue
    }
    const [, content, lead, cooperating, timeframe, outputs] = cells
    groups[groups.length - 1].tasks.push({
      content,
      lead: splitList(lead),
      cooperating: splitList(cooperating),
      timeframe,
      outputs: splitList(outputs)
    })
  }
  return groups
}

/** A cell's list (agencies, products): its pieces between semicolons. */
function splitList(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Seed 001's list-form tasks of section IV, groups 1, 2 and 5: "1.1. …", "- Cơ quan chủ trì thực hiện: …", "- Thời gian thực hiện: …". */
function seed001Groups(): TaskGroup[] {
  const lines = readFileSync(path.join(root, 'fixtures/seed-001/input.txt'), 'utf8').split('\n')
  const start = lines.findIndex((l) => l.startsWith('IV. NHIỆM VỤ CỤ THỂ'))
  const end = lines.findIndex((l, i) => i > start && /^V\. /u.test(l))
  const groups: TaskGroup[] = []
  let task: TaskSource | undefined
  for (const raw of lines.slice(start + 1, end)) {
    const line = raw.replace(/\*/g, '').trim()
    const group = /^(\d+)\. (.+)$/u.exec(line)
    const item = /^(\d+\.\d+)\. (.+)$/u.exec(line)
    if (item) {
      task = {content: item[2]}
      groups[groups.length - 1].tasks.push(task)
    } else if (group) {
      groups.push({marker: group[1], title: group[2], tasks: []})
      task = undefined
    } else if (task) {
      const lead = /^- Cơ quan chủ trì(?: thực hiện)?: (.+)$/u.exec(line)
      const time = /^- Thời gian thực hiện: (.+)$/u.exec(line)
      if (lead) task.lead = splitList(lead[1].replace(/\.$/u, ''))
      if (time) task.timeframe = time[1].replace(/\.$/u, '')
    }
  }
  return groups.filter((g) => ['1', '2', '5'].includes(g.marker))
}

/** The recipes, one per layout. */
export function recipes(): Recipe[] {
  const seed000 = seed000Groups()
  const assignmentGroups = [...seed000, assignmentExtra, assignmentMore].map((group, g) => ({
    marker: group.marker,
    title: group.title,
    tasks: group.tasks.map((task, k): PlacedTask => {
      const placed: PlacedTask = {
        ...task,
        monitoring: task.monitoring ?? [monitoringByGroup[g]],
        number: String(k + 1),
        id: `${group.marker}.${k + 1}`,
        group: group.title,
        asLines: k % 3 === 1,
        countLists: group === assignmentExtra || group === assignmentMore
      }
      // Merged cells: the monitoring of each group's first two tasks; the lead of II.1–II.2; the cooperating of III.3–III.4.
      const merge: Field[] = []
      if (k === 0 && group.tasks.length > 1) merge.push('monitoring')
      if (group.marker === 'II' && k === 0) merge.push('lead')
      if (group.marker === 'III' && k === 2) merge.push('cooperating')
      if (merge.length > 0) placed.mergeNext = merge
      return placed
    })
  }))
  for (const group of assignmentGroups) {
    group.tasks.forEach((task, k) => {
      for (const field of task.mergeNext ?? []) {
        const next = group.tasks[k + 1] as unknown as Record<string, unknown>
        next[field] = (task as unknown as Record<string, unknown>)[field]
      }
    })
  }

  const responsibilityGroups = seed001Groups().map((group) => ({
    marker: group.marker,
    title: group.title,
    tasks: group.tasks.map((task, k): PlacedTask => ({...task, number: `${group.marker}.${k + 1}`, id: `${group.marker}.${k + 1}`, group: group.title}))
  }))

  let running = 0
  const horizontalGroups = horizontalRows.map((group) => ({
    marker: group.marker,
    title: group.title,
    tasks: group.tasks.map((task): PlacedTask => {
      running++
      return {...task, number: String(running), id: String(running), group: group.title, countLists: true}
    })
  }))

  const outerTasks = outerRows.map((task, k): PlacedTask => ({...task, number: String(k + 1), id: String(k + 1), group: null, countLists: true, asLines: k % 2 === 0}))

  return [
    {
      name: 'assignment',
      about: 'Kế hoạch, two portrait pages, then a landscape "PHỤ LỤC PHÂN CÔNG THỰC HIỆN NHIỆM VỤ": 7 ruled columns, header wrapped over two lines plus a row of column numbers, repeated on every page; group rows (I …); numbers restarting per group (I.1); cells merged down over two tasks; products one per line in some cells; over ten pages',
      header: headers.assignment,
      body: bodies.assignment,
      appendix: ['PHỤ LỤC', 'PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026'],
      attachment: '(Kèm theo Kế hoạch số 18/KH-UBND ngày 20/01/2026 của UBND xã Chấn Hưng)',
      columns: [
        {header: 'STT', field: 'number', width: 1.3},
        {header: 'Nhiệm vụ', field: 'content', width: 6.6},
        {header: 'Sản phẩm', field: 'outputs', width: 4.4},
        {header: 'Thời gian hoàn thành', field: 'timeframe', width: 2.6},
        {header: 'Chủ trì thực hiện', field: 'lead', width: 3.2},
        {header: 'Phối hợp thực hiện', field: 'cooperating', width: 4.2},
        {header: 'Theo dõi, kiểm tra, đôn đốc', field: 'monitoring', width: 3.2}
      ],
      numbering: true,
      borders: 'all',
      tableSize: 13,
      groups: assignmentGroups,
      seed: 11
    },
    {
      name: 'responsibility',
      about: 'Kế hoạch with a landscape appendix TT | Nội dung | Trách nhiệm thực hiện | Thời gian (the responsibility column is the lead), ruled, group rows "1 | …" and tasks numbered 1.1 …, long wrapped content (seed 001\'s list-form tasks as rows)',
      header: headers.responsibility,
      body: bodies.responsibility,
      appendix: ['PHỤ LỤC', 'NHIỆM VỤ CỤ THỂ VÀ TRÁCH NHIỆM THỰC HIỆN'],
      attachment: '(Kèm theo Kế hoạch số 27/KH-UBND ngày 09/02/2026 của UBND phường Nam Đồ Sơn)',
      columns: [
        {header: 'TT', field: 'number', width: 1.4},
        {header: 'Nội dung', field: 'content', width: 14.5},
        {header: 'Trách nhiệm thực hiện', field: 'lead', width: 5.6},
        {header: 'Thời gian', field: 'timeframe', width: 4}
      ],
      numbering: false,
      borders: 'all',
      tableSize: 12,
      groups: responsibilityGroups,
      seed: 12
    },
    {
      name: 'horizontal-rules',
      about: 'Kế hoạch with a landscape appendix whose table has only horizontal rules (no column rules), 5 columns, group rows, numbers running on',
      header: headers.horizontal,
      body: bodies.horizontal,
      appendix: ['PHỤ LỤC', 'NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026'],
      attachment: '(Kèm theo Kế hoạch số 05/KH-UBND ngày 12/01/2026 của UBND xã Tân Phú Đông)',
      columns: [
        {header: 'TT', field: 'number', width: 1.3},
        {header: 'Nội dung công việc', field: 'content', width: 10.5},
        {header: 'Cơ quan chủ trì', field: 'lead', width: 4.6},
        {header: 'Cơ quan phối hợp', field: 'cooperating', width: 5.4},
        {header: 'Thời gian hoàn thành', field: 'timeframe', width: 3.6}
      ],
      numbering: false,
      borders: 'horizontal',
      tableSize: 12,
      groups: horizontalGroups,
      seed: 13
    },
    {
      name: 'outer-border',
      about: 'Kế hoạch of a province with a landscape appendix whose table has only an outer border, 6 columns, no group rows, "Các sở, ban, ngành; UBND các xã, phường, đặc khu" as two bodies',
      header: headers.outer,
      body: bodies.outer,
      appendix: ['PHỤ LỤC', 'NHIỆM VỤ PHÒNG, CHỐNG THIÊN TAI NĂM 2026'],
      attachment: '(Kèm theo Kế hoạch số 112/KH-UBND ngày 03/3/2026 của UBND tỉnh An Giang)',
      columns: [
        {header: 'STT', field: 'number', width: 1.3},
        {header: 'Nhiệm vụ', field: 'content', width: 7.5},
        {header: 'Đơn vị chủ trì', field: 'lead', width: 4.2},
        {header: 'Đơn vị phối hợp', field: 'cooperating', width: 4.8},
        {header: 'Thời hạn hoàn thành', field: 'timeframe', width: 3.2},
        {header: 'Sản phẩm', field: 'outputs', width: 4.4}
      ],
      numbering: false,
      borders: 'outer',
      tableSize: 12,
      groups: [{marker: null, title: null, tasks: outerTasks}],
      seed: 14
    }
  ]
}

// ---------------------------------------------------------------- the grid

/** The paragraphs of a task's cell in `field`. */
function cellParagraphs(task: PlacedTask, field: Field): string[] {
  if (field === 'number') return [task.number]
  if (field === 'content') return [task.content]
  if (field === 'timeframe') return task.timeframe ? [task.timeframe] : []
  const list = task[field] ?? []
  if (task.asLines && list.length > 1) return list.map((item, i) => (i < list.length - 1 ? `${item};` : item))
  return list.length > 0 ? [list.join('; ')] : []
}

/** The table's cells: header rows, then group and task rows; merged cells once, with their spans. */
export function sourceGrid(recipe: Recipe): {cells: SourceCell[]; rows: number; headerRows: number} {
  const cells: SourceCell[] = []
  const width = recipe.columns.length
  recipe.columns.forEach((column, c) => cells.push({row: 0, column: c, rowSpan: 1, colSpan: 1, paragraphs: [column.header], bold: true, centre: true}))
  let row = 1
  if (recipe.numbering) {
    recipe.columns.forEach((_, c) => cells.push({row, column: c, rowSpan: 1, colSpan: 1, paragraphs: [`(${c + 1})`], centre: true}))
    row++
  }
  const headerRows = row
  for (const group of recipe.groups) {
    if (group.marker !== null) {
      cells.push({row, column: 0, rowSpan: 1, colSpan: 1, paragraphs: [group.marker], bold: true, centre: true})
      cells.push({row, column: 1, rowSpan: 1, colSpan: width - 1, paragraphs: [group.title], bold: true})
      row++
    }
    group.tasks.forEach((task, k) => {
      const previous = group.tasks[k - 1]
      recipe.columns.forEach((column, c) => {
        if (previous?.mergeNext?.includes(column.field)) return
        const rowSpan = task.mergeNext?.includes(column.field) ? 2 : 1
        cells.push({row, column: c, rowSpan, colSpan: 1, paragraphs: cellParagraphs(task, column.field), centre: column.field === 'number'})
      })
      row++
    })
  }
  return {cells, rows: row, headerRows}
}

// ---------------------------------------------------------------- checks

/** The first words of `text`, at most `max` characters, cut at a word end. */
function prefix(text: string, max = 60): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/u, '')
}

/** An agency's text up to its first comma (where a reader's split may differ, the start is certain). */
function agencyStart(agency: string): string {
  return agency.split(',')[0].trim()
}

/** The task checks of a recipe, from its source values. */
export function taskChecks(recipe: Recipe): Check[] {
  const tasks = recipe.groups.flatMap((g) => g.tasks)
  const fields = new Set(recipe.columns.map((c) => c.field))
  const checks: Check[] = [{path: 'plan.tasks.length', equals: tasks.length}]
  tasks.forEach((task, index) => {
    const at = `plan.tasks[id=${task.id}]`
    checks.push({path: `plan.tasks[${index}].id`, equals: task.id})
    checks.push({path: `${at}.content`, startsWith: prefix(task.content), loose: true})
    if (task.group) checks.push({path: `${at}.group`, equals: task.group, loose: true})
    for (const field of ['lead', 'cooperating', 'monitoring'] as const) {
      if (!fields.has(field)) continue
      const list = task[field] ?? []
      if (list.length === 0) continue
      checks.push({path: `${at}.${field}[0].raw`, startsWith: agencyStart(list[0]), loose: true})
      const plain = list.every((a) => !a.includes(','))
      if (task.countLists || plain) checks.push({path: `${at}.${field}.length`, equals: list.length})
    }
    if (fields.has('timeframe') && task.timeframe) checks.push({path: `${at}.timeframe.raw`, equals: task.timeframe, loose: true})
    if (fields.has('outputs') && task.outputs && task.outputs.length > 0) {
      // A comma inside a product ("Kế hoạch, Quyết định kiểm tra") may or may not part two products: counted only when written plainly.
      if (task.countLists || task.outputs.every((o) => !o.includes(','))) checks.push({path: `${at}.outputs.length`, equals: task.outputs.length})
      checks.push({path: `${at}.outputs[0]`, startsWith: prefix(task.outputs[0], 40), loose: true})
    }
  })
  return checks
}

// ---------------------------------------------------------------- the Word file

const cm = (v: number) => Math.round((v * 1440) / 2.54)
const font = 'Times New Roman'
const line: IBorderOptions = {style: BorderStyle.SINGLE, size: 4, color: '000000'}
const none: IBorderOptions = {style: BorderStyle.NONE, size: 0, color: 'FFFFFF'}

function para(text: string, options: {bold?: boolean; italic?: boolean; centre?: boolean; size?: number; indent?: boolean; before?: number; after?: number; justify?: boolean} = {}): Paragraph {
  return new Paragraph({
    alignment: options.centre ? AlignmentType.CENTER : options.justify ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
    indent: options.indent ? {firstLine: cm(1)} : undefined,
    spacing: {before: options.before ?? 0, after: options.after ?? 0, line: 276},
    children: [new TextRun({text, bold: options.bold, italics: options.italic, font, size: options.size ?? 26})]
  })
}

/** A borderless table (the ND 30 header, the recipients and signature), as Word plans lay them out. */
function layoutTable(columns: Array<{width: number; paragraphs: Paragraph[]}>): Table {
  return new Table({
    width: {size: cm(columns.reduce((a, c) => a + c.width, 0)), type: WidthType.DXA},
    columnWidths: columns.map((c) => cm(c.width)),
    layout: TableLayoutType.FIXED,
    borders: {top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none},
    rows: [new TableRow({children: columns.map((c) => new TableCell({width: {size: cm(c.width), type: WidthType.DXA}, children: c.paragraphs}))})]
  })
}

function taskTable(recipe: Recipe): Table {
  const grid = sourceGrid(recipe)
  const borders = {
    all: {top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line},
    horizontal: {top: line, bottom: line, left: none, right: none, insideHorizontal: line, insideVertical: none},
    outer: {top: line, bottom: line, left: line, right: line, insideHorizontal: none, insideVertical: none}
  }[recipe.borders]
  const rows: TableRow[] = []
  for (let r = 0; r < grid.rows; r++) {
    const starting = grid.cells.filter((c) => c.row === r).sort((a, b) => a.column - b.column)
    rows.push(
      new TableRow({
        tableHeader: r < grid.headerRows,
        children: starting.map((cell) => {
          const width = recipe.columns.slice(cell.column, cell.column + cell.colSpan).reduce((a, c) => a + c.width, 0)
          const paragraphs = cell.paragraphs.length > 0 ? cell.paragraphs : ['']
          return new TableCell({
            width: {size: cm(width), type: WidthType.DXA},
            columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
            rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
            verticalAlign: r < grid.headerRows || cell.rowSpan > 1 ? VerticalAlign.CENTER : VerticalAlign.TOP,
            margins: {top: cm(0.05), bottom: cm(0.05), left: cm(0.12), right: cm(0.12)},
            children: paragraphs.map((text) => para(text, {bold: cell.bold, centre: cell.centre, size: 2 * recipe.tableSize, before: 60, after: 60, justify: recipe.columns[cell.column].field === 'content' && !cell.bold}))
          })
        })
      })
    )
  }
  return new Table({
    width: {size: cm(recipe.columns.reduce((a, c) => a + c.width, 0)), type: WidthType.DXA},
    columnWidths: recipe.columns.map((c) => cm(c.width)),
    layout: TableLayoutType.FIXED,
    borders,
    rows
  })
}

/** The Word file of `recipe`: portrait plan pages, then the landscape appendix. */
export async function wordFile(recipe: Recipe): Promise<Uint8Array> {
  const {header: h, body} = recipe
  const headerTable = layoutTable([
    {width: 6, paragraphs: [para(h.issuerParent, {centre: true}), para(h.issuer, {centre: true, bold: true}), para('', {}), para(h.number, {centre: true})]},
    {width: 10, paragraphs: [para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {centre: true, bold: true, size: 24}), para('Độc lập - Tự do - Hạnh phúc', {centre: true, bold: true}), para('', {}), para(h.placeDate, {centre: true, italic: true})]}
  ])
  const portrait: Array<Paragraph | Table> = [headerTable, para('', {after: 200})]
  body.title.forEach((t, i) => portrait.push(para(t, {centre: true, bold: true, after: i === body.title.length - 1 ? 240 : 0})))
  for (const text of body.paragraphs) {
    const heading = /^(?:[IVX]+\.|\d+\.) /u.test(text)
    portrait.push(para(text, {bold: heading, indent: !heading, justify: true, after: 120}))
  }
  portrait.push(para('', {after: 120}))
  portrait.push(
    layoutTable([
      {width: 8, paragraphs: [para('Nơi nhận:', {bold: true, italic: true, size: 24}), ...body.recipients.map((r) => para(`- ${r}`, {size: 22}))]},
      {width: 8, paragraphs: [para(`TM. ${h.issuerParent}`, {centre: true, bold: true}), para(h.signer.position, {centre: true, bold: true}), para('', {after: 900}), para(h.signer.name, {centre: true, bold: true})]}
    ])
  )
  const landscape: Array<Paragraph | Table> = [
    ...recipe.appendix.map((t) => para(t, {centre: true, bold: true})),
    para(recipe.attachment, {centre: true, italic: true, after: 200}),
    taskTable(recipe),
    para('', {})
  ]
  const doc = new Document({
    creator: 'sohoa fixture',
    title: recipe.appendix.join(' '),
    styles: {default: {document: {run: {font, size: 26}}}},
    sections: [
      {properties: {page: {size: {width: cm(21), height: cm(29.7), orientation: PageOrientation.PORTRAIT}, margin: {top: cm(2), bottom: cm(2), left: cm(3), right: cm(2)}}}, children: portrait},
      {properties: {page: {size: {width: cm(21), height: cm(29.7), orientation: PageOrientation.LANDSCAPE}, margin: {top: cm(2.5), bottom: cm(2), left: cm(1.8), right: cm(1.5)}}}, children: landscape}
    ]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

// ---------------------------------------------------------------- the text form

/** The plan as a text file: one line per paragraph, the table as tab-separated rows (cell lines joined by a space). */
export function textForm(recipe: Recipe): string {
  const {header: h, body} = recipe
  const out = [h.issuerParent, h.issuer, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '', h.number, h.placeDate, '', ...body.title, '']
  for (const text of body.paragraphs) out.push(text, '')
  out.push('Nơi nhận:', ...body.recipients.map((r) => `- ${r}`), '', `TM. ${h.issuerParent}`, h.signer.position, '', h.signer.name, '')
  out.push(...recipe.appendix, recipe.attachment, '')
  const grid = sourceGrid(recipe)
  for (let r = 0; r < grid.rows; r++) {
    const cells = Array.from({length: recipe.columns.length}, () => '')
    for (const cell of grid.cells.filter((c) => c.row === r)) cells[cell.column] = cell.paragraphs.join(' ')
    out.push(cells.join('\t'))
  }
  return out.join('\n') + '\n'
}

// ---------------------------------------------------------------- conversion and scan

/** Convert `docx` to PDF with LibreOffice (a private profile, so runs in parallel do not collide). */
function convert(docx: string, outDir: string, soffice: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'sohoa-lo-'))
  try {
    execFileSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], {stdio: 'ignore', timeout: 180_000})
  } finally {
    rmSync(profile, {recursive: true, force: true})
  }
  return path.join(outDir, path.basename(docx).replace(/\.docx$/u, '.pdf'))
}

/** Scan `pdf`: each page rendered at 200 dpi (pdftoppm), noise applied, into an image-only PDF. */
async function scan(pdf: string, seed: number): Promise<{bytes: Uint8Array; pages: number}> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-scan-'))
  try {
    execFileSync('pdftoppm', ['-r', String(scanDpi), '-gray', '-png', pdf, path.join(tmp, 'page')])
    const files = readdirSync(tmp)
      .filter((f) => f.endsWith('.png'))
      .sort()
    const pages = []
    for (const [index, file] of files.entries()) {
      const image = await loadImage(readFileSync(path.join(tmp, file)))
      const clean = createCanvas(image.width, image.height)
      clean.getContext('2d').drawImage(image, 0, 0)
      const noisy = await applyNoise(clean, scanNoise, createRandom(seed, index), {dpi: scanDpi, grey: true})
      pages.push({width: (image.width * 72) / scanDpi, height: (image.height * 72) / scanDpi, image: noisy.image, format: noisy.format})
    }
    return {bytes: await imagePdf(pages, 'sohoa table fixture (scan)'), pages: pages.length}
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
}

/** Make one fixture folder; returns a line of what was written. */
export async function make(recipe: Recipe, out: string, soffice: string): Promise<string> {
  const dir = path.join(out, recipe.name)
  mkdirSync(dir, {recursive: true})
  const docx = path.join(dir, 'plan.docx')
  writeFileSync(docx, await wordFile(recipe))
  const pdf = convert(docx, dir, soffice)
  const scanned = await scan(pdf, recipe.seed)
  writeFileSync(path.join(dir, 'scan.pdf'), scanned.bytes)
  writeFileSync(path.join(dir, 'input.txt'), textForm(recipe))
  const grid = sourceGrid(recipe)
  const expected = {
    about: recipe.about,
    checks: taskChecks(recipe),
    tables: [
      {
        rows: grid.rows,
        columns: recipe.columns.length,
        headerRows: grid.headerRows,
        cells: grid.cells.map((c) => ({row: c.row, column: c.column, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.paragraphs.join('\n')}))
      }
    ]
  }
  writeFileSync(path.join(dir, 'expected.json'), JSON.stringify(expected, null, 1) + '\n')
  const pdfPages = execFileSync('pdfinfo', [pdf], {encoding: 'utf8'}).match(/^Pages:\s+(\d+)/mu)?.[1]
  return `${recipe.name}: ${pdfPages} pages, ${recipe.groups.flatMap((g) => g.tasks).length} tasks, ${expected.checks.length} checks, scan ${scanned.pages} pages`
}

async function main(args: string[]): Promise<void> {
  const option = (name: string) => {
    const i = args.indexOf(name)
    if (i < 0) return undefined
    const value = args[i + 1]
    args.splice(i, 2)
    return value
  }
  const out = option('--out') ?? path.join(root, 'fixtures/tables-real')
  const soffice = option('--soffice') ?? 'soffice'
  const all = recipes()
  const wanted = all.filter((r) => args.length === 0 || args.includes(r.name))
  if (wanted.length === 0) throw new Error(`no layout named ${args.join(', ')} (have ${all.map((r) => r.name).join(', ')})`)
  for (const recipe of wanted) process.stdout.write((await make(recipe, out, soffice)) + '\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2))
}
