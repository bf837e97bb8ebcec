/**
 * Task tables end to end, per form of the same plan: the task checks of
 * each fixture's `expected.json` (taken from the source cells), by kind of
 * check, and the cell-level precision and recall of the tables the reader
 * saw against the source grid — both scored as the tests score them
 * (`test/support/table-score.ts`).
 *
 * A fixture folder holds `expected.json` and one input per form: `input.txt`
 * (text), `input.pdf` or `plan.pdf` (the born-digital PDF), `scan.pdf` or
 * `scan.png` (a scan of it). Folders: `fixtures/pdf-tables/*`,
 * `fixtures/tables-real/*`, and those of any `--dir <folder>`.
 *
 * `--cases a,b` keeps those cases only; `--dpi` renders PDF pages to OCR at
 * that resolution (default 300).
 *
 *   npm run eval -- tables [--dir <folder>] [--forms text,pdf,scan] [--cases a,b] [--dpi 300]
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse} from '../../src/parse.js'
import {createOcrPool, type OcrPool} from '../../src/read/index.js'
import {scoreCells, scoreChecks, type TableFixture} from '../../test/support/table-score.js'
import {table} from '../table.js'

/** One-line title of this evaluation. */
export const title = 'Tables: task checks by kind and cell precision/recall, per form (text, pdf, scan)'

type Form = 'text' | 'pdf' | 'scan'

/** The kinds of task checks, as the issue names them. */
const kinds = ['count', 'id', 'group', 'content', 'lead', 'cooperating', 'timeframe', 'outputs', 'monitoring']

/** What kind of task check a path is. */
function kindOf(checkPath: string): string {
  if (checkPath === 'plan.tasks.length') return 'count'
  const m = /^plan\.tasks\[[^\]]+\]\.(\w+)/u.exec(checkPath)
  return m ? m[1] : 'other'
}

/** The inputs of a fixture folder, by form. */
function inputs(dir: string): Array<{form: Form; file: string}> {
  const first = (names: string[]) => names.map((n) => path.join(dir, n)).find((f) => existsSync(f))
  const out: Array<{form: Form; file: string | undefined}> = [
    {form: 'text', file: first(['input.txt'])},
    {form: 'pdf', file: first(['input.pdf', 'plan.pdf'])},
    {form: 'scan', file: first(['scan.pdf', 'scan.png'])}
  ]
  return out.filter((i): i is {form: Form; file: string} => i.file !== undefined)
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`

interface Total {
  passed: number
  checks: number
  matched: number
  found: number
  truth: number
  /** Source cells found (a repeated header cell counted once). */
  recalled: number
  kinds: Map<string, [number, number]>
}

/** Run the evaluation and print its tables. */
export async function run(args: string[]): Promise<void> {
  const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url))
  const roots = [path.join(fixtures, 'pdf-tables'), path.join(fixtures, 'tables-real')]
  const extra = option(args, '--dir')
  if (extra) roots.push(path.resolve(extra))
  const forms = new Set((option(args, '--forms') ?? 'text,pdf,scan').split(','))
  const only = option(args, '--cases')?.split(',')
  const dpi = option(args, '--dpi')
  const cases = roots.flatMap((r) =>
    existsSync(r)
      ? readdirSync(r, {withFileTypes: true})
          .filter((d) => d.isDirectory() && existsSync(path.join(r, d.name, 'expected.json')) && (!only || only.includes(d.name)))
          .map((d) => path.join(r, d.name))
      : []
  )
  let pool: OcrPool | undefined
  const rows: Array<Record<string, string | number | null>> = []
  const totals = new Map<Form, Total>()
  try {
    for (const dir of cases.sort()) {
      const fixture = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as TableFixture
      for (const {form, file} of inputs(dir)) {
        if (!forms.has(form)) continue
        if (form === 'scan') pool ??= createOcrPool({workers: 1})
        const started = performance.now()
        const result = await parse(readFileSync(file), {read: {ocr: pool, dpi: dpi ? Number(dpi) : undefined}, path: file})
        const seconds = (performance.now() - started) / 1000
        const checks = scoreChecks(result.output, fixture.checks)
        const laidOut = result.file.data.layout !== undefined
        const cells = laidOut && fixture.tables ? scoreCells(fixture.tables, result.file.data.layout?.tables ?? []) : null
        const total = totals.get(form) ?? {passed: 0, checks: 0, matched: 0, found: 0, truth: 0, recalled: 0, kinds: new Map()}
        total.passed += checks.passed
        total.checks += checks.total
        if (cells) {
          total.matched += cells.matched
          total.found += cells.found
          total.truth += cells.truth
          total.recalled += cells.recall * cells.truth
        }
        const failed = new Set(checks.failed)
        for (const check of fixture.checks) {
          const kind = kindOf(check.path)
          const [p, n] = total.kinds.get(kind) ?? [0, 0]
          total.kinds.set(kind, [p + (failed.has(check.path) ? 0 : 1), n + 1])
        }
        totals.set(form, total)
        rows.push({
          case: `${path.basename(path.dirname(dir))}/${path.basename(dir)}`,
          form,
          tasks: result.output.plan?.tasks.length ?? 0,
          'task checks': `${checks.passed}/${checks.total}`,
          'checks %': pct(checks.ratio),
          'cell precision': cells ? pct(cells.precision) : null,
          'cell recall': cells ? pct(cells.recall) : null,
          seconds: seconds.toFixed(2)
        })
      }
    }
  } finally {
    if (pool) await pool.terminate()
  }
  process.stdout.write(table(rows))
  const summary = [...totals.entries()].map(([form, t]) => {
    const row: Record<string, string | number | null> = {
      form,
      'task checks': pct(t.passed / Math.max(1, t.checks)),
      'cell precision': t.found ? pct(t.matched / t.found) : null,
      'cell recall': t.truth ? pct(t.recalled / t.truth) : null
    }
    for (const k of kinds) {
      const [p, n] = t.kinds.get(k) ?? [0, 0]
      row[k] = n ? pct(p / n) : null
    }
    return row
  })
  process.stdout.write('\nPer form, all cases (cell recall counts each source cell once, repeated headers aside):\n\n' + table(summary))
}
