/**
 * Born-digital PDF task tables made by LibreOffice (`fixtures/pdf-tables/`,
 * `scripts/make-pdf-tables.ts`): each PDF's tables as cells and its tasks
 * against `expected.json` (`UPDATE=1` rewrites it; review the diff), and the
 * task checks taken from the source cells (`expectations.json`).
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/parse.js'
import {runChecks, type Check} from '../support/expectations.js'
import {root} from './helpers.js'

const dir = path.join(root, 'fixtures/pdf-tables')
const update = Boolean(process.env.UPDATE)
const cases = readdirSync(dir).filter((name) => existsSync(path.join(dir, name, 'input.pdf')))

/** Share of the source-cell checks each layout must pass. */
const required: Record<string, number> = {seven: 1, four: 1, rotated: 1, 'two-tables': 1, stream: 1}

describe('born-digital PDF tables', () => {
  it('should have a fixture per layout', () => {
    expect(cases.sort()).toEqual(Object.keys(required).sort())
  })

  for (const name of cases) {
    it(`should read ${name} as expected`, async () => {
      const {output, file} = await parse(readFileSync(path.join(dir, name, 'input.pdf')), {path: `fixtures/pdf-tables/${name}/input.pdf`})
      const tables = (file.data.layout?.tables ?? []).map((t) => ({
        page: t.page,
        method: t.method,
        size: `${t.rows}x${t.columns}`,
        cells: t.cells.map((c) => [c.row, c.column, c.rowSpan, c.colSpan, c.text])
      }))
      const json = JSON.stringify({tables, tasks: output.plan?.tasks ?? []}, null, 1) + '\n'
      const expectedUrl = path.join(dir, name, 'expected.json')
      if (update || !existsSync(expectedUrl)) writeFileSync(expectedUrl, json)
      expect(json).toBe(readFileSync(expectedUrl, 'utf8'))
      const {checks} = JSON.parse(readFileSync(path.join(dir, name, 'expectations.json'), 'utf8')) as {checks: Check[]}
      const results = runChecks(output, checks)
      const failed = results.filter((r) => !r.ok).map((r) => `${r.check.path}: got ${JSON.stringify(r.actual)}`)
      expect(1 - failed.length / results.length, failed.slice(0, 10).join('\n')).toBeGreaterThanOrEqual(required[name])
    })
  }
})
