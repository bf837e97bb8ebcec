/**
 * `sohoa parse FOLDER --out DIR` over a folder of good and bad files (every
 * case of issue 6), run as a user runs it; then `--resume` over the result.
 */
import {createHash} from 'node:crypto'
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {BulkReport} from '../../src/bulk/index.js'
import type {Output} from '../../src/output/schema.js'
import {cases, makeCorpus, parsed, sohoa, type Run} from './corpus.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-bulk-'))
const input = path.join(tmp, 'archive')
const out = path.join(tmp, 'out')
let run: Run
let report: BulkReport

afterAll(() => rmSync(tmp, {recursive: true, force: true}))

beforeAll(async () => {
  await makeCorpus(input)
  run = await sohoa(['parse', input, '--out', out])
  report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BulkReport
})

const failed = cases.filter((c) => c.status === 'failed').length
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const outputOf = (rel: string) => path.join(out, rel.replace(/\.[^.]+$/, '.json'))
const entryOf = (rel: string) => report.files.find((f) => f.path === path.join(input, rel))

/** Every file under `dir`, recursively, relative to it. */
function walk(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort()
}

describe('bulk: a folder of good and bad files', () => {
  it('exits 1 because some files failed, and goes on with the batch', () => {
    expect(run.code).toBe(1)
    expect(report.totals).toMatchObject({files: cases.length, failed, parsed: cases.length - failed, skipped: 0})
    expect(report.totals.warnings).toBe(report.files.filter((f) => f.status === 'warnings').length)
    expect(report.totals.warnings).toBeGreaterThanOrEqual(2)
  })

  it.each(cases)('$path: $status', (c) => {
    const entry = entryOf(c.path)
    if (c.status === 'ok') expect(parsed(entry?.status)).toBe(true)
    else expect(entry?.status).toBe(c.status)
    if (c.status === 'failed') {
      if (typeof c.expect === 'string') expect(entry?.reason).toBe(c.expect)
      else expect(entry?.reason).toMatch(c.expect!)
      if (c.rule) expect(entry?.rule).toBe(c.rule)
      // One line on stderr naming the file and the reason.
      const line = run.stderr.split('\n').find((l) => l.startsWith(path.join(input, c.path) + '  error  '))
      expect(line).toBe(`${path.join(input, c.path)}  error  ${entry?.reason}  ${entry?.rule}`)
      expect(() => statSync(outputOf(c.path))).toThrow()
      return
    }
    // Parsed: its JSON mirrors the sub-folders, is whole, and records the input's hash.
    expect(entry?.output).toBe(outputOf(c.path))
    const output = JSON.parse(readFileSync(outputOf(c.path), 'utf8')) as Output
    expect(output.source.path).toBe(path.join(input, c.path))
    expect(output.source.sha256).toBe(sha256(path.join(input, c.path)))
    // The status says whether the output carries warnings (or error messages).
    const serious = output.diagnostics.filter((d) => d.severity !== 'info')
    expect(entry?.status).toBe(serious.length > 0 ? 'warnings' : 'parsed')
    expect(entry?.diagnostics?.warning).toBe(output.diagnostics.filter((d) => d.severity === 'warning').length)
    if (c.status === 'warnings') expect(serious.map((d) => d.ruleId)).toContain(c.expect)
  })

  it('reads a text file named .png as text, and OCRs the scan', () => {
    expect(entryOf('bad/text-named.png')?.route).toBe('text')
    expect(entryOf('scans/table.png')).toMatchObject({route: 'ocr', pages: 1})
  })

  it('reads only the first --max-pages (100) of the 200-page PDF', () => {
    expect(entryOf('bad/200-pages.pdf')?.pages).toBe(100)
    const output = JSON.parse(readFileSync(outputOf('bad/200-pages.pdf'), 'utf8')) as Output
    expect(output.diagnostics.find((d) => d.ruleId === 'max-pages')?.message).toBe('read the first 100 of 200 pages (maxPages)')
    expect(output.document.type?.code).toBe('QĐ')
  })

  it('writes report.json with every failure and its reason, and a summary on stderr', () => {
    expect(report.failures.map((f) => path.relative(input, f.path)).sort()).toEqual(
      cases.filter((c) => c.status === 'failed').map((c) => c.path).sort()
    )
    for (const f of report.failures) expect(f.reason).not.toBe('')
    expect(report.interrupted).toBe(false)
    expect(report.totals.pages).toBe(1 + 1 + 100)
    expect(run.stderr).toMatch(new RegExp(`^sohoa: ${cases.length} files in [\\d.]+ s: ${cases.length - failed} parsed \\(${report.totals.warnings} with warnings\\), ${failed} failed$`, 'm'))
    expect(run.stderr).toMatch(/^sohoa: 102 pages \([\d.]+ pages\/s\), [\d.]+ files\/s, peak RSS \d+ MB$/m)
    expect(run.stdout).toBe('')
  })

  it('leaves only whole JSON files: one per parsed input, mirroring sub-folders, and the report', () => {
    const expected = cases
      .filter((c) => c.status !== 'failed')
      .map((c) => c.path.replace(/\.[^.]+$/, '.json'))
      .concat('report.json')
      .sort()
    const files = walk(out)
    expect(files).toEqual(expected)
    for (const f of files) expect(() => JSON.parse(readFileSync(path.join(out, f), 'utf8'))).not.toThrow()
  })

  it('--resume skips up-to-date outputs without touching them, retries failures, and reparses a changed input', async () => {
    const seed = outputOf('decisions/seed-003.txt')
    const scan = outputOf('scans/table.png')
    const before = {seed: statSync(seed).mtimeMs, scan: statSync(scan).mtimeMs}
    writeFileSync(path.join(input, 'decisions/seed-003.txt'), readFileSync(path.join(input, 'decisions/seed-003.txt'), 'utf8') + '\n')
    const again = await sohoa(['parse', input, '--out', out, '--resume'])
    expect(again.code).toBe(1)
    const second = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BulkReport
    expect(second.totals).toMatchObject({files: cases.length, skipped: cases.length - failed - 1, failed, parsed: 1})
    expect(parsed(second.files.find((f) => f.path === path.join(input, 'decisions/seed-003.txt'))?.status)).toBe(true)
    expect(statSync(scan).mtimeMs).toBe(before.scan)
    expect(statSync(seed).mtimeMs).toBeGreaterThan(before.seed)
    expect((JSON.parse(readFileSync(seed, 'utf8')) as Output).source.sha256).toBe(sha256(path.join(input, 'decisions/seed-003.txt')))
    expect(again.stderr).toMatch(new RegExp(`^sohoa: ${failed + 1} of ${cases.length} files to parse, ${cases.length - failed - 1} up to date \\(--resume\\)$`, 'm'))
  })
})
