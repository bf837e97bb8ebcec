/**
 * The package as a user installs it: built from the sources into a
 * `node_modules/sohoa` laid out as `files` and `exports` in package.json
 * say (tsc's modules and the bundled command), then each subpath imported
 * by name from plain Node (and its types checked by tsc), so a name that
 * moves or an export that points nowhere fails here; and the `sohoa`
 * command run from there, giving what the sources give.
 */
import {execFile} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {bundle} from '../scripts/bundle.js'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../', import.meta.url))
const tsc = path.join(root, 'node_modules/typescript/bin/tsc')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string
  bin: Record<string, string>
  files: string[]
  exports: Record<string, string | {types: string; default: string}>
}

/** The runtime names of each subpath: what a user may import, and nothing else. */
const expected: Record<string, string[]> = {
  sohoa: ['ReadError', 'parse', 'parseFile', 'parseSync', 'read', 'restore', 'restoredText', 'summarize'],
  'sohoa/schema': [
    'AgencySchema',
    'ArticleSchema',
    'BBoxSchema',
    'BasisSchema',
    'DateSchema',
    'DiagnosticSchema',
    'DocumentInfoSchema',
    'DocumentNumberSchema',
    'DocumentTypeSchema',
    'IssuerSchema',
    'OutputSchema',
    'PlanInfoSchema',
    'PlanSectionSchema',
    'ProvenanceSchema',
    'ReferenceSchema',
    'RouteSchema',
    'SectionKindSchema',
    'SignatureSchema',
    'SourceEncodingSchema',
    'SourceSchema',
    'StampSchema',
    'TargetSchema',
    'TargetValueSchema',
    'TaskSchema',
    'TimeframeSchema',
    'jsonSchema'
  ],
  'sohoa/read': ['ReadError', 'createOcrPool', 'judgeTextLayer', 'read', 'sniff'],
  'sohoa/bulk': ['InputError', 'UsageError', 'bulkParse', 'defaultLimits', 'parseInput'],
  'sohoa/outputs': ['documentMetadata', 'restoredRuns', 'reviewFields', 'reviewPage', 'searchablePdf', 'writeOutputs'],
  'sohoa/queue': ['RedisUnreachableError', 'cleanQueue', 'enqueue', 'queueReport', 'queueStatus', 'retryFailed', 'runWorker', 'waitForQueue'],
  'sohoa/stages': [
    'canonicalAgency',
    'compiler',
    'createProcessor',
    'detectTables',
    'diacritics',
    'extractTasks',
    'loadModel',
    'parseText',
    'parseTimeframe',
    'parser',
    'restorationFor',
    'sections',
    'splitAgencies',
    'splitOutputs',
    'tasks',
    'textQuality'
  ],
  'sohoa/fixture': [
    'NOISE',
    'NOISE_LEVELS',
    'blocksFromPlan',
    'blocksFromText',
    'blocksOf',
    'cer',
    'makeFixture',
    'normalizeForCer',
    'readFixtureInput',
    'resolveOptions',
    'saveFixture',
    'truthText',
    'writeFixture'
  ]
}

