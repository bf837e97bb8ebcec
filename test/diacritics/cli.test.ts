import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {restoreFiles} from '../../src/cli/restore-files.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const sohoa = (args: string[], input?: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {cwd: root, input, encoding: 'utf8'})
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {cwd: root, encoding: 'utf8'})
const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-restore-cli-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** Every file under `folder`, relative, sorted. */
const filesUnder = (folder: string) => (readdirSync(folder, {recursive: true, withFileTypes: true}) as Array<{isFile(): boolean; parentPath?: string; path: string; name: string}>)
  .filter((e) => e.isFile())
  .map((e) => path.relative(folder, path.join(e.parentPath ?? e.path, e.name)))
  .sort()

describe('sohoa restore', () => {
  it('should restore stdin to stdout, keeping line breaks and punctuation', () => {
    const input = 'KE HOACH\r\n\r\nCai cach thu tuc hanh chinh (TTHC);\n  - UBND xa: 76/NQ-CP.\n'
    const out = sohoa(['restore', '--mode', 'stripped'], input)
    expect(out).toBe('KẾ HOẠCH\r\n\r\nCải cách thủ tục hành chính (TTHC);\n  - UBND xã: 76/NQ-CP.\n')
  })

  it('should fail with the file name when the file is missing, as every command does', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'restore', 'no-such-file.txt'], {cwd: root, encoding: 'utf8'})
    expect(run.status).toBe(1)
    expect(run.stderr).toBe('no-such-file.txt  error  no such file  read:unreadable\n')
  })

  it('should restore many files into --out in one run as each would be alone, and report a bad one without stopping', () => {
    const input = path.join(tmp, 'in')
    mkdirSync(path.join(input, 'sub'), {recursive: true})
    const ocr = readFileSync(path.join(root, 'fixtures/seed-002/input.txt'), 'utf8').split('\n')
    writeFileSync(path.join(input, 'a.txt'), ocr.slice(0, 60).join('\n'))
    writeFileSync(path.join(input, 'sub', 'b.md'), ocr.slice(60, 120).join('\n'))
    writeFileSync(path.join(input, 'sub', 'bad.txt'), Buffer.from([0xff, 0xfe, 0x41]))
    writeFileSync(path.join(input, 'scan.pdf'), '%PDF-1.4 not text')
    const out = path.join(tmp, 'out')
    const done = run(['restore', '--mode', 'ocr', input, '--out', out])
    expect(done.status).toBe(1)
    expect(done.stderr).toContain(`${path.join(input, 'sub', 'bad.txt')}  error  not valid UTF-8 text  read:unreadable\n`)
    expect(done.stderr).toMatch(/^sohoa: 2 of 3 files restored into .*, 1 failed; [\d,]+ words in /m)
    // Folders give their text files only; names kept, sub-folders mirrored, no temporary file left.
    expect(filesUnder(out)).toEqual(['a.txt', path.join('sub', 'b.md')])
    for (const name of ['a.txt', path.join('sub', 'b.md')]) {
      expect(readFileSync(path.join(out, name), 'utf8')).toBe(sohoa(['restore', '--mode', 'ocr', path.join(input, name)]))
    }
    // With --json: x.json holding {text, tokens}.
    const json = path.join(tmp, 'json')
    expect(run(['restore', '--mode', 'ocr', path.join(input, 'a.txt'), '--out', json, '--json', '-q']).stderr).toBe('')
    const restored = JSON.parse(readFileSync(path.join(json, 'a.json'), 'utf8')) as {text: string; tokens: unknown[]}
    expect(restored.text).toBe(readFileSync(path.join(out, 'a.txt'), 'utf8'))
    expect(restored.tokens.length).toBeGreaterThan(0)
  })

  it('should refuse several files without --out, and an --out that would write over an input', () => {
    const input = path.join(tmp, 'own')
    mkdirSync(input, {recursive: true})
    writeFileSync(path.join(input, 'x.txt'), 'Cai cach thu tuc\n')
    writeFileSync(path.join(input, 'y.txt'), 'hanh chinh\n')
    const several = run(['restore', path.join(input, 'x.txt'), path.join(input, 'y.txt')])
    expect(several.status).toBe(2)
    expect(several.stderr).toBe('sohoa: restore: 2 files need --out DIR (one file, or stdin, is written to stdout)\n')
    const over = run(['restore', input, '--out', input])
    expect(over.status).toBe(2)
    expect(over.stderr).toBe(`sohoa: --out ${input} would write over the input ${path.join(input, 'x.txt')}: name another folder\n`)
    expect(readFileSync(path.join(input, 'x.txt'), 'utf8')).toBe('Cai cach thu tuc\n')
    expect(readdirSync(input).sort()).toEqual(['x.txt', 'y.txt'])
  })

  it('should log progress between files, a glob that matches nothing, and clear what a killed run left (restoreFiles)', async () => {
    const input = path.join(tmp, 'progress')
    mkdirSync(input, {recursive: true})
    for (const name of ['p.txt', 'q.txt', 'r.txt']) writeFileSync(path.join(input, name), 'Cai cach thu tuc hanh chinh\n')
    const out = path.join(tmp, 'progress-out')
    mkdirSync(out)
    writeFileSync(path.join(out, '.q.txt.1-00000000.0.sohoa-tmp'), 'half written by a killed run')
    const lines: string[] = []
    const done = await restoreFiles([input, path.join(tmp, 'nothing-*.txt')], {out, mode: 'stripped', log: (l) => lines.push(l), progressSeconds: 0})
    expect(done).toEqual({files: 3, failed: 0, syllables: 18})
    expect(lines[0]).toBe(`sohoa: ${path.join(tmp, 'nothing-*.txt')}: no input files match`)
    expect(lines[1]).toBe(`sohoa: removed 1 temporary file(s) a killed run left in ${out}`)
    expect(readdirSync(out).sort()).toEqual(['p.txt', 'q.txt', 'r.txt'])
    expect(lines.slice(2).map((l) => l.replace(/, [\d,]+ words\/s$/, ''))).toEqual(['sohoa: 1 of 3 files, 0 failed', 'sohoa: 2 of 3 files, 0 failed'])
    expect(readFileSync(path.join(tmp, 'progress-out', 'q.txt'), 'utf8')).toBe('Cải cách thủ tục hành chính\n')
  })

  it('should fail a file over maxBytes unread, as bulk does, and go on (restoreFiles)', async () => {
    const input = path.join(tmp, 'sizes')
    mkdirSync(input, {recursive: true})
    writeFileSync(path.join(input, 'big.txt'), 'Cai cach thu tuc hanh chinh\n'.repeat(10))
    writeFileSync(path.join(input, 'small.txt'), 'hanh chinh\n')
    const lines: string[] = []
    const done = await restoreFiles([input], {out: path.join(tmp, 'sizes-out'), mode: 'stripped', maxBytes: 100, log: (l) => lines.push(l)})
    expect(done).toEqual({files: 2, failed: 1, syllables: 2})
    expect(lines).toEqual([`${path.join(input, 'big.txt')}  error  file too large: 280 B (over --max-bytes 100 B)  limits:max-bytes`])
    expect(readdirSync(path.join(tmp, 'sizes-out'))).toEqual(['small.txt'])
  })

  it('should report an output it cannot write, leave no temporary file, and go on (restoreFiles)', async () => {
    const input = path.join(tmp, 'unwritable')
    mkdirSync(input, {recursive: true})
    writeFileSync(path.join(input, 'a.txt'), 'Cai cach\n')
    writeFileSync(path.join(input, 'b.txt'), 'thu tuc\n')
    const out = path.join(tmp, 'unwritable-out')
    // A folder where a.txt should go: the rename over it fails.
    mkdirSync(path.join(out, 'a.txt', 'inside'), {recursive: true})
    const lines: string[] = []
    const done = await restoreFiles([input], {out, mode: 'stripped', log: (l) => lines.push(l)})
    expect(done).toMatchObject({files: 2, failed: 1})
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^${path.join(input, 'a.txt').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}  error  cannot write the output: .*  bulk:write-failed$`))
    expect(readdirSync(out).sort()).toEqual(['a.txt', 'b.txt'])
    expect(readFileSync(path.join(out, 'b.txt'), 'utf8')).toBe('thủ tục\n')
  })
})
