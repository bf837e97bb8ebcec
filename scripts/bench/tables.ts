/**
 * Table detection and the tasks stage: time per document and lines/s of
 * `detectTables` over text files, and of parser + tasks on the seeds and
 * table fixtures; then a born-digital PDF plan of over 30 pages
 * (`fixtures/bench/long-plan`, LibreOffice, 172 tasks in ruled tables):
 * `read` (text layer, rules, tables as cells) and the whole pipeline, wall
 * and CPU time (one thread: the target is 3 s on one core).
 *
 *   npm run bench -- tables [--rounds 50] [--pdf-rounds 3] [--dir <folder of .txt>]
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {parseSync} from '../../src/parse.js'
import {detectTables} from '../../src/parser/tables/index.js'
import {read} from '../../src/read/index.js'
import parser from '../../src/parser/index.js'
import tasks from '../../src/tasks/index.js'
import {table} from '../table.js'

/** One-line title of this benchmark. */
export const title = 'Tables: detectTables and the tasks stage'

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

function texts(folder: string): Array<{name: string; text: string}> {
  return readdirSync(folder)
    .map((name) => path.join(folder, name))
    .flatMap((file) => {
      if (statSync(file).isDirectory()) return texts(file)
      return file.endsWith('.txt') ? [{name: file, text: readFileSync(file, 'utf8')}] : []
    })
}

function time(rounds: number, work: () => void): number {
  const start = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) work()
  return Number(process.hrtime.bigint() - start) / 1e9
}

/** Run the benchmark and print its table. */
export async function run(args: string[]): Promise<void> {
  const rounds = Number(option(args, '--rounds') ?? 50)
  const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url))
  const sets: Array<{label: string; docs: Array<{name: string; text: string}>}> = [
    {label: 'seeds', docs: texts(fixtures).filter((d) => /seed-\d+[/\\]input\.txt$/.test(d.name))},
    {label: 'table fixtures', docs: texts(path.join(fixtures, 'tables')).filter((d) => d.name.endsWith('input.txt'))}
  ]
  const dir = option(args, '--dir')
  if (dir) sets.push({label: path.basename(dir), docs: texts(dir)})

  const processor = unified().use(parser).use(tasks)
  const rows = []
  for (const {label, docs} of sets) {
    const lines = docs.map((d) => d.text.split(/\r?\n/))
    const lineCount = lines.reduce((n, l) => n + l.length, 0)
    const detectRounds = label === 'seeds' || label === 'table fixtures' ? rounds : 1
    for (const l of lines) detectTables(l) // warm up
    const detect = time(detectRounds, () => lines.forEach((l) => detectTables(l)))
    const stageRounds = detectRounds
    const stage = time(stageRounds, () =>
      docs.forEach((d) => {
        const file = new VFile({value: d.text})
        processor.runSync(processor.parse(file), file)
      })
    )
    rows.push({
      set: label,
      docs: docs.length,
      lines: lineCount,
      rounds: detectRounds,
      'detect ms/doc': ((detect / detectRounds / docs.length) * 1000).toFixed(2),
      'detect klines/s': ((lineCount * detectRounds) / detect / 1000).toFixed(0),
      'parser+tasks ms/doc': ((stage / stageRounds / docs.length) * 1000).toFixed(2)
    })
  }
  process.stdout.write(table(rows))

  const pdfRounds = Number(option(args, '--pdf-rounds') ?? 3)
  const pdf = readFileSync(path.join(fixtures, 'bench/long-plan/input.pdf'))
  const pdfRows = []
  await read(pdf) // warm up: pdf.js loaded, code compiled
  for (let round = 1; round <= pdfRounds; round++) {
    const cpu = process.cpuUsage()
    const t0 = performance.now()
    const file = await read(pdf)
    const t1 = performance.now()
    const {output} = parseSync(file)
    const t2 = performance.now()
    const used = process.cpuUsage(cpu)
    const pages = file.data.source?.pages ?? 0
    pdfRows.push({
      round,
      pages,
      tables: file.data.layout?.tables?.length ?? 0,
      tasks: output.plan?.tasks.length ?? 0,
      'read s': ((t1 - t0) / 1000).toFixed(2),
      'pipeline s': ((t2 - t1) / 1000).toFixed(2),
      'total s': ((t2 - t0) / 1000).toFixed(2),
      'CPU s': ((used.user + used.system) / 1e6).toFixed(2),
      'ms/page': ((t2 - t0) / pages).toFixed(0)
    })
  }
  process.stdout.write(`\nBorn-digital PDF plan (fixtures/bench/long-plan, target ≤ 3 s on one core):\n\n`)
  process.stdout.write(table(pdfRows))
  process.stdout.write(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; node ${process.version}\n`)
}
