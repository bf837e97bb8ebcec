/**
 * `--jsonl FILE`: one whole JSON object per line, a report next to it,
 * `--resume` over it (also after a kill left a partial last line); and the
 * exit codes and usage errors of `sohoa parse`.
 */
import {appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {bulkParse, formatBytes, type BulkOptions, type BulkReport} from '../../src/bulk/index.js'
import type {Output} from '../../src/output/schema.js'
import {seed, sohoa} from './corpus.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-bulk-jsonl-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

const input = path.join(tmp, 'in')
mkdirSync(path.join(input, 'sub'), {recursive: true})
// The two quickest seeds to parse, each file with its own content.
for (const n of [0, 1, 3]) writeFileSync(path.join(input, `seed-${n}.txt`), `${seed(3 + (n % 2))}\n${n}\n`)
writeFileSync(path.join(input, 'sub/seed-4.md'), seed(4))

const records = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Output)

describe('bulk: --jsonl', () => {
  const jsonl = path.join(tmp, 'all.jsonl')

  it('writes one JSON object per line and the report next to the file; exits 0 when all parsed', async () => {
    const run = await sohoa(['parse', input, '--jsonl', jsonl])
    expect(run.code).toBe(0)
    const lines = records(jsonl)
    expect(lines.map((o) => path.relative(input, o.source.path!)).sort()).toEqual(['seed-0.txt', 'seed-1.txt', 'seed-3.txt', 'sub/seed-4.md'])
    const report = JSON.parse(readFileSync(path.join(tmp, 'all.report.json'), 'utf8')) as BulkReport
    expect(report.totals).toMatchObject({files: 4, parsed: 4, failed: 0})
    expect(report.files.every((f) => f.output === null)).toBe(true)
    expect(run.stderr).toContain(`sohoa: report: ${path.join(tmp, 'all.report.json')}`)
  })

  it('--resume skips recorded inputs, cuts a partial last line a kill left, and appends the rest', async () => {
    const whole = readFileSync(jsonl, 'utf8')
    appendFileSync(jsonl, Buffer.from(whole.split('\n')[0]).subarray(0, 500)) // a record cut mid-write
    writeFileSync(path.join(input, 'seed-2.txt'), `${seed(4)}\n2\n`)
    const run = await sohoa(['parse', input, '--jsonl', jsonl, '--resume'])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/cut off a partial last line \(500 bytes\) a killed run left/)
    expect(run.stderr).toMatch(/^sohoa: 1 of 5 files to parse, 4 up to date \(--resume\)$/m)
    const lines = records(jsonl)
    expect(lines).toHaveLength(5)
    expect(lines.at(-1)!.source.path).toBe(path.join(input, 'seed-2.txt'))
    expect(readFileSync(jsonl, 'utf8').startsWith(whole)).toBe(true)
  })

  it('without --resume starts the file afresh', async () => {
    const report = await bulkParse({inputs: [path.join(input, 'seed-0.txt'), path.join(input, 'seed-1.txt')], jsonl})
    expect(report.totals).toMatchObject({files: 2, parsed: 2})
    expect(records(jsonl)).toHaveLength(2)
  })

  it('--jsonl - writes the records on stdout', async () => {
    const run = await sohoa(['parse', `${input}/*.txt`, '--jsonl', '-', '-q'])
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Output)
    expect(lines.map((o) => path.basename(o.source.path!)).sort()).toEqual(['seed-0.txt', 'seed-1.txt', 'seed-2.txt', 'seed-3.txt'])
  })
})

describe('sohoa parse: exit codes and usage errors', () => {
  it('refuses impossible batches with a usage error', async () => {
    const file = path.join(input, 'seed-0.txt')
    const out = path.join(tmp, 'o')
    const cases: Array<[BulkOptions, RegExp]> = [
      [{inputs: [file]}, /give --out DIR or --jsonl FILE for the outputs/],
      [{inputs: [file], out, jsonl: path.join(tmp, 'o.jsonl')}, /--out DIR or --jsonl FILE, not both/],
      [{inputs: [file], jsonl: '-', resume: true}, /--resume needs a JSONL file/],
      [{inputs: [file], out, concurrency: 0}, /--concurrency must be a positive integer/],
      [{inputs: [file], out, limits: {maxPages: 0}}, /limit maxPages must be positive/],
      [{inputs: [`${tmp}/nothing/*.pdf`], out}, /no input files/],
      [{inputs: [file], out: file}, /^--out .*seed-0\.txt: a file of that name exists; name a folder$/]
    ]
    for (const [options, message] of cases) await expect(bulkParse(options)).rejects.toThrow(message)
  })

  it('exits 2 on usage errors, saying what is wrong', async () => {
    const file = path.join(input, 'seed-0.txt')
    const cases: Array<[string[], RegExp]> = [
      [['parse', file, path.join(input, 'seed-1.txt')], /several inputs, a folder or a glob need --out DIR or --jsonl FILE/],
      [['parse', file, '--out', path.join(tmp, 'o'), '--jsonl', path.join(tmp, 'o.jsonl')], /--out DIR or --jsonl FILE, not both/],
      [['parse', file, '--out', path.join(tmp, 'o'), '--max-bytes', 'lots'], /--max-bytes.*a size such as 32M/]
    ]
    const runs = await Promise.all(cases.map(([args]) => sohoa(args)))
    runs.forEach((run, i) => {
      expect(run.code, cases[i][0].join(' ')).toBe(2)
      expect(run.stderr).toMatch(cases[i][1])
    })
  })

  it('one file: exits 1 with the reason when a limit refuses it, 0 when it parses', async () => {
    const file = path.join(input, 'seed-0.txt')
    const refused = await sohoa(['parse', file, '--max-bytes', '10K'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe(`${file}  error  file too large: ${formatBytes(statSync(file).size)} (over --max-bytes 10.0 KiB)  limits:max-bytes\n`)
    const ok = await sohoa(['parse', file, '--summary', '-q'])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({path: file, route: 'text', type: 'Kế hoạch'})
  })

  it('--help tells the flags', async () => {
    const help = await sohoa(['parse', '--help'])
    expect(help.code).toBe(0)
    for (const flag of ['--out <dir>', '--jsonl <file>', '--resume', '--concurrency <n>', '--max-bytes <size>', '--max-pages <n>', '--max-pixels <n>', '--timeout <seconds>', '--grace <seconds>']) {
      expect(help.stdout).toContain(flag)
    }
  })
})
