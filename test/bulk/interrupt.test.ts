/**
 * Killed, interrupted and overrunning runs: no half-written JSON ever, a
 * report that says what was left, `--resume` finishing the job, and a
 * file that overruns `--timeout` failing alone.
 */
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import type {BulkReport} from '../../src/bulk/index.js'
import {parsed, root, seed, sohoa, start} from './corpus.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-bulk-interrupt-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** A folder of `n` small decisions (the two quickest seeds, each with its own year) in 10 sub-folders. */
function manyDecisions(name: string, n: number): string {
  const dir = path.join(tmp, name)
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `d${i % 10}`)
    mkdirSync(sub, {recursive: true})
    writeFileSync(path.join(sub, `qd-${i}.txt`), seed(3 + (i % 2)).replace(/năm 20\d\d/, `năm ${1900 + i}`))
  }
  return dir
}

/** A text of about `mb` MB: parsing it keeps a worker busy for seconds, in synchronous code. */
function bigText(file: string, mb: number): void {
  mkdirSync(path.dirname(file), {recursive: true})
  const text = seed(0)
  writeFileSync(file, text.repeat(Math.ceil((mb * 1e6) / Buffer.byteLength(text))))
}

/** Files under `dir` (recursive), relative. */
function walk(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
}

const jsonFiles = (dir: string) => walk(dir).filter((f) => f.endsWith('.json') && f !== 'report.json')

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 50))
  }
}

function countOutputs(dir: string): number {
  try {
    return jsonFiles(dir).length
  } catch {
    return 0
  }
}

describe('bulk: interruptions', () => {
  it('a run killed with SIGKILL leaves only whole JSON files, and --resume finishes the job', async () => {
    const input = manyDecisions('killed', 120)
    const out = path.join(tmp, 'killed-out')
    const run = start(['parse', input, '--out', out, '--concurrency', '2'])
    await until(() => countOutputs(out) >= 10)
    run.child.kill('SIGKILL')
    expect((await run.exit).signal).toBe('SIGKILL')
    const written = jsonFiles(out)
    expect(written.length).toBeGreaterThanOrEqual(10)
    expect(written.length).toBeLessThan(120)
    for (const f of written) expect(() => JSON.parse(readFileSync(path.join(out, f), 'utf8'))).not.toThrow()
    const resumed = await sohoa(['parse', input, '--out', out, '--resume'])
    expect(resumed.code).toBe(0)
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BulkReport
    // Every output written before the kill is whole and up to date: none is parsed again.
    expect(report.totals.skipped).toBeGreaterThanOrEqual(written.length)
    expect(report.totals).toMatchObject({files: 120, failed: 0})
    expect(report.totals.skipped + report.totals.parsed).toBe(120)
    expect(jsonFiles(out)).toHaveLength(120)
    expect(walk(out).filter((f) => f.includes('.sohoa-tmp'))).toEqual([])
  })

  it('Ctrl-C stops taking files, lets running ones finish, writes the report and exits 130', async () => {
    const input = manyDecisions('sigint', 120)
    const out = path.join(tmp, 'sigint-out')
    const run = start(['parse', input, '--out', out])
    await until(() => countOutputs(out) >= 10)
    run.child.kill('SIGINT')
    const {code} = await run.exit
    expect(code).toBe(130)
    expect(run.stderr()).toMatch(/^sohoa: stopping: waiting up to 30 s for \d file\(s\) in progress \(Ctrl-C again to abandon them\)$/m)
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BulkReport
    expect(report.interrupted).toBe(true)
    expect(report.totals.interrupted).toBe(0)
    expect(report.totals.pending).toBeGreaterThan(0)
    expect(report.totals.parsed + report.totals.pending).toBe(120)
    expect(jsonFiles(out)).toHaveLength(report.totals.parsed)
    expect(walk(out).filter((f) => f.includes('.sohoa-tmp'))).toEqual([])
    expect(run.stderr()).toMatch(/^sohoa: interrupted: 120 files in [\d.]+ s: \d+ parsed \(\d+ with warnings\), 0 failed, \d+ not started$/m)
  })

  it('Ctrl-C twice abandons a file in progress at once', async () => {
    const input = path.join(tmp, 'abandon')
    bigText(path.join(input, 'big.txt'), 25)
    writeFileSync(path.join(input, 'small.txt'), seed(1))
    const out = path.join(tmp, 'abandon-out')
    const run = start(['parse', input, '--out', out, '--concurrency', '1'])
    await until(() => run.stderr().includes('files to parse'))
    await new Promise((r) => setTimeout(r, 300))
    run.child.kill('SIGINT')
    await until(() => run.stderr().includes('stopping'))
    const abandonedAt = Date.now()
    run.child.kill('SIGINT')
    const {code} = await run.exit
    expect(code).toBe(130)
    expect(Date.now() - abandonedAt).toBeLessThan(10_000)
    expect(run.stderr()).toMatch(/^sohoa: abandoning 1 file\(s\) in progress$/m)
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BulkReport
    expect(report.files.find((f) => f.path.endsWith('big.txt'))).toMatchObject({status: 'interrupted', reason: 'interrupted: abandoned before it finished'})
    expect(report.files.find((f) => f.path.endsWith('small.txt'))?.status).toBe('pending')
    expect(jsonFiles(out)).toEqual([])
  })

  it('a file that overruns --timeout fails alone (its worker is stopped) and the batch goes on', async () => {
    const input = path.join(tmp, 'timeout')
    // A two-page scan: OCR at 300 dpi takes seconds a page on any machine (text got too quick to count on:
    // 25 MB of it now parses in about 3 s); the small files well under a second.
    mkdirSync(input, {recursive: true})
    copyFileSync(path.join(root, 'fixtures/generated/sample/input.pdf'), path.join(input, 'a-scan.pdf'))
    writeFileSync(path.join(input, 'b-small.txt'), seed(3))
    writeFileSync(path.join(input, 'c-small.txt'), seed(4))
    const out = path.join(tmp, 'timeout-out')
    const run = await sohoa(['parse', input, '--out', out, '--timeout', '2', '--concurrency', '1'])
    expect(run.code).toBe(1)
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BulkReport
    expect(report.files.map((f) => [path.basename(f.path), parsed(f.status) ? 'ok' : f.status, f.reason ?? null])).toEqual([
      ['a-scan.pdf', 'failed', 'timed out after 2 s (--timeout)'],
      ['b-small.txt', 'ok', null],
      ['c-small.txt', 'ok', null]
    ])
    expect(run.stderr).toContain(`${path.join(input, 'a-scan.pdf')}  error  timed out after 2 s (--timeout)  limits:timeout`)
  })
})
