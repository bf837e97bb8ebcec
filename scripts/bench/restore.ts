/**
 * Benchmark `sohoa restore` end to end (the built CLI, model load included):
 *   npm run bench -- restore [--corpus CORPUS_DIR]… [--model FILE] [--ocr-pages DIR]
 *
 * Inputs: stripped text (the model's held-out documents found in the --corpus folders, else the
 * fixture seeds 000, 001, 003, 004, repeated to at least a million syllables), the same text with
 * its marks (auto mode leaves it alone), OCR output in OCR mode (seed 002, and the English-model
 * tesseract output of the 19 real scans, fixtures/bench/real-scans-eng; with `--ocr-pages`, the
 * English-model OCR of rendered held-out pages that `scripts/ocr-confusions.ts --dev-pages` wrote
 * there, `dev-*.ocr.txt`; the OCR text at hand repeated to a million syllables, as the
 * stripped text is; and the stripped text's documents damaged letter by letter as the OCR
 * confusion counts say, `ocr-damage.ts`: a million syllables and more, no two damaged alike)
 * and a two-word file (the fixed cost of a run). Targets of issue 13 in the last column; then
 * each OCR file's marginal rate (its CPU beyond the two-word run's); then many OCR texts (the
 * real scans' text cut into files of 133 lines, and seed 002) restored by one `sohoa restore
 * --out` run against a run per file.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {stripMarks} from '../../src/vietnamese/letters.js'
import {defaultConfusionsPath, readCounts} from '../../src/diacritics/channel-sources.js'
import {candidateTablePath} from '../../src/diacritics/candidate-table.js'
import {defaultModelPath, loadModel} from '../../src/diacritics/load-model.js'
import {measureCli, speedRow} from '../eval/diacritics.js'
import {buildDist} from './cli.js'
import {table} from '../table.js'
import {damage} from './ocr-damage.js'

/** One-line title for `npm run bench`. */
export const title = '`sohoa restore` throughput and memory (issue 4)'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Run the benchmark and print its table. */
export async function run(args: string[]): Promise<void> {
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
  }
  const corpora = args.flatMap((a, i) => (a === '--corpus' && args[i + 1] !== undefined ? [args[i + 1]] : []))
  const model = get('model')
  let marked: string
  let source: string
  if (corpora.length > 0) {
    const names = loadModel(model).model.header.training.holdout.files
    const texts = names.flatMap((n) => corpora.map((c) => path.join(c, n)).filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8').normalize('NFC')))
    marked = texts.join('\n\n')
    source = `${texts.length} held-out corpus documents`
  } else {
    const seeds = ['000', '001', '003', '004'].map((s) => readFileSync(path.join(root, `fixtures/seed-${s}/input.txt`), 'utf8').normalize('NFC'))
    marked = Array.from({length: 40}, () => seeds.join('\n\n')).join('\n\n')
    source = 'fixture seeds 000, 001, 003, 004 × 40'
  }
  // At least a million syllables, as issue 13 measures.
  const count = (marked.match(/\p{L}+/gu) ?? []).length
  const times = Math.max(1, Math.ceil(1e6 / Math.max(1, count)))
  if (times > 1) {
    marked = Array.from({length: times}, () => marked).join('\n\n')
    source += ` × ${times}`
  }
  const ocr = readFileSync(path.join(root, 'fixtures/seed-002/input.txt'), 'utf8')
  const scans = readFileSync(path.join(root, 'fixtures/bench/real-scans-eng/input.txt'), 'utf8')
  const pagesDir = get('ocr-pages')
  const pages = pagesDir
    ? readdirSync(pagesDir)
        .filter((f) => f.startsWith('dev-') && f.endsWith('.ocr.txt'))
        .sort()
        .map((f) => readFileSync(path.join(pagesDir, f), 'utf8'))
    : []
  if (pagesDir && pages.length === 0) throw new Error(`${pagesDir}: no dev-*.ocr.txt pages (made by scripts/ocr-confusions.ts --dev-pages N --work DIR)`)
  // The OCR text at hand, again and again to a million syllables (its distinct damaged tokens are searched once).
  const ocrText = [scans, ocr, ...pages].join('\n\n')
  const ocrTimes = Math.ceil(1e6 / (ocrText.match(/\p{L}+/gu) ?? []).length)
  buildDist()
  const dir = mkdtempSync(path.join(tmpdir(), 'sohoa-bench-'))
  const files = {
    stripped: path.join(dir, 'stripped.txt'),
    marked: path.join(dir, 'marked.txt'),
    ocr: path.join(dir, 'ocr.txt'),
    scans: path.join(dir, 'scans.txt'),
    pages: path.join(dir, 'pages.txt'),
    ocrMillion: path.join(dir, 'ocr-million.txt'),
    damaged: path.join(dir, 'damaged.txt'),
    tiny: path.join(dir, 'tiny.txt')
  }
  writeFileSync(files.stripped, stripMarks(marked))
  writeFileSync(files.marked, marked)
  writeFileSync(files.ocr, ocr)
  writeFileSync(files.scans, scans)
  writeFileSync(files.pages, pages.join('\n\n'))
  writeFileSync(files.ocrMillion, Array.from({length: ocrTimes}, () => ocrText).join('\n\n'))
  writeFileSync(files.damaged, damage(marked, readCounts(defaultConfusionsPath)))
  writeFileSync(files.tiny, 'xin chao\n')
  const rows = []
  const cpu: Record<string, {syllables: number; cpuMs: number}> = {}
  for (const [what, file, mode, target] of [
    [`stripped text, auto mode (${source})`, files.stripped, 'auto', '≥ 200000 syllables/s per core; load ≤ 150 ms'],
    [`correct text, auto mode (${source})`, files.marked, 'auto', ''],
    ['English-model OCR output, ocr mode (seed 002, 745 lines)', files.ocr, 'ocr', '≥ 20000 syllables/s per core'],
    ['English-model OCR of the 19 real scans, ocr mode (58 pages)', files.scans, 'ocr', '≥ 20000 syllables/s per core'],
    ...(pages.length > 0 ? ([[`English-model OCR of ${pages.length} rendered pages of held-out documents, ocr mode`, files.pages, 'ocr', '≥ 20000 syllables/s per core']] as const) : []),
    [`OCR output at hand (real scans, seed 002${pages.length > 0 ? ', rendered pages' : ''}) × ${ocrTimes}, ocr mode`, files.ocrMillion, 'ocr', '≥ 20000 syllables/s per core'],
    [`OCR-like damage drawn letter by letter from models/ocr-confusions.json (${source}), ocr mode`, files.damaged, 'ocr', '≥ 20000 syllables/s per core'],
    ['two words, ocr mode (the fixed cost of a run; both are in the table of OCR candidates: no search)', files.tiny, 'ocr', '']
  ] as const) {
    const m = measureCli(file, {mode, model})
    cpu[file] = {syllables: m.stats.syllables, cpuMs: m.stats.cpuMs}
    rows.push({...speedRow(what, m.stats.syllables, m), target})
  }
  process.stdout.write(table(rows))
  const fixed = cpu[files.tiny].cpuMs
  const marginal = (file: string) => Math.round(cpu[file].syllables / ((cpu[file].cpuMs - fixed) / 1000))
  process.stdout.write(
    `\nOCR mode beyond the fixed cost of a run (CPU minus the two-word run's ${(fixed / 1000).toFixed(2)} s): ` +
      `seed 002 ${marginal(files.ocr)}, real scans ${marginal(files.scans)}${pages.length > 0 ? `, rendered pages ${marginal(files.pages)}` : ''} syllables/s per core.\n`
  )
  process.stdout.write(`\n${manyFiles(dir, [...cut(scans, 133), ocr], model)}`)
  rmSync(dir, {recursive: true, force: true})
  const size = statSync(model ?? defaultModelPath).size
  const tableFile = candidateTablePath(model ?? defaultModelPath)
  const beside = existsSync(tableFile) ? `; beside it the OCR candidates searched ahead of time, ${(statSync(tableFile).size / 1e6).toFixed(2)} MB (read only in OCR mode)` : ''
  process.stdout.write(`\nModel file: ${(size / 1e6).toFixed(2)} MB (target ≤ 40 MB)${beside}.\n`)
  process.stdout.write('\nShared 2-core machine; CPU time is the whole `sohoa restore` process (start, model load, read, restore, write).\n')
}

