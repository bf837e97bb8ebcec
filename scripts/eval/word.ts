/**
 * `npm run eval -- word`: every Word fixture (`fixtures/word/<name>/input.docx`
 * or `input.doc`, made from `plan.json` beside it) through `parse`, scored
 * against the plan's checks (`test/support/plan-checks.ts`): header,
 * sections, every task field; the failing checks are listed with `--verbose`.
 * Then the Word files of the real-layout table fixtures (`fixtures/tables-real/
 * <layout>/plan.docx`), scored as `test/tables-real.test.ts` scores their
 * other forms, beside the text form's recorded score.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {readPlan} from '../../src/fixture/expected.js'
import {parse} from '../../src/parse.js'
import {runChecks, type CheckResult} from '../../test/support/expectations.js'
import {checksFromPlan} from '../../test/support/plan-checks.js'
import {scoreCells, scoreChecks, type TableFixture} from '../../test/support/table-score.js'
import {table} from '../table.js'

/** One-line title of this evaluation. */
export const title = 'Word documents: parse of each DOCX/DOC fixture against the plan it was made from'

/** Run the evaluation and print its table. */
export async function run(args: string[]): Promise<void> {
  const verbose = args.includes('--verbose')
  const folder = fileURLToPath(new URL('../../fixtures/word/', import.meta.url))
  const rows = []
  const totals = {header: [0, 0], sections: [0, 0], tasks: [0, 0]}
  const failures: string[] = []
  for (const name of readdirSync(folder).sort()) {
    const input = ['input.docx', 'input.doc'].map((f) => path.join(folder, name, f)).find((f) => existsSync(f))
    const planFile = path.join(folder, name, 'plan.json')
    if (!input || !existsSync(planFile)) continue
    const plan = readPlan(JSON.parse(readFileSync(planFile, 'utf8')), planFile)
    const {output} = await parse(new Uint8Array(readFileSync(input)))
    const checks = checksFromPlan(plan)
    const row: Record<string, string> = {fixture: `${name}/${path.basename(input)}`}
    for (const area of ['header', 'sections', 'tasks'] as const) {
      const results: CheckResult[] = runChecks(output, checks[area])
      const ok = results.filter((r) => r.ok).length
      totals[area][0] += ok
      totals[area][1] += results.length
      row[area] = `${ok}/${results.length}`
      for (const r of results) if (!r.ok) failures.push(`${name} ${r.check.path}: expected ${JSON.stringify(r.check.equals)}, got ${JSON.stringify(r.actual)}`)
    }
    rows.push(row)
  }
  const pct = ([ok, n]: number[]) => (n === 0 ? '—' : `${((100 * ok) / n).toFixed(1)}%`)
  rows.push({fixture: 'all', header: pct(totals.header), sections: pct(totals.sections), tasks: pct(totals.tasks)})
  const all = [0, 1].map((k) => totals.header[k] + totals.sections[k] + totals.tasks[k])
  process.stdout.write(table(rows))
  process.stdout.write(`\nall checks: ${all[0]}/${all[1]} = ${pct(all)}\n`)
  if (verbose) process.stdout.write(failures.map((f) => `- ${f}\n`).join(''))

  // The real-layout table fixtures' Word files, scored as their text, PDF and scan forms are (tests/tables-real).
  const real = fileURLToPath(new URL('../../fixtures/tables-real/', import.meta.url))
  const realRows = []
  for (const layout of readdirSync(real).sort()) {
    const docx = path.join(real, layout, 'plan.docx')
    if (!existsSync(docx)) continue
    const fixture = JSON.parse(readFileSync(path.join(real, layout, 'expected.json'), 'utf8')) as TableFixture
    const recorded = JSON.parse(readFileSync(path.join(real, layout, 'scores.json'), 'utf8')) as Record<string, {checks: {passed: number; total: number}}>
    const parsed = await parse(new Uint8Array(readFileSync(docx)))
    const checks = scoreChecks(parsed.output, fixture.checks)
    const cells = scoreCells(fixture.tables, parsed.file.data.layout?.tables ?? [])
    realRows.push({
      layout,
      'docx checks': `${checks.passed}/${checks.total}`,
      'docx cells P/R': `${cells.precision}/${cells.recall}`,
      'text checks (recorded)': recorded.text ? `${recorded.text.checks.passed}/${recorded.text.checks.total}` : '—'
    })
  }
  if (realRows.length > 0) process.stdout.write(`\nfixtures/tables-real Word files:\n\n${table(realRows)}`)
}
