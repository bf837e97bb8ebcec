/**
 * The scheduler in process: one OCR pool shared by every parse worker, and
 * a file that exhausts its worker's heap failing alone.
 */
import {copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {bulkParse, type BulkEvent} from '../../src/bulk/index.js'
import {createOcrPool, type OcrPool} from '../../src/read/index.js'
import {parsed, root, seed} from './corpus.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-bulk-workers-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

describe('bulk: workers', () => {
  it('parses two scans at once through the one shared OCR pool', async () => {
    const input = path.join(tmp, 'scans')
    mkdirSync(input, {recursive: true})
    copyFileSync(path.join(root, 'fixtures/read/table-png/input.png'), path.join(input, 'table.png'))
    copyFileSync(path.join(root, 'fixtures/read/phone-jpeg/input.jpg'), path.join(input, 'phone.jpg'))
    writeFileSync(path.join(input, 'seed.txt'), seed(0))
    const pool = createOcrPool({workers: 2})
    let calls = 0
    let active = 0
    let mostActive = 0
    const shared: OcrPool = {
      size: pool.size,
      async recognize(image, options) {
        calls++
        mostActive = Math.max(mostActive, ++active)
        try {
          return await pool.recognize(image, options)
        } finally {
          active--
        }
      },
      terminate: () => pool.terminate()
    }
    const events: BulkEvent[] = []
    try {
      const report = await bulkParse({inputs: [input], out: path.join(tmp, 'scans-out'), concurrency: 2, ocr: shared, onEvent: (e) => events.push(e)})
      expect(report.files.map((f) => [path.basename(f.path), parsed(f.status), f.route])).toEqual([
        ['phone.jpg', true, 'ocr'],
        ['seed.txt', true, 'text'],
        ['table.png', true, 'ocr']
      ])
      expect(report.settings).toMatchObject({concurrency: 2, ocrWorkers: 2})
      expect(report.totals.pages).toBe(2)
    } finally {
      await pool.terminate()
    }
    // Every page went through the one pool, and pages of the two scans were recognised at the same time.
    expect(calls).toBeGreaterThanOrEqual(2)
    expect(mostActive).toBeGreaterThanOrEqual(2)
    expect(events.filter((e) => e.type === 'page')).toHaveLength(2)
    expect(events.at(-1)).toMatchObject({type: 'file', done: 3, toParse: 3, failed: 0, pages: 2})
  })

  it('a file that exhausts its worker\'s heap fails alone; a fresh worker takes the next file', async () => {
    const input = path.join(tmp, 'memory')
    mkdirSync(input, {recursive: true})
    const text = seed(0)
    writeFileSync(path.join(input, 'a-huge.txt'), text.repeat(Math.ceil(25e6 / Buffer.byteLength(text))))
    writeFileSync(path.join(input, 'b-small.txt'), seed(3))
    const report = await bulkParse({inputs: [input], jsonl: path.join(tmp, 'memory.jsonl'), concurrency: 1, workerMemoryMb: 96})
    expect(report.files.map((f) => [path.basename(f.path), parsed(f.status) ? 'ok' : f.status, f.reason ?? null, f.rule ?? null])).toEqual([
      ['a-huge.txt', 'failed', 'ran out of memory (heap limit 96 MB per worker)', 'bulk:out-of-memory'],
      ['b-small.txt', 'ok', null, null]
    ])
  })

  it('--timeout counts from the start of the file\'s parse: a fresh worker\'s start-up (loading its modules) is not held against it', async () => {
    const input = path.join(tmp, 'start-up')
    mkdirSync(input, {recursive: true})
    writeFileSync(path.join(input, 'small.txt'), seed(4))
    // One fresh worker per file (recycled after each): every file pays a start-up, which under tsx takes longer than the 1 s allowed.
    const report = await bulkParse({inputs: [input], jsonl: path.join(tmp, 'start-up.jsonl'), concurrency: 1, recycleAfter: 1, limits: {timeoutSeconds: 1}})
    expect(report.files.map((f) => [path.basename(f.path), parsed(f.status) ? 'ok' : f.status, f.reason ?? null])).toEqual([['small.txt', 'ok', null]])
  })
})
