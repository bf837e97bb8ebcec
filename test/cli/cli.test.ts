/**
 * The `sohoa` command, run as a user runs it (through tsx, from the sources).
 */
import {execFile, spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../', import.meta.url))
const cli = path.join(root, 'src/cli/index.ts')

async function sohoa(...args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  try {
    const {stdout, stderr} = await run(process.execPath, ['--import', 'tsx', cli, ...args], {cwd: root})
    return {code: 0, stdout, stderr}
  } catch (error) {
    const e = error as {code: number; stdout: string; stderr: string}
    return {code: e.code, stdout: e.stdout, stderr: e.stderr}
  }
}

describe('sohoa CLI', () => {
  it('parse should print the JSON on stdout and messages on stderr like a linter', async () => {
    const {code, stdout, stderr} = await sohoa('parse', 'fixtures/seed-004/input.txt')
    expect(code).toBe(0)
    expect(JSON.parse(stdout).document.type.code).toBe('KH')
    expect(stderr).toMatch(/^fixtures\/seed-004\/input\.txt {2}info {2}No document number .* {2}sections:missing-number$/m)
  })

  it('npm start should parse the sample scan and show the messages its summary counts (no --quiet)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: Record<string, string>}
    const args = pkg.scripts.start.split(/\s+/)
    expect(args.slice(0, 4)).toEqual(['node', 'dist/bundle/sohoa.js', 'parse', 'fixtures/generated/sample/input.pdf'])
    expect(args).toContain('--summary')
    expect(args.filter((a) => a === '--quiet' || a === '-q')).toEqual([])
  })

  it('should end quietly when its reader closes the pipe (`sohoa parse … | head`)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'parse', 'fixtures/seed-002/input.txt', '-q'], {cwd: root})
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })

  it('parse --summary should print a summary', async () => {
    const {stdout} = await sohoa('parse', 'fixtures/seed-000/input.txt', '--summary', '--quiet')
    expect(JSON.parse(stdout)).toMatchObject({type: 'Quyết định', plan: {sections: 4}})
  })

  it('should fail with exit 1 and name the file when it cannot be read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sohoa-'))
    const bad = path.join(dir, 'random.txt')
    writeFileSync(bad, Buffer.from([0xff, 0x00, 0xc3, 0x28, 0x80]))
    const missing = await sohoa('parse', path.join(dir, 'nope.txt'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toBe(`${path.join(dir, 'nope.txt')}  error  no such file  read:unreadable\n`)
    const binary = await sohoa('parse', bad)
    expect(binary.code).toBe(1)
    expect(binary.stderr).toMatch(/^\S+random\.txt {2}error {2}unsupported format: .* {2}read:unreadable\n$/)
  })

  it('should word a missing file the same in every command and in bulk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sohoa-'))
    const nope = path.join(dir, 'nope.txt')
    const line = `${nope}  error  no such file  read:unreadable`
    const runs = await Promise.all([
      sohoa('parse', nope),
      sohoa('parse', nope, '--out', path.join(dir, 'out')),
      sohoa('text', nope),
      sohoa('restore', nope),
      sohoa('fixture', nope, '--out', path.join(dir, 'scan')),
      sohoa('train', nope, '--out', path.join(dir, 'model.bin'))
    ])
    for (const run of runs) {
      expect(run.code).toBe(1)
      expect(run.stderr.split('\n')).toContain(line)
    }
  })

  it('should exit 2 on a usage error', async () => {
    expect((await sohoa('parse')).code).toBe(2)
    expect((await sohoa('frobnicate')).code).toBe(2)
  })

  it('should say what is wrong with a usage error in one line, exit 2, and write nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sohoa-'))
    const file = path.join(dir, 'taken')
    writeFileSync(file, 'a file, not a folder')
    mkdirSync(path.join(dir, 'empty'))
    const seed = 'fixtures/seed-000/input.txt'
    const [mode, out, fixture, empty, jsonl] = await Promise.all([
      sohoa('restore', '--mode', 'bogus'),
      sohoa('parse', seed, '--out', file),
      sohoa('fixture', seed, '--out', file),
      sohoa('parse', path.join(dir, 'empty'), '--out', path.join(dir, 'out')),
      sohoa('parse', seed, '--jsonl', path.join(dir, 'empty'))
    ])
    expect(mode.code).toBe(2)
    expect(mode.stderr).toBe("error: option '-m, --mode <mode>' argument 'bogus' is invalid. Allowed choices are stripped, ocr, marks, auto.\n(add --help for usage)\n")
    for (const run of [out, fixture]) {
      expect(run.code).toBe(2)
      expect(run.stderr).toBe(`sohoa: --out ${file}: a file of that name exists; name a folder\n`)
    }
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(new RegExp(`^sohoa: no input files in ${path.join(dir, 'empty')} \\(folders are searched for \\.txt [^\n]*\\)\n$`))
    expect(jsonl.code).toBe(2)
    expect(jsonl.stderr).toBe(`sohoa: --jsonl ${path.join(dir, 'empty')}: a folder of that name exists; name a file\n`)
    expect(readdirSync(dir).sort()).toEqual(['empty', 'taken'])
    expect(readFileSync(file, 'utf8')).toBe('a file, not a folder')
  })

  it('text should print the restored text, and the text before restoration with --raw', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sohoa-'))
    const file = path.join(dir, 'stripped.txt')
    // Two paragraphs: the one without marks is restored, the marked one is not.
    writeFileSync(file, 'Cai cach thu tuc hanh chinh.\n\nKế hoạch đã có dấu\n')
    expect((await sohoa('text', file)).stdout).toBe('Cải cách thủ tục hành chính.\n\nKế hoạch đã có dấu\n')
    expect((await sohoa('text', '--raw', file)).stdout).toBe('Cai cach thu tuc hanh chinh.\n\nKế hoạch đã có dấu\n')
    // One paragraph (the parser joins the lines) that carries marks: left as it is, in `sohoa text` as in `sohoa parse`.
    writeFileSync(file, 'Cai cach thu tuc hanh chinh\nKế hoạch đã có dấu\n')
    expect((await sohoa('text', file)).stdout).toBe('Cai cach thu tuc hanh chinh\nKế hoạch đã có dấu\n')
    expect((await sohoa('text', '--restore', 'sometimes', file)).code).toBe(2)
  })

  it('text should print the normalized text; schema the JSON Schema', async () => {
    const text = await sohoa('text', 'fixtures/seed-001/input.txt')
    expect(text.stdout).toContain('Số: /QĐ-UBND')
    const schema = await sohoa('schema')
    expect(JSON.parse(schema.stdout).title).toBe('sohoa output v1')
  })
})
