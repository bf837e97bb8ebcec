/**
 * Born-digital PDF task tables made by LibreOffice (`fixtures/pdf-tables/`,
 * `scripts/make-pdf-tables.ts`): each PDF's tables as cells, its tasks and
 * its scores against `expected.json` (task checks and source grid, taken from
 * the source cells; scored as `test/support/table-score.ts` does) are
 * recorded in `output.json` (`UPDATE=1` rewrites it; review the diff), and
 * every task check must pass.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/parse.js'
import {scoreCells, scoreChecks, type TableFixture} from '../support/table-score.js'
import {root} from './helpers.js'

const dir = path.join(root, 'fixtures/pdf-tables')
const update = Boolean(process.env.UPDATE)
const cases = readdirSync(dir).filter((name) => existsSync(path.join(dir, name, 'input.pdf')))

describe('born-digital PDF tables', () => {
  it('should have a fixture per layout', () => {
    expect(cases.sort()).toEqual(['four', 'rotated', 'seven', 'stream', 'two-tables'])
  })

  for (const name of cases) {
    it(`should read ${name} as recorded, passing every task check`, async () => {
      const {output, file} = await parse(readFileSync(path.join(dir, name, 'input.pdf')), {path: `fixtures/pdf-tables/${name}/input.pdf`})
      const fixture = JSON.parse(readFileSync(path.join(dir, name, 'expected.json'), 'utf8')) as TableFixture
      const found = file.data.layout?.tables ?? []
      const checks = scoreChecks(output, fixture.checks)
      const tables = found.map((t) => ({
        page: t.page,
        method: t.method,
        size: `${t.rows}x${t.columns}`,
        cells: t.cells.map((c) => [c.row, c.column, c.rowSpan, c.colSpan, c.text])
      }))
      const json = JSON.stringify({scores: {checks: checks.ratio, cells: scoreCells(fixture.tables, found)}, tables, tasks: output.plan?.tasks ?? []}, null, 1) + '\n'
      const recorded = path.join(dir, name, 'output.json')
      if (update || !existsSync(recorded)) writeFileSync(recorded, json)
      expect(json).toBe(readFileSync(recorded, 'utf8'))
      expect(checks.failed).toEqual([])
    })
  }
})
