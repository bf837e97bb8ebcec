/**
 * Table detection and the tasks stage: time per document and lines/s of
 * `detectTables` over text files, and of parser + tasks on the seeds and
 * table fixtures.
 *
 *   npm run bench -- tables [--rounds 50] [--dir <folder of .txt>]
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {detectTables} from '../../src/parser/tables/index.js'
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
  process.stdout.write(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; node ${process.version}\n`)
}