/** A program using each subpath's types as a user would, type-checked against the built declarations. */
const consumer = `
import {parse, ReadError, type Output, type ParseResult, type Root, type Layout} from 'sohoa'
import {OutputSchema, jsonSchema, type Task} from 'sohoa/schema'
import {read, createOcrPool, type ReadOptions, type OcrPool} from 'sohoa/read'
import {bulkParse, type BulkReport} from 'sohoa/bulk'
import {writeOutputs, type WrittenOutputs} from 'sohoa/outputs'
import {enqueue, type EnqueueOptions} from 'sohoa/queue'
import {createProcessor, parser, parseTimeframe, type PipelineOptions} from 'sohoa/stages'
import {makeFixture, type Fixture} from 'sohoa/fixture'

export async function use(): Promise<void> {
  const result: ParseResult = await parse('KẾ HOẠCH')
  const output: Output = OutputSchema.parse(result.output)
  const tasks: Task[] = output.plan?.tasks ?? []
  const tree: Root = result.tree
  const layout: Layout | undefined = result.file.data.layout
  const options: ReadOptions = {dpi: 300}
  const pool: OcrPool = createOcrPool()
  const file = await read('x.pdf', {...options, ocr: pool})
  const report: BulkReport = await bulkParse({inputs: ['a/'], out: 'b/'})
  const written: WrittenOutputs = await writeOutputs(new Uint8Array(), {...result, output, file}, {pdf: 'x.pdf'})
  const pipeline: PipelineOptions = {tasks: {year: 2026}}
  const queued: EnqueueOptions = {inputs: ['a/'], out: 'b/', redis: 'redis://localhost:6379'}
  await enqueue(queued)
  const fixture: Fixture = await makeFixture({text: 'KẾ HOẠCH'})
  void [tasks, tree, layout, report, written, fixture, jsonSchema(), createProcessor(pipeline).use(parser), parseTimeframe('Quý I/2026', {year: 2026}), ReadError]
}
`

let folder: string

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'sohoa-package-'))
  const modules = path.join(folder, 'node_modules')
  const installed = path.join(modules, 'sohoa')
  mkdirSync(installed, {recursive: true})
  // The dependencies, as npm would have installed them beside the package.
  for (const name of readdirSync(path.join(root, 'node_modules'))) {
    if (name === '.bin' || name.startsWith('.')) continue
    symlinkSync(path.join(root, 'node_modules', name), path.join(modules, name))
  }
  // The package: package.json, dist built from the sources, and every other entry of `files`.
  writeFileSync(path.join(installed, 'package.json'), readFileSync(path.join(root, 'package.json')))
  for (const entry of pkg.files) {
    if (entry === 'dist') continue
    mkdirSync(path.dirname(path.join(installed, entry)), {recursive: true})
    symlinkSync(path.join(root, entry), path.join(installed, entry))
  }
  await run(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', path.join(installed, 'dist'), '--sourceMap', 'false'], {cwd: root})
  await bundle(path.join(installed, 'dist/bundle'))
}, 600_000)

afterAll(() => {
  if (folder) rmSync(folder, {recursive: true, force: true})
})

describe('the package', () => {
  it('should point every export at a file the package ships', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      const targets = typeof target === 'string' ? [target] : [target.types, target.default]
      for (const file of targets) {
        const top = file.replace(/^\.\//, '').split('/')[0]
        expect(pkg.files, `${subpath} → ${file}`).toContain(top)
        expect(() => readFileSync(path.join(folder, 'node_modules/sohoa', file)), `${subpath} → ${file}`).not.toThrow()
      }
    }
  })

  it('should give each subpath its names, imported from plain Node', async () => {
    const script = path.join(folder, 'names.mjs')
    writeFileSync(
      script,
      `const names = {}\nfor (const name of ${JSON.stringify(Object.keys(expected))}) names[name] = Object.keys(await import(name)).sort()\nconsole.log(JSON.stringify(names))\n`
    )
    const {stdout} = await run(process.execPath, [script], {cwd: folder})
    const sorted = Object.fromEntries(Object.entries(expected).map(([name, list]) => [name, [...list].sort()]))
    expect(JSON.parse(stdout)).toEqual(sorted)
    const subpaths = Object.keys(pkg.exports).filter((s) => s !== './schema.json')
    expect(subpaths.map((s) => (s === '.' ? 'sohoa' : `sohoa/${s.slice(2)}`)).sort()).toEqual(Object.keys(expected).sort())
  })

  it('should type-check a program that uses each subpath', async () => {
    writeFileSync(path.join(folder, 'use.ts'), consumer)
    writeFileSync(
      path.join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node']},
        files: ['use.ts']
      })
    )
    const result = await run(process.execPath, [tsc, '-p', folder], {cwd: folder}).catch((error: {stdout: string}) => error)
    expect(result.stdout).toBe('')
  })
})


