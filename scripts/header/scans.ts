/**
 * `npm run eval -- header --scans DIR`: the header facts of real scans (and
 * photos) checked against hand-written expectation files, in the project's
 * check format (`test/support/expectations.ts`).
 *
 * DIR holds `docs/<name>.<pdf|png|jpg|…>` and `expect/<name>.json`, or both
 * side by side (`<name>.pdf` next to `<name>.json`). Each file is read
 * (OCR) once per reader version: the read file is stored under `.eval/`
 * (see `read-cache.ts`), so that iterating on the parser costs no OCR.
 * Prints the share of checks passed per field and per document, then every
 * failed check with the value read.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from '../../src/parse.js'
import {createOcrPool, read} from '../../src/read/index.js'
import {runChecks, type Check} from '../../test/support/expectations.js'
import {table} from '../table.js'
import {cachingPool, pageReaderVersion, pageStore} from './read-cache.js'

/** The fields the checks are grouped by, in table order. */
export const SCAN_FIELDS = ['type', 'number', 'date', 'place', 'issuer', 'title', 'addressees', 'signer', 'recipients', 'articles', 'other'] as const

/** A check's field, from its path. */
export function fieldOf(checkPath: string): (typeof SCAN_FIELDS)[number] {
  const head = /^document\.(\w+)/.exec(checkPath)?.[1]
  if (head === 'signatures') return 'signer'
  const known = SCAN_FIELDS.find((f) => f === head)
  return known ?? 'other'
}

/** A document of the folder: its name, input file and checks. */
export interface ScanCase {
  name: string
  input: string
  checks: Check[]
}

/** The cases of `dir`: expectation files with the input file of the same name. */
export function scanCases(dir: string): {cases: ScanCase[]; skipped: string[]} {
  const expectDir = existsSync(path.join(dir, 'expect')) ? path.join(dir, 'expect') : dir
  const docsDir = existsSync(path.join(dir, 'docs')) ? path.join(dir, 'docs') : dir
  const inputs = readdirSync(docsDir).filter((f) => !f.endsWith('.json') && !f.startsWith('.'))
  const cases: ScanCase[] = []
  const skipped: string[] = []
  for (const file of readdirSync(expectDir).filter((f) => f.endsWith('.json')).sort()) {
    const name = file.replace(/\.json$/, '')
    const spec = JSON.parse(readFileSync(path.join(expectDir, file), 'utf8')) as {input?: string; checks?: Check[]}
    if (!Array.isArray(spec.checks)) {
      skipped.push(`${file}: no checks`)
      continue
    }
    const named = spec.input ? path.basename(spec.input) : undefined
    const input = named && inputs.includes(named) ? named : inputs.find((f) => f.replace(/\.[^.]+$/, '') === name)
    if (!input) {
      skipped.push(`${file}: no input file named ${name}.* in ${docsDir}`)
      continue
    }
    cases.push({name, input: path.join(docsDir, input), checks: spec.checks})
  }
  return {cases, skipped}
}

const percent = (correct: number, total: number): string => (total === 0 ? '—' : `${correct}/${total} (${((correct / total) * 100).toFixed(1)}%)`)

/** Read, parse and check every case of `dir`; print the tables. */
export async function runScans(dir: string, options: {root: string; workers: number; dpi?: number; only?: string[]; dump?: string}): Promise<void> {
  const {cases: all, skipped} = scanCases(dir)
  const cases = options.only ? all.filter((c) => options.only!.includes(c.name)) : all
  if (cases.length === 0) throw new Error(`no scan with an expectation file in ${dir}`)
  const cacheDir = path.join(options.root, '.eval')
  const version = pageReaderVersion(options.root)
  const pool = cachingPool(createOcrPool({workers: options.workers}), cacheDir)
  const pageCache = pageStore(cacheDir, version)
  const byField = new Map<string, {correct: number; total: number}>()
  const documents: Array<Record<string, string | number>> = []
  const failures: string[] = []
  let readSeconds = 0
  let parseSeconds = 0
  let pages = 0
  try {
    for (const c of cases) {
      let started = performance.now()
      const file = await read(c.input, {ocr: pool, pageCache, ...(options.dpi ? {dpi: options.dpi} : {})})
      readSeconds += (performance.now() - started) / 1000
      pages += file.data.source?.pages ?? 0
      started = performance.now()
      const {output} = await parse(file)
      parseSeconds += (performance.now() - started) / 1000
      if (options.dump) {
        mkdirSync(options.dump, {recursive: true})
        writeFileSync(path.join(options.dump, `${c.name}.txt`), String(file.value))
        writeFileSync(path.join(options.dump, `${c.name}.json`), JSON.stringify(output, null, 1))
      }
      const results = runChecks(output, c.checks)
      for (const r of results) {
        const field = fieldOf(r.check.path)
        const sum = byField.get(field) ?? {correct: 0, total: 0}
        byField.set(field, {correct: sum.correct + (r.ok ? 1 : 0), total: sum.total + 1})
        if (!r.ok) {
          const wanted = 'equals' in r.check ? `= ${JSON.stringify(r.check.equals)}` : r.check.startsWith !== undefined ? `starts ${JSON.stringify(r.check.startsWith)}` : `has ${JSON.stringify(r.check.includes)}`
          failures.push(`- ${c.name} · ${r.check.path} ${wanted}: got ${JSON.stringify(r.actual)}`)
        }
      }
      const passed = results.filter((r) => r.ok).length
      documents.push({document: c.name, pages: file.data.source?.pages ?? 0, checks: percent(passed, results.length)})
    }
  } finally {
    await pool.terminate()
  }
  const rows: Array<Record<string, string>> = SCAN_FIELDS.filter((f) => byField.has(f)).map((field) => {
    const s = byField.get(field)!
    return {field, checks: percent(s.correct, s.total)}
  })
  const sums = [...byField.values()]
  const correct = sums.reduce((a, s) => a + s.correct, 0)
  const total = sums.reduce((a, s) => a + s.total, 0)
  rows.push({field: '**all**', checks: percent(correct, total)})
  process.stdout.write(table(rows))
  process.stdout.write('\n' + table(documents))
  process.stdout.write(
    `\n${cases.length} documents, ${pages} pages from ${dir}; OCR'd pages ${pageCache.stats.hits} from the cache (page reader ${version}), ${pageCache.stats.misses} read, with ${pool.stats.misses} OCR calls run and ${pool.stats.hits} from the cache; read ${readSeconds.toFixed(1)} s, parse ${parseSeconds.toFixed(1)} s (shared machine: indicative).\n`
  )
  if (skipped.length > 0) process.stdout.write(`\nSkipped:\n${skipped.map((s) => `- ${s}`).join('\n')}\n`)
  process.stdout.write(failures.length > 0 ? `\nFailed checks:\n${failures.join('\n')}\n` : '\nEvery check passes.\n')
}