/** `text` in pieces of `lines` lines. */
function cut(text: string, lines: number): string[] {
  const all = text.split('\n')
  return Array.from({length: Math.ceil(all.length / lines)}, (_, i) => all.slice(i * lines, (i + 1) * lines).join('\n'))
}

/** The table of `texts` restored in OCR mode by one `sohoa restore FOLDER --out` run and by a run per file. */
function manyFiles(dir: string, texts: string[], model: string | undefined): string {
  const folder = path.join(dir, 'many')
  mkdirSync(folder)
  const files = texts.map((text, i) => path.join(folder, `${String(i).padStart(2, '0')}.txt`))
  files.forEach((file, i) => writeFileSync(file, texts[i]))
  const started = performance.now()
  const args = [path.join(root, 'dist/bundle/sohoa.js'), 'restore', folder, '--out', path.join(dir, 'many-out'), '--mode', 'ocr', '--stats', '-q', ...(model ? ['--model', model] : [])]
  const one = spawnSync(process.execPath, args, {encoding: 'utf8'})
  if (one.status !== 0) throw new Error(`sohoa restore --out failed: ${one.stderr}`)
  const oneWallMs = performance.now() - started
  const stats = JSON.parse(one.stderr.trim().split('\n').pop()!) as {syllables: number; cpuMs: number}
  let eachCpuMs = 0
  let eachWallMs = 0
  for (const file of files) {
    const m = measureCli(file, {mode: 'ocr', model})
    eachCpuMs += m.stats.cpuMs
    eachWallMs += m.wallMs
  }
  const row = (how: string, cpuMs: number, wallMs: number) => ({
    run: how,
    files: files.length,
    syllables: stats.syllables,
    'wall s': (wallMs / 1000).toFixed(2),
    'CPU s': (cpuMs / 1000).toFixed(2),
    'syllables/s per core (CPU)': Math.round(stats.syllables / (cpuMs / 1000)),
    target: '≥ 20000 syllables/s per core'
  })
  return (
    `Many OCR texts (the real scans' text in files of 133 lines, and seed 002), ocr mode:\n\n` +
    table([row('one `sohoa restore FOLDER --out DIR` run', stats.cpuMs, oneWallMs), row('one `sohoa restore FILE` run per file', eachCpuMs, eachWallMs)])
  )
}
