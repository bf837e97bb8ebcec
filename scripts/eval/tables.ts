/**
 * Task tables end to end, per form of the same plan: cell-level precision
 * and recall of the tables the pipeline builds (the tree's table cells
 * against the source cells in `truth.json`), and the task checks of
 * `expectations.json` (taken from the source cells), by kind of check.
 *
 * A fixture folder holds `truth.json`, `expectations.json` and one input per
 * form: `input.txt` (text), `input.pdf` (born-digital PDF), `scan.pdf` or
 * `scan.png` (a scan of it). Folders: `fixtures/pdf-tables/*` and any
 * `--dir <folder>` of such folders.
 *
 *   npm run eval -- tables [--dir <folder>] [--forms text,pdf,scan]
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse} from '../../src/parse.js'
import {createOcrPool, type OcrPool} from '../../src/read/index.js'
import type {Root, Table} from '../../src/tree/types.js'
import {normalise, runChecks, type Check} from '../../test/support/expectations.js'
import {table} from '../table.js'

/** One-line title of this evaluation. */
export const title = 'Tables: cell precision/recall and task checks per form (text, pdf, scan)'

/** The source tables of a fixture: header rows and body rows of cells. */
interface Truth {
  tables: Array<{header: string[][]; rows: Array<Array<{text: string}>>}>
}

type Form = 'text' | 'pdf' | 'scan'

/** What kind of task check a path is. */
function kindOf(check: Check): string {
  if (check.path === 'plan.tasks.length') return 'count'
  const m = /^plan\.tasks\[[^\]]+\]\.(\w+)/u.exec(check.path)
  return m ? m[1] : 'other'
}

/** Cell text as compared: tone placement, case, punctuation and spacing folded. */
const key = (text: string) => normalise(text, true, true)

/** The non-empty cells of the tree's tables, a header row repeated on later pages counted once. */
function treeCells(tree: Root, headers: Set<string>): string[] {
  const tables: Table[] = []
  const walk = (node: {type: string; children?: unknown[]}) => {
    if (node.type === 'table') tables.push(node as Table)
    else for (const child of (node.children ?? []) as Array<{type: string}>) walk(child)
  }
  walk(tree)
  const seen = new Set<string>()
  const out: string[] = []
  for (const t of tables) {
    for (const row of t.children) {
      const texts = row.children.map((c) => key(c.value)).filter((v) => v !== '')
      const rowKey = texts.join('|')
      if (headers.has(rowKey)) {
        if (seen.has(rowKey)) continue
        seen.add(rowKey)
      }
      out.push(...texts)
    }
  }
  return out
}

/** Precision and recall of `found` against `wanted` (multisets). */
function match(found: string[], wanted: string[]): {precision: number; recall: number; hits: number} {
  const pool = new Map<string, number>()
  for (const w of wanted) pool.set(w, (pool.get(w) ?? 0) + 1)
  let hits = 0
  for (const f of found) {
    const n = pool.get(f) ?? 0
    if (n > 0) {
      hits++
      pool.set(f, n - 1)
    }
  }
  return {hits, precision: found.length ? hits / found.length : 0, recall: wanted.length ? hits / wanted.length : 0}
}

function inputs(dir: string): Array<{form: Form; file: string}> {
  const out: Array<{form: Form; file: string}> = []
  if (existsSync(path.join(dir, 'input.txt'))) out.push({form: 'text', file: path.join(dir, 'input.txt')})
  if (existsSync(path.join(dir, 'input.pdf'))) out.push({form: 'pdf', file: path.join(dir, 'input.pdf')})
  for (const name of ['scan.pdf', 'scan.png']) if (existsSync(path.join(dir, name))) out.push({form: 'scan', file: path.join(dir, name)})
  return out
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`

/** Run the evaluation and print its tables. */
export async function run(args: string[]): Promise<void> {
  const roots = [fileURLToPath(new URL('../../fixtures/pdf-tables/', import.meta.url))]
  const extra = option(args, '--dir')
  if (extra) roots.push(path.resolve(extra))
  const forms = new Set((option(args, '--forms') ?? 'text,pdf,scan').split(','))
  const cases = roots.flatMap((r) =>
    existsSync(r)
      ? readdirSync(r, {withFileTypes: true})
          .filter((d) => d.isDirectory() && existsSync(path.join(r, d.name, 'expectations.json')))
          .map((d) => path.join(r, d.name))
      : []
  )
  let pool: OcrPool | undefined
  const rows: Array<Record<string, string | number | null>> = []
  const totals = new Map<Form, {checks: number; passed: number; hits: number; found: number; wanted: number; kinds: Map<string, [number, number]>}>()
  try {
    for (const dir of cases.sort()) {
      const {checks} = JSON.parse(readFileSync(path.join(dir, 'expectations.json'), 'utf8')) as {checks: Check[]}
      const truth = existsSync(path.join(dir, 'truth.json')) ? (JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth) : null
      const headers = new Set((truth?.tables ?? []).flatMap((t) => t.header.map((row) => row.map(key).filter((v) => v !== '').join('|'))))
      const wanted = (truth?.tables ?? []).flatMap((t) => [...t.header.flat(), ...t.rows.flat().map((c) => c.text)]).map(key).filter((v) => v !== '')
      for (const {form, file} of inputs(dir)) {
        if (!forms.has(form)) continue
        if (form === 'scan') pool ??= createOcrPool({workers: 1})
        const started = performance.now()
        const result = await parse(readFileSync(file), {read: {ocr: pool}, path: file})
        const seconds = (performance.now() - started) / 1000
        const results = runChecks(result.output, checks)
        const passed = results.filter((r) => r.ok).length
        const cells = truth ? match(treeCells(result.tree, headers), wanted) : null
        const total = totals.get(form) ?? {checks: 0, passed: 0, hits: 0, found: 0, wanted: 0, kinds: new Map()}
        total.checks += results.length
        total.passed += passed
        if (cells) {
          total.hits += cells.hits
          total.found += cells.hits / (cells.precision || 1)
          total.wanted += wanted.length
        }
        for (const r of results) {
          const k = kindOf(r.check)
          const [p, n] = total.kinds.get(k) ?? [0, 0]
          total.kinds.set(k, [p + (r.ok ? 1 : 0), n + 1])
        }
        totals.set(form, total)
        rows.push({
          case: path.basename(dir),
          form,
          tasks: result.output.plan?.tasks.length ?? 0,
          'cell precision': cells ? pct(cells.precision) : null,
          'cell recall': cells ? pct(cells.recall) : null,
          'task checks': `${passed}/${results.length}`,
          'checks %': pct(passed / Math.max(1, results.length)),
          seconds: seconds.toFixed(2)
        })
      }
    }
  } finally {
    if (pool) await pool.terminate()
  }
  process.stdout.write(table(rows))
  const kinds = ['count', 'id', 'content', 'lead', 'cooperating', 'timeframe', 'outputs', 'monitoring']
  const summary = [...totals.entries()].map(([form, t]) => {
    const row: Record<string, string | number | null> = {
      form,
      'cell precision': t.found ? pct(t.hits / t.found) : null,
      'cell recall': t.wanted ? pct(t.hits / t.wanted) : null,
      'task checks': pct(t.passed / Math.max(1, t.checks))
    }
    for (const k of kinds) {
      const [p, n] = t.kinds.get(k) ?? [0, 0]
      row[k] = n ? pct(p / n) : null
    }
    return row
  })
  process.stdout.write('\nPer form, all cases:\n\n' + table(summary))
}
