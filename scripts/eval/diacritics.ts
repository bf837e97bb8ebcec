/**
 * Evaluate the diacritics restorer:
 *   npm run eval -- diacritics --corpus LEGAL_CORPUS_DIR --gold fixtures/seed-002/gold-1-300.txt \
 *     [--ocr-pages DIR] [--model FILE]
 *
 * Rows: (1) held-out corpus documents with their marks stripped, (2) seed 002 lines 1–300 (English-
 * model OCR output) against the gold, before and after, also by 2-fold cross-validation (the shipped
 * channel learned from those lines), and rendered held-out pages read by Tesseract (`--ocr-pages`,
 * made by `scripts/ocr-confusions.ts`), (3) held-out correct text restored as it is
 * (share of syllables changed; in auto mode, and in marks mode as pages sohoa OCR'd are), (4) speed and memory of the real CLI (`node dist/cli/index.js
 * restore`, built first) on the stripped held-out documents. See the footnote for the measure.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {align, tokenDistance, wordPairs} from '../../src/diacritics/align.js'
import {Channel} from '../../src/diacritics/channel.js'
import {buildChannel, defaultConfusionsPath, defaultPairsWeight, readCounts} from '../../src/diacritics/channel-sources.js'
import {stripMarks} from '../../src/diacritics/letters.js'
import {loadModel, type Restorer} from '../../src/diacritics/load-model.js'
import {canonical, isValidSyllable} from '../../src/diacritics/orthography.js'
import {restore, type RestoreOptions} from '../../src/diacritics/restore.js'
import {tokenize} from '../../src/diacritics/tokenize.js'
import {table} from '../table.js'

/** One-line title for `npm run eval`. */
export const title = 'Diacritics restoration (issue 4)'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Options given on the command line. */
interface Args {
  corpus: string | null
  gold: string | null
  model: string | undefined
  ocrPages: string | null
}

function parseArgs(args: string[]): Args {
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
  }
  return {corpus: get('corpus') ?? null, gold: get('gold') ?? null, model: get('model'), ocrPages: get('ocr-pages') ?? null}
}

/** Syllable counts of an output against its gold. */
export interface Score {
  syllables: number
  correct: number
}

/** The comparison form of a word: NFC, lowercase, tone moved to the output convention. */
const form = (word: string) => canonical(word.normalize('NFC').toLowerCase())

/**
 * Score `output` against `gold` line by line: the word tokens of each gold line are aligned with
 * those of the output line (edit distance on mark-free letters), and each gold token that is a
 * valid Vietnamese syllable counts as correct when its aligned token has the same form.
 */
export function score(gold: string, output: string): Score {
  const g = gold.split('\n')
  const o = output.split('\n')
  let syllables = 0
  let correct = 0
  for (let l = 0; l < g.length; l++) {
    const a = tokenize(g[l]).filter((t) => t.kind !== 'punct')
    const b = tokenize(o[l] ?? '').filter((t) => t.kind !== 'punct')
    const same = a.length === b.length
    const pairs: Array<[number, number]> = same ? a.map((_, i) => [i, i]) : align(a, b, (x, y) => tokenDistance(x.text, y.text), 0.7)
    for (const [i, j] of pairs) {
      if (i < 0 || a[i].kind !== 'word' || !isValidSyllable(a[i].text)) continue
      syllables++
      if (j >= 0 && form(a[i].text) === form(b[j].text)) correct++
    }
  }
  return {syllables, correct}
}

const pct = (x: number, n: number) => (n === 0 ? '—' : `${((100 * x) / n).toFixed(2)}%`)

/** Held-out documents of the model found in the corpus folder. */
function heldOut(corpus: string, modelPath: string | undefined): Array<{name: string; text: string}> {
  const names = loadModel(modelPath).model.header.training.holdout.files
  return names.map((name) => ({name, text: readFileSync(path.join(corpus, name), 'utf8').normalize('NFC')}))
}

/** Run `sohoa restore` (built CLI) on `file`; returns its stats line and wall time. */
export function measureCli(file: string, options: {mode?: string; model?: string} = {}): {wallMs: number; stats: Record<string, number>; output: string} {
  const args = [path.join(root, 'dist/cli/index.js'), 'restore', file, '--stats', '--mode', options.mode ?? 'auto']
  if (options.model) args.push('--model', options.model)
  const started = performance.now()
  const run = spawnSync(process.execPath, args, {encoding: 'utf8', maxBuffer: 1 << 30})
  const wallMs = performance.now() - started
  if (run.status !== 0) throw new Error(`sohoa restore failed: ${run.stderr}`)
  const statsLine = run.stderr.trim().split('\n').pop() ?? '{}'
  return {wallMs, stats: JSON.parse(statsLine) as Record<string, number>, output: run.stdout}
}

