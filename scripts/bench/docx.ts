/**
 * Word throughput: every `fixtures/word/*\/input.docx` (and `.doc`), and the
 * bench plan `fixtures/bench/long-plan/input.docx` (LibreOffice's DOCX of a
 * 172-task plan), read N times (`read`: unzip, XML, numbering, tables,
 * text) and, separately, read and parsed (`parse`: the whole pipeline), on
 * one core, by the built code (`dist/`, what the CLI runs): CPU time per
 * document (user + system, which a shared machine's load does not inflate
 * as it does wall time), documents per CPU-second (per core), wall time,
 * peak RSS, and the parse rate scaled to a 60 KB file of the same make
 * (issue 12's target: ≥ 20 plans of ~60 KB per second per core). Look-ups
 * memoized across documents (column headers, agencies, time frames, place
 * names) are warm after the first round, as in a bulk worker that has seen
 * the same file before; the `cold` column empties them before every parse
 * (`forgetAll`), as for a document unlike any before it. A bulk worker on
 * plans of one kind lies between the two.
 *
 *   npm run bench -- docx [--rounds 60]
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {availableParallelism, loadavg} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {table} from '../table.js'
import {buildDist, root} from './cli.js'
import {v8Flags} from '../../src/cli/v8-flags.js'

/** One-line title of this benchmark. */
export const title = 'Word files: read, and read + parse, per document (one core)'

/** Run the benchmark and print its table. */
export async function run(args: string[]): Promise<void> {
  const roundsArg = args.indexOf('--rounds')
  const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 60
  buildDist()
  const {parse} = (await import(pathToFileURL(path.join(root, 'dist/parse.js')).href)) as typeof import('../../src/parse.js')
  const {read} = (await import(pathToFileURL(path.join(root, 'dist/read/index.js')).href)) as typeof import('../../src/read/index.js')
  const {forgetAll} = (await import(pathToFileURL(path.join(root, 'dist/util/memoize.js')).href)) as typeof import('../../src/util/memoize.js')
  const folder = path.join(root, 'fixtures/word')
  const inputs = [
    ...readdirSync(folder)
      .sort()
      .flatMap((name) => ['input.docx', 'input.doc'].map((f) => path.join(folder, name, f)).filter((f) => existsSync(f))),
    path.join(root, 'fixtures/bench/long-plan/input.docx')
  ].map((file) => ({name: path.relative(path.join(root, 'fixtures'), file), bytes: new Uint8Array(readFileSync(file))}))
  for (const input of inputs) await parse(input.bytes) // warm up (grammars, models, JIT)
  const rows = []
  const cpu = () => {
    const u = process.cpuUsage()
    return (u.user + u.system) / 1e6
  }
  const measure = async (f: () => Promise<unknown>) => {
    const wall = performance.now()
    const start = cpu()
    for (let i = 0; i < rounds; i++) await f()
    return {cpu: cpu() - start, wall: (performance.now() - wall) / 1000}
  }
  const totals = {read: {cpu: 0, wall: 0}, parse: {cpu: 0, wall: 0}, cold: {cpu: 0, wall: 0}, docs: 0}
  const row = (name: string, kb: number, docs: number, r: {cpu: number; wall: number}, p: {cpu: number; wall: number}, c: {cpu: number; wall: number}) => ({
    input: name,
    KB: kb.toFixed(1),
    'read CPU ms': ((r.cpu / docs) * 1000).toFixed(1),
    'read docs/CPU-s': (docs / r.cpu).toFixed(1),
    'read wall ms': ((r.wall / docs) * 1000).toFixed(1),
    'parse CPU ms': ((p.cpu / docs) * 1000).toFixed(1),
    'parse docs/CPU-s': (docs / p.cpu).toFixed(1),
    // A DOC is a binary OLE file: its size says little of its text.
    'parse docs/CPU-s at 60 KB': name.endsWith('.doc') ? '' : ((docs / p.cpu) * (kb / 60)).toFixed(1),
    'cold parse CPU ms': ((c.cpu / docs) * 1000).toFixed(1),
    'cold docs/CPU-s at 60 KB': name.endsWith('.doc') ? '' : ((docs / c.cpu) * (kb / 60)).toFixed(1)
  })
  for (const input of inputs) {
    const r = await measure(() => read(input.bytes))
    const p = await measure(() => parse(input.bytes))
    const c = await measure(() => {
      forgetAll()
      return parse(input.bytes)
    })
    for (const [key, value] of [['read', r], ['parse', p], ['cold', c]] as const) {
      totals[key].cpu += value.cpu
      totals[key].wall += value.wall
    }
    totals.docs += rounds
    rows.push(row(input.name, input.bytes.length / 1024, rounds, r, p, c))
  }
  rows.push(row('all', inputs.reduce((n, i) => n + i.bytes.length, 0) / inputs.length / 1024, totals.docs, totals.read, totals.parse, totals.cold))
  process.stdout.write(table(rows))
  process.stdout.write('\nThe `at 60 KB` columns scale the parse rate by file size to a 60 KB file of the same make (target ≥ 20); `cold`: every memoized look-up emptied before each parse.\n')
  process.stdout.write(`\n${rounds} rounds; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; node ${process.version}; V8 flags of the sohoa command: ${v8Flags.join(' ')}\n`)
}
