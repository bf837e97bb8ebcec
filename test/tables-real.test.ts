/**
 * Real-layout table fixtures (`fixtures/tables-real/<layout>/`, made by
 * `npm run fixtures:tables`): each plan parsed in each form — its text
 * (`input.txt`), the PDF LibreOffice made of its Word file (`plan.pdf`), and a
 * 200-dpi scan of that PDF (`scan.pdf`, OCR'd) — and scored against the task
 * checks and cell grid of `expected.json`, taken from the source cells.
 *
 * The scores are recorded in `scores.json` (rewritten with `UPDATE=1`, `npm
 * run test:update`): a change in any form shows as a diff. The floor each
 * form must reach is data, `thresholds.json`, to be raised as the readers
 * improve.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse, parseSync} from '../src/parse.js'
import {createOcrPool, type OcrPool} from '../src/read/index.js'
import {scoreCells, scoreChecks, type CellScore, type CheckScore, type TableFixture} from './support/table-score.js'

const folder = new URL('../fixtures/tables-real/', import.meta.url)
const update = Boolean(process.env.UPDATE)
const layouts = readdirSync(folder, {withFileTypes: true})
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
const forms = ['text', 'pdf', 'scan'] as const
type Form = (typeof forms)[number]

/** The floor of each score, per layout and form. */
type Floor = {checks: number; cellPrecision?: number; cellRecall?: number}
const thresholds = JSON.parse(readFileSync(new URL('thresholds.json', folder), 'utf8')) as {layouts: Record<string, Record<Form, Floor>>}

type Scores = Partial<Record<Form, {checks: CheckScore; cells?: CellScore}>>
const scores = new Map<string, Scores>()

let pool: OcrPool
beforeAll(async () => {
  pool = createOcrPool({workers: 2})
  // Every layout in every form, the scans two at a time (one OCR worker each).
  await Promise.all(
    layouts.map(async (layout) => {
      const base = new URL(`${layout}/`, folder)
      const fixture = JSON.parse(readFileSync(new URL('expected.json', base), 'utf8')) as TableFixture
      const result: Scores = {}
      const text = parseSync(readFileSync(new URL('input.txt', base)), {path: `fixtures/tables-real/${layout}/input.txt`})
      result.text = {checks: scoreChecks(text.output, fixture.checks)}
      for (const form of ['pdf', 'scan'] as const) {
        const file = form === 'pdf' ? 'plan.pdf' : 'scan.pdf'
        const parsed = await parse(readFileSync(new URL(file, base)), {path: `fixtures/tables-real/${layout}/${file}`, read: {ocr: pool}})
        result[form] = {checks: scoreChecks(parsed.output, fixture.checks), cells: scoreCells(fixture.tables, parsed.file.data.layout?.tables ?? [])}
      }
      scores.set(layout, result)
    })
  )
}, 900_000)

afterAll(async () => {
  await pool?.terminate()
})

describe('real-layout table fixtures', () => {
  it('should have the layouts of issue 11, each with its thresholds', () => {
    expect(layouts).toEqual(expect.arrayContaining(['assignment', 'responsibility', 'horizontal-rules', 'outer-border']))
    for (const layout of layouts) expect(Object.keys(thresholds.layouts[layout] ?? {}).sort()).toEqual([...forms].sort())
  })

  for (const layout of layouts) {
    it(`${layout}: scores as recorded in scores.json`, () => {
      const actual = JSON.stringify(scores.get(layout), null, 1) + '\n'
      const recorded = new URL(`${layout}/scores.json`, folder)
      if (update || !existsSync(recorded)) writeFileSync(recorded, actual)
      expect(actual).toBe(readFileSync(recorded, 'utf8'))
    })

    for (const form of forms) {
      it(`${layout} as ${form}: at least the thresholds`, () => {
        const floor = thresholds.layouts[layout][form]
        const score = scores.get(layout)![form]!
        expect(score.checks.ratio).toBeGreaterThanOrEqual(floor.checks)
        if (floor.cellPrecision !== undefined) expect(score.cells!.precision).toBeGreaterThanOrEqual(floor.cellPrecision)
        if (floor.cellRecall !== undefined) expect(score.cells!.recall).toBeGreaterThanOrEqual(floor.cellRecall)
      })
    }
  }
})
