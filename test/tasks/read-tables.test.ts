/**
 * Task tables from laid-out inputs, through the real reader: a PDF's text
 * layer and a scanned table (PNG) OCR'd with tesseract.js, whose rows the
 * reader hands over as cells. Provenance
 * (page, bbox) and OCR confidence reach the task records.
 */
import {unified} from 'unified'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {createOcrPool, read, type OcrPool} from '../../src/read/index.js'
import parser from '../../src/parser/index.js'
import tasks from '../../src/tasks/index.js'
import type {VFile} from 'vfile'

const fixture = (name: string, file: string) => new URL(`../../fixtures/read/${name}/${file}`, import.meta.url).pathname

let pool: OcrPool
beforeAll(() => {
  pool = createOcrPool({workers: 1})
})
afterAll(async () => {
  await pool.terminate()
})

function extract(file: VFile) {
  const processor = unified().use(parser).use(tasks, {year: 2026})
  processor.runSync(processor.parse(file), file)
  return file.data.tasks ?? []
}

describe('task tables read from PDF and OCR', () => {
  it('should read the tasks of a PDF table with page and box', async () => {
    const found = extract(await read(fixture('table-pdf', 'input.pdf')))
    expect(found.map((task) => [task.id, task.group, task.lead[0]?.name, task.timeframe?.kind])).toEqual([
      ['1', 'Chỉ đạo điều hành, kiểm tra và tuyên truyền', 'Phòng Văn hóa - Xã hội', 'deadline'],
      ['2', 'Chỉ đạo điều hành, kiểm tra và tuyên truyền', 'Phòng Văn hóa - Xã hội', 'conditional']
    ])
    for (const task of found) {
      expect(task.source.page).toBe(1)
      expect(task.source.bbox!.x1).toBeGreaterThan(task.source.bbox!.x0)
    }
  })

  it('should read the tasks of a scanned table, with OCR confidence below 1', async () => {
    const found = extract(await read(fixture('table-png', 'input.png'), {ocr: pool}))
    expect(found.map((task) => task.id)).toEqual(['1', '2'])
    expect(found[0]).toMatchObject({
      group: 'Chỉ đạo điều hành, kiểm tra và tuyên truyền',
      lead: [{name: 'Phòng Văn hóa - Xã hội'}],
      timeframe: {kind: 'deadline', end: '2026-01-15'}
    })
    expect(found[1].timeframe).toMatchObject({kind: 'conditional'})
    for (const task of found) {
      expect(task.source.page).toBe(1)
      expect(task.source.bbox).toBeDefined()
      expect(task.confidence).toBeGreaterThan(0.5)
      expect(task.confidence).toBeLessThan(1)
    }
  })
})
