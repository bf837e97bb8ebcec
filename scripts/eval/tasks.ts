/**
 * Task extraction against an independent count: for every fixture input
 * (seeds, table fixtures, and `--dir` texts), the tasks `parse` returns
 * versus the numbered rows/items counted from the raw text by simple
 * line patterns; plus unknown agencies, unparsed time frames and the mean
 * confidence. For `--dir` (e.g. a legal corpus with no task tables) it
 * reports the tables found per layout, the false-positive check.
 *
 *   npm run eval -- tasks [--dir <folder of .txt>]
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {parseSync} from '../../src/parse.js'
import parser from '../../src/parser/index.js'
import tasks from '../../src/tasks/index.js'
import {detectTables} from '../../src/parser/tables/index.js'
import type {Task} from '../../src/output/schema.js'
import {table} from '../table.js'

/** One-line title of this evaluation. */
export const title = 'Tasks: extracted vs numbered rows counted in the text'

/** Numbered rows/items a reader would count: table rows starting with a number, list items followed by a "chủ trì" label. */
function countNumbered(text: string): number {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\f/g, ''))
  let count = 0
  lines.forEach((line, i) => {
    if (/^\d{1,3}(?:\.\d{1,3})*\.?\t/u.test(line)) count++
    else if (/^\|\s*\d{1,3}(?:\.\d{1,3})*\.?\s*\|/u.test(line)) count++
    else if (/^\s{0,2}\d{1,3}(?:\.\d{1,3})*\.?\s{2,}\S.*\s{2,}\S/u.test(line)) count++
    else if (/^\d{1,2}\.\d{1,2}\.?\s+\S/u.test(line)) {
      const next = lines.slice(i + 1, i + 12).join('\n')
      if (/^-\s*(?:Cơ quan|Đơn vị)[^:\n]*chủ trì/imu.test(next)) count++
    }
  })
  return count
}

function texts(folder: string): Array<{name: string; text: string}> {
  return readdirSync(folder)
    .sort()
    .map((name) => path.join(folder, name))
    .flatMap((file) => {
      if (statSync(file).isDirectory()) return texts(file)
      return file.endsWith('.txt') ? [{name: file, text: readFileSync(file, 'utf8')}] : []
    })
}

function summary(found: Task[]) {
  const unparsed = found.filter((t) => t.timeframe && t.timeframe.kind === null).length
  const confidence = found.length ? found.reduce((n, t) => n + t.confidence, 0) / found.length : null
  return {unparsed, confidence}
}

/** Run the evaluation and print its tables. */
export async function run(args: string[]): Promise<void> {
  const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url))
  const docs = texts(fixtures).filter((d) => /(?:seed-\d+|[/\\]tables[/\\][^/\\]+)[/\\]input\.txt$/u.test(d.name))
  const rows = docs.map((doc) => {
    const seed = /seed-\d+/u.test(doc.name)
    let found: Task[]
    let messages: Array<{ruleId?: string | null; source?: string | null}>
    if (seed) {
      const result = parseSync(doc.text)
      found = result.output.plan?.tasks ?? []
      messages = result.messages
    } else {
      // Table fragments have no plan part: parser + tasks, the year from the first line.
      const file = new VFile({value: doc.text})
      file.data.plan = {title: doc.text.split('\n')[0]}
      const processor = unified().use(parser).use(tasks)
      processor.runSync(processor.parse(file), file)
      found = file.data.tasks ?? []
      messages = file.messages
    }
    const expected = countNumbered(doc.text)
    const ids = found.map((t) => t.id)
    const stats = summary(found)
    return {
      input: path.relative(fixtures, doc.name),
      numbered: expected,
      tasks: found.length,
      'distinct ids': new Set(ids).size,
      'unknown agency msgs': messages.filter((m) => m.ruleId === 'unknown-agency').length,
      'unparsed time frames': stats.unparsed,
      'mean confidence': stats.confidence === null ? null : stats.confidence.toFixed(2)
    }
  })
  process.stdout.write(table(rows))

  const dirIndex = args.indexOf('--dir')
  if (dirIndex >= 0) {
    const corpus = texts(args[dirIndex + 1])
    const counts: Record<string, number> = {tabs: 0, pipes: 0, aligned: 0}
    let tableLines = 0
    let taskCount = 0
    let lines = 0
    for (const doc of corpus) {
      const split = doc.text.split(/\r?\n/)
      lines += split.length
      for (const block of detectTables(split)) {
        counts[block.layout]++
        tableLines += block.end - block.start
      }
      const file = new VFile({value: doc.text})
      const processor = unified().use(parser).use(tasks)
      processor.runSync(processor.parse(file), file)
      taskCount += file.data.tasks?.length ?? 0
    }
    process.stdout.write('\n')
    process.stdout.write(
      table([
        {
          folder: path.basename(args[dirIndex + 1]),
          files: corpus.length,
          lines,
          'tab tables': counts.tabs,
          'piped tables': counts.pipes,
          'aligned tables': counts.aligned,
          'lines in tables': tableLines,
          'tasks found': taskCount
        }
      ])
    )
  }
}