describe('the sohoa command as installed (the bundle)', () => {
  const installed = () => path.join(folder, 'node_modules/sohoa')
  /** Run `sohoa args…` from the installed bundle and from the sources; both results. */
  const both = async (...args: string[]) => {
    const options = {cwd: root, maxBuffer: 1 << 26}
    const bundled = await run(process.execPath, [path.join(installed(), pkg.bin.sohoa), ...args], options)
    const sources = await run(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/index.ts'), ...args], options)
    return {bundled, sources}
  }

  it('should be the package\'s bin and print its version', async () => {
    expect(pkg.bin.sohoa).toBe('dist/bundle/sohoa.js')
    const {stdout} = await run(process.execPath, [path.join(installed(), pkg.bin.sohoa), '--version'])
    expect(stdout.trim()).toBe(pkg.version)
  })

  it('should restore OCR text as the sources do (model, candidate table and place names found from the bundle)', async () => {
    const {bundled, sources} = await both('restore', 'fixtures/seed-002/input.txt', '--mode', 'ocr', '--json')
    expect(JSON.parse(bundled.stdout).text).toMatch(/XÃ NGUYÊN GIÁP/)
    expect(bundled.stdout).toBe(sources.stdout)
  }, 60_000)

  it('should restore a folder into --out in one run (its own chunk) as the sources restore each file', async () => {
    const inputs = path.join(folder, 'restore-in')
    mkdirSync(inputs)
    const lines = readFileSync(path.join(root, 'fixtures/seed-002/input.txt'), 'utf8').split('\n')
    writeFileSync(path.join(inputs, 'a.txt'), lines.slice(0, 80).join('\n'))
    writeFileSync(path.join(inputs, 'b.txt'), lines.slice(80, 160).join('\n'))
    const out = path.join(folder, 'restore-out')
    await run(process.execPath, [path.join(installed(), pkg.bin.sohoa), 'restore', inputs, '--out', out, '--mode', 'ocr', '-q'], {cwd: root})
    for (const name of ['a.txt', 'b.txt']) {
      const {stdout: expected} = await run(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/index.ts'), 'restore', path.join(inputs, name), '--mode', 'ocr'], {cwd: root})
      expect(readFileSync(path.join(out, name), 'utf8'), name).toBe(expected)
    }
  }, 60_000)

  it('should parse Word, TCVN3 and plain text as the sources do (grammars, gazetteer and encoding tables found)', async () => {
    for (const input of ['fixtures/word/sample/input.docx', 'fixtures/read/tcvn3-text/input.txt', 'fixtures/seed-000/input.txt']) {
      const {bundled, sources} = await both('parse', input)
      expect(JSON.parse(bundled.stdout).source.path, input).toBe(input)
      expect(bundled.stdout, input).toBe(sources.stdout)
      expect(bundled.stderr, input).toBe(sources.stderr)
    }
  }, 120_000)

  it('should parse a folder in its bundled worker threads, each output as the sources give it', async () => {
    const inputs = path.join(folder, 'bulk-in')
    const out = path.join(folder, 'bulk-out')
    mkdirSync(inputs)
    const seeds = ['seed-000', 'seed-003']
    for (const seed of seeds) writeFileSync(path.join(inputs, `${seed}.txt`), readFileSync(path.join(root, `fixtures/${seed}/input.txt`)))
    await run(process.execPath, [path.join(installed(), pkg.bin.sohoa), 'parse', inputs, '--out', out, '--concurrency', '2', '-q'], {cwd: root})
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).totals).toMatchObject({parsed: 2, failed: 0})
    for (const seed of seeds) {
      const {stdout: expected} = await run(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/index.ts'), 'parse', path.join(inputs, `${seed}.txt`)], {cwd: root})
      expect(JSON.parse(readFileSync(path.join(out, `${seed}.json`), 'utf8')), seed).toEqual(JSON.parse(expected))
    }
  }, 120_000)
})
