/**
 * Tables of real layouts: every plan of `fixtures/tables-real/` (or `--dir`,
 * folders of the same shape) parsed as text, as its LibreOffice PDF and as
 * its 200-dpi scan; per form, the share of task checks passed and the
 * cell-level precision and recall of the reader's tables against the source
 * grid (`test/support/table-score.ts`), with the seconds each took.
 *
 *   npm run eval -- tables [--dir DIR] [--forms text,pdf,scan] [--layouts assignment,…] [--dpi 300]
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse, parseSync} from '../../src/parse.js'
import {createOcrPool} from '../../src/read/index.js'
import {scoreCells, scoreChecks, type TableFixture} from '../../test/support/table-score.js'
import {table} from '../table.js'

/** One-line title of this evaluation. */
export const title = 'Tables of real layouts: task checks and cell precision/recall per form'

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/** Run the evaluation and print its table. */
export async function run(args: string[]): Promise<void> {
  const dir = option(args, '--dir') ?? fileURLToPath(new URL('../../fixtures/tables-real/', import.meta.url))
  const forms = (option(args, '--forms') ?? 'text,pdf,scan').split(',')
  const only = option(args, '--layouts')?.split(',')
  const dpi = option(args, '--dpi')
  const layouts = readdirSync(dir, {withFileTypes: true})
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'expected.json')))
    .map((d) => d.name)
    .filter((name) => !only || only.includes(name))
    .sort()
  const pool = createOcrPool({workers: 1})
  const rows: Array<Record<string, string | number | null>> = []
  const totals = new Map<string, {passed: number; total: number}>()
  try {
    for (const layout of layouts) {
      const base = path.join(dir, layout)
      const fixture = JSON.parse(readFileSync(path.join(base, 'expected.json'), 'utf8')) as TableFixture
      for (const form of forms) {
        const file = {text: 'input.txt', pdf: 'plan.pdf', scan: 'scan.pdf'}[form]
        if (!file || !existsSync(path.join(base, file))) continue
        const start = performance.now()
        const bytes = readFileSync(path.join(base, file))
        const parsed = form === 'text' ? parseSync(bytes) : await parse(bytes, {read: {ocr: pool, dpi: dpi ? Number(dpi) : undefined}})
        const seconds = (performance.now() - start) / 1000
        const checks = scoreChecks(parsed.output, fixture.checks)
        const cells = form === 'text' ? null : scoreCells(fixture.tables, parsed.file.data.layout?.tables ?? [])
        const total = totals.get(form) ?? {passed: 0, total: 0}
        total.passed += checks.passed
        total.total += checks.total
        totals.set(form, total)
        rows.push({
          layout,
          form,
          tasks: parsed.output.plan?.tasks.length ?? 0,
          'checks passed': `${checks.passed}/${checks.total}`,
          share: `${(100 * checks.ratio).toFixed(1)}%`,
          'cell precision': cells ? cells.precision.toFixed(3) : null,
          'cell recall': cells ? cells.recall.toFixed(3) : null,
          seconds: seconds.toFixed(1)
        })
      }
    }
  } finally {
    await pool.terminate()
  }
  for (const [form, total] of totals) {
    rows.push({layout: 'all', form, tasks: null, 'checks passed': `${total.passed}/${total.total}`, share: `${((100 * total.passed) / Math.max(1, total.total)).toFixed(1)}%`, 'cell precision': null, 'cell recall': null, seconds: null})
  }
  process.stdout.write(table(rows))
  process.stdout.write('\nTimes on a shared machine are indicative.\n')
}