/** Build `dist/` so the CLI measured is the current code. */
export function build(): void {
  execFileSync('npm', ['run', '--silent', 'build'], {cwd: root, stdio: 'ignore'})
}

/** Run the evaluation and print its table. */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv)
  const options: RestoreOptions = {model: args.model}
  const rows: Array<Record<string, string | number | null>> = []
  const row = (what: string, data: string, syllables: number, before: string | null, after: string, target: string) =>
    rows.push({measure: what, data, syllables, before, after, target})

  const docs = args.corpus ? heldOut(args.corpus, args.model) : []
  if (args.corpus) {
    // (1) Stripped held-out documents.
    let total: Score = {syllables: 0, correct: 0}
    let strippedBefore = 0
    for (const doc of docs) {
      const input = stripMarks(doc.text)
      const s = score(doc.text, restore(input, {...options, mode: 'stripped'}).text)
      const b = score(doc.text, input)
      total = {syllables: total.syllables + s.syllables, correct: total.correct + s.correct}
      strippedBefore += b.correct
    }
    row('(1) stripped text, syllable accuracy', `${docs.length} held-out corpus documents`, total.syllables, pct(strippedBefore, total.syllables), pct(total.correct, total.syllables), '≥ 98.5%')
  }
  if (args.gold) {
    const gold = readFileSync(args.gold, 'utf8').normalize('NFC').replace(/\n$/, '')
    const lines = gold.split('\n').length
    const input = readFileSync(path.join(root, 'fixtures/seed-002/input.txt'), 'utf8').normalize('NFC').split('\n').slice(0, lines).join('\n')
    const before = score(gold, input)
    for (const mode of ['ocr', 'auto'] as const) {
      const after = score(gold, restore(input, {...options, mode}).text)
      row(`(2) OCR text (${mode} mode), syllable accuracy`, `seed 002 lines 1–${lines} vs gold (the shipped channel learned from these lines)`, after.syllables, pct(before.correct, before.syllables), pct(after.correct, after.syllables), '≥ 90%')
    }
    // 2-fold cross-validation: the channel learns from one half of the lines (plus the rendered
    // pages), the other half is restored; the model's own channel has seen all of lines 1–300.
    const restorer = loadModel(args.model)
    const base = readCounts(defaultConfusionsPath)
    const g = gold.split('\n')
    const r = input.split('\n')
    const half = Math.floor(g.length / 2)
    const folds: Array<[number, number]> = [[0, half], [half, g.length]]
    let cv: Score = {syllables: 0, correct: 0}
    folds.forEach(([from, to], f) => {
      const [otherFrom, otherTo] = folds[1 - f]
      const pairs = wordPairs(g.slice(otherFrom, otherTo).join('\n'), r.slice(otherFrom, otherTo).join('\n'))
      const table = buildChannel(base, pairs, defaultPairsWeight, 'other half')!
      const variant: Restorer = {...restorer, channel: new Channel(table, restorer.model), ocrCache: new Map()}
      const s = score(g.slice(from, to).join('\n'), restore(r.slice(from, to).join('\n'), {...options, mode: 'ocr', restorer: variant}).text)
      cv = {syllables: cv.syllables + s.syllables, correct: cv.correct + s.correct}
    })
    row('(2b) OCR text, 2-fold cross-validation', `seed 002 lines 1–${lines}: each half restored by a channel that saw only the other half`, cv.syllables, pct(before.correct, before.syllables), pct(cv.correct, cv.syllables), '≥ 90%')
    const stripped = stripMarks(gold)
    const s = score(gold, restore(stripped, {...options, mode: 'stripped'}).text)
    row('(1b) stripped text, syllable accuracy', `seed 002 gold lines 1–${lines}, marks stripped (not trained on)`, s.syllables, pct(score(gold, stripped).correct, s.syllables), pct(s.correct, s.syllables), '≥ 98.5%')
    const kept = score(gold, restore(gold, options).text)
    row('(3b) correct text kept, syllables changed', `seed 002 gold lines 1–${lines} (auto mode)`, kept.syllables, null, pct(kept.syllables - kept.correct, kept.syllables), '≤ 0.2%')
  }
  if (args.ocrPages) {
    // Rendered held-out documents read by Tesseract's English model (`scripts/ocr-confusions.ts --dev-pages`).
    let total: Score = {syllables: 0, correct: 0}
    let before = 0
    const pages = readdirSync(args.ocrPages).filter((f) => f.startsWith('dev-') && f.endsWith('.ocr.txt')).sort()
    for (const page of pages) {
      const truth = readFileSync(path.join(args.ocrPages, page.replace('.ocr.txt', '.truth.txt')), 'utf8').split('\n').filter((l) => l.trim())
      const read = readFileSync(path.join(args.ocrPages, page), 'utf8').normalize('NFC').split('\n').filter((l) => l.trim())
      const out = restore(read.join('\n'), {...options, mode: 'ocr'}).text.split('\n')
      const pairs = align(truth, read, tokenDistance, 0.8).filter(([i, j]) => i >= 0 && j >= 0)
      const goldText = pairs.map(([i]) => truth[i]).join('\n')
      const s = score(goldText, pairs.map(([, j]) => out[j]).join('\n'))
      before += score(goldText, pairs.map(([, j]) => read[j]).join('\n')).correct
      total = {syllables: total.syllables + s.syllables, correct: total.correct + s.correct}
    }
    row('(2c) OCR text, rendered pages', `${pages.length} pages of held-out documents read by Tesseract eng (150–300 dpi, noise)`, total.syllables, pct(before, total.syllables), pct(total.correct, total.syllables), '—')
  }
  if (args.corpus) {
    // (3) Correct text restored as it is.
    let syllables = 0
    let changed = 0
    for (const doc of docs) {
      const s = score(doc.text, restore(doc.text, options).text)
      syllables += s.syllables
      changed += s.syllables - s.correct
    }
    row('(3) correct text kept, syllables changed', `${docs.length} held-out corpus documents (auto mode)`, syllables, null, pct(changed, syllables), '≤ 0.2%')
    // (3c) The same in marks mode, as pages sohoa OCR'd are restored: what checking every word's marks costs on right text.
    let marksChanged = 0
    for (const doc of docs) {
      const s = score(doc.text, restore(doc.text, {...options, mode: 'marks'}).text)
      marksChanged += s.syllables - s.correct
    }
    row('(3c) correct text kept, syllables changed', `${docs.length} held-out corpus documents (marks mode, as for OCR'd pages)`, syllables, null, pct(marksChanged, syllables), '≤ 0.2%')
  }
  rows.sort((a, b) => (String(a.measure) < String(b.measure) ? -1 : String(a.measure) > String(b.measure) ? 1 : 0))
  process.stdout.write(table(rows))

  if (args.corpus) {
    // (4) Speed and memory through the real CLI.
    build()
    const dir = mkdtempSync(path.join(tmpdir(), 'sohoa-eval-'))
    const file = path.join(dir, 'stripped.txt')
    writeFileSync(file, docs.map((d) => stripMarks(d.text)).join('\n\n'))
    const m = measureCli(file, {model: args.model})
    const syllables = m.stats.syllables
    process.stdout.write('\n' + table([speedRow('(4) `sohoa restore` on the stripped held-out documents', syllables, m)]))
  }
  process.stdout.write(
    '\nSyllable accuracy: the gold text and the output are compared line by line; their word tokens are aligned ' +
      '(one to one, by edit distance of the letters without marks), and each gold token that is a valid Vietnamese ' +
      'syllable counts as correct when the aligned output token is the same word after NFC, lowercasing and moving ' +
      'the tone mark to one convention (so `hoà` = `hòa`). "before" is the input itself scored the same way. ' +
      'Held-out documents: the ~10% of the corpus the model never trained on (first byte of sha1(file name) < 26), ' +
      'as recorded in the model. Timings on a shared 2-core machine; syllables/s per core = syllables / CPU time of ' +
      'the whole `sohoa restore` process (start, model load, reading, restoring, writing).\n'
  )
}

/** A table row for a CLI speed measurement. */
export function speedRow(what: string, syllables: number, m: ReturnType<typeof measureCli>): Record<string, string | number> {
  return {
    measure: what,
    syllables,
    'wall s': (m.wallMs / 1000).toFixed(2),
    'CPU s': (m.stats.cpuMs / 1000).toFixed(2),
    'syllables/s per core (CPU)': Math.round(syllables / (m.stats.cpuMs / 1000)),
    'syllables/s (wall)': Math.round(syllables / (m.wallMs / 1000)),
    'model load ms': m.stats.modelLoadMs,
    'peak RSS MB': m.stats.maxRssMB
  }
}
