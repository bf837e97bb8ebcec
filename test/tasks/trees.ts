/**
 * Test helpers: trees built by hand, and a small text → tree builder that
 * stands in for the parser and sections stages in these tests only (tables
 * by `detectTables`, sections by `grammars/headings.json`).
 */
import type {Data} from 'unist'
import {VFile} from 'vfile'
import {detectTables, type TableBlock} from '../../src/parser/tables/index.js'
import type {LineData, Paragraph, Part, Root, Section, SectionKind, Table, TableCell, TableRow} from '../../src/tree/types.js'
import {loadGrammar} from '../../src/util/grammar.js'
import {unified} from 'unified'
import parser from '../../src/parser/index.js'
import tasksPlugin, {extractTasks, type Options} from '../../src/tasks/index.js'
import type {Task} from '../../src/output/schema.js'

const at = (line: number, column = 1, length = 0) => ({
  start: {line, column},
  end: {line, column: column + length}
})

/** A paragraph on a 1-based line. */
export function paragraph(value: string, line = 1): Paragraph {
  return {type: 'paragraph', value, position: at(line, 1, value.length)}
}

/** A section node. */
export function section(marker: string, kind: SectionKind, title: string | null, children: Section['children'] = [], line = 1, id = marker): Section {
  return {type: 'section', marker, kind, id, title, children, position: at(line)}
}

/** A table from rows of cell texts, row `i` on line `line + i`. */
export function table(rows: string[][], line = 1, data?: Table['data']): Table {
  return {
    type: 'table',
    data,
    children: rows.map(
      (cells, i): TableRow => ({
        type: 'tableRow',
        position: at(line + i),
        children: cells.map((value): TableCell => ({type: 'tableCell', value, position: at(line + i)}))
      })
    )
  }
}

/** A part node. */
export function part(kind: Part['kind'], children: Part['children']): Part {
  return {type: 'part', kind, children}
}

/** A root node. */
export function root(children: Root['children'], data?: Data): Root {
  return {type: 'root', children, data}
}

/** Turn a detected block into a table node with positions (as the parser does). */
export function blockToTable(block: TableBlock, page?: (line: number) => number | undefined): Table {
  return {
    type: 'table',
    data: {layout: block.layout},
    position: at(block.start + 1),
    children: block.rows.map((row) => ({
      type: 'tableRow',
      position: at(row.lines[0] + 1),
      data: page?.(row.lines[0]) ? {page: page(row.lines[0])} : undefined,
      children: row.cells.map((cell) => ({
        type: 'tableCell',
        value: cell.text,
        position: at(cell.line + 1, cell.column + 1, cell.text.length)
      }))
    }))
  }
}

const headings = loadGrammar('headings')
const rank = (kind: string, marker: string) => {
  switch (kind) {
    case 'roman':
      return 0
    case 'arabic':
      return 1
    case 'dotted':
      return marker.replace(/\.$/, '').split('.').length
    case 'letter':
      return 6
    case 'paren':
      return 7
    case 'dash':
      return 8
    default:
      return 9
  }
}

/**
 * Text → tree: tables from `detectTables`, other lines as paragraphs or
 * sections nested by marker rank, all in one plan part. Lines break pages
 * at form feeds (for the `page` of rows).
 */
export function textTree(text: string): Root {
  const lines = text.split(/\r?\n/)
  const blocks = detectTables(lines)
  let page = 1
  const pages = lines.map((line) => (line.includes('\f') ? ++page : page))
  const plan = part('plan', [])
  const stack: Array<{node: Section; rank: number}> = []
  const container = () => (stack.length > 0 ? stack.at(-1)!.node.children : plan.children) as Array<Section | Paragraph | Table>
  let index = 0
  while (index < lines.length) {
    const block = blocks.find((b) => b.start === index)
    if (block) {
      container().push(blockToTable(block, (line) => pages[line]))
      index = block.end
      continue
    }
    const line = lines[index].replace(/\f/g, '').trim()
    index++
    if (line === '') continue
    const rule = headings.rules.find((r) => r.regex.test(line))
    if (!rule) {
      container().push(paragraph(line, index))
      continue
    }
    const groups = rule.regex.exec(line)!.groups ?? {}
    const marker = rule.id === 'dash' ? '-' : rule.id === 'plus' ? '+' : groups.marker + (rule.id === 'letter' ? ')' : rule.id === 'paren' ? '' : '.')
    const r = rank(rule.id, marker)
    while (stack.length > 0 && stack.at(-1)!.rank >= r) stack.pop()
    const node = section(marker, rule.id as SectionKind, groups.title ?? null, [], index)
    container().push(node)
    stack.push({node, rank: r})
  }
  return root([plan])
}

/** Run the tasks stage on a tree; returns the tasks and the file (messages). */
export function runTasks(tree: Root, options: Options = {}, data: Partial<VFile['data']> = {}): {tasks: Task[]; file: VFile} {
  const file = new VFile()
  Object.assign(file.data, data)
  const tasks = extractTasks(tree, file, options)
  return {tasks, file}
}

/**
 * Text → tasks through the real parser and the tasks stage (no sections
 * stage: tables stand at the root), with `data` set on the file first.
 */
export function parseTasks(text: string, data: Partial<VFile['data']> = {}): {tasks: Task[]; file: VFile} {
  const file = new VFile({value: text})
  Object.assign(file.data, data)
  const processor = unified().use(parser).use(tasksPlugin)
  processor.runSync(processor.parse(file), file)
  return {tasks: file.data.tasks ?? [], file}
}
