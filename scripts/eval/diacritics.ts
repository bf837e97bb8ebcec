/**
 * Evaluate the diacritics restorer:
 *   npm run eval -- diacritics --corpus LEGAL_DIR --corpus ADMIN_DIR --corpus WIKI_DIR \
 *     --gold fixtures/seed-002/gold-1-300.txt [--ocr-pages DIR] [--model FILE] [--split test|dev|all] [--errors N]
 *
 * Rows: (1) held-out corpus documents with their marks stripped, per domain (the corpus folder's
 * name) and for the local-government decisions among them, (2) seed 002 lines 1–300 (English-
 * model OCR output) against the gold, before and after, also by 2-fold cross-validation (the shipped
 * channel learned from those lines), and rendered held-out pages read by Tesseract (`--ocr-pages`,
 * made by `scripts/ocr-confusions.ts`), (3) held-out correct text restored as it is (share of
 * syllables changed; in auto mode, and in marks mode as pages sohoa OCR'd are), (4) speed and
 * memory of the real CLI (`node dist/bundle/sohoa.js restore`, built first) on the stripped held-out
 * documents. Held-out documents are those the model records (near-duplicates held out together);
 * `--split` picks the test half (default: never used for tuning), the development half, or both.
 * `--errors N` lists the N most frequent wrong restorations per domain. See the footnote for the measure.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {align, tokenDistance, wordPairs} from '../../src/diacritics/align.js'
import {Channel} from '../../src/diacritics/channel.js'
import {buildChannel, defaultConfusionsPath, defaultPairsWeight, readCounts} from '../../src/diacritics/channel-sources.js'
import {stripMarks} from '../../src/vietnamese/letters.js'
import {loadModel, type Restorer} from '../../src/diacritics/load-model.js'
import {canonical, isValidSyllable} from '../../src/vietnamese/orthography.js'
import {restore, type RestoreOptions} from '../../src/diacritics/restore.js'
import {tokenize} from '../../src/vietnamese/tokenize.js'
import {buildDist} from '../bench/cli.js'
import {table} from '../table.js'

/** One-line title for `npm run eval`. */
export const title = 'Diacritics restoration (issues 4, 13)'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** Options given on the command line. */
interface Args {
  corpora: string[]
  gold: string | null
  model: string | undefined
  ocrPages: string | null
  split: 'test' | 'dev' | 'all'
  errors: number
}

function parseArgs(args: string[]): Args {
  const all = (name: string) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] !== undefined ? [args[i + 1]] : []))
  const get = (name: string) => all(name)[0]
  const split = get('split') ?? 'test'
  if (split !== 'test' && split !== 'dev' && split !== 'all') throw new Error(`--split: expected test, dev or all, got ${split}`)
  return {corpora: all('corpus'), gold: get('gold') ?? null, model: get('model'), ocrPages: get('ocr-pages') ?? null, split, errors: Number(get('errors') ?? 0)}
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
export function score(gold: string, output: string, errors?: Map<string, number>): Score {
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
      else if (errors) {
        const key = `${form(a[i].text)} → ${j >= 0 ? form(b[j].text) : '∅'}`
        errors.set(key, (errors.get(key) ?? 0) + 1)
      }
    }
  }
  return {syllables, correct}
}

const pct = (x: number, n: number) => (n === 0 ? '—' : `${((100 * x) / n).toFixed(2)}%`)

/** A held-out document. */
interface HeldOutDoc {
  name: string
  domain: string
  text: string
}

/**
 * The model's held-out documents found in the corpus folders (domain = the folder's name), of the
 * chosen half; a document recorded but not found is an error naming it.
 */
function heldOut(corpora: string[], modelPath: string | undefined, split: Args['split']): HeldOutDoc[] {
  const {holdout} = loadModel(modelPath).model.header.training
  const development = new Set(holdout.development ?? [])
  const domains = holdout.domains ?? {[path.basename(path.resolve(corpora[0] ?? '.'))]: holdout.files}
  const docs: HeldOutDoc[] = []
  for (const corpus of corpora) {
    const domain = path.basename(path.resolve(corpus))
    for (const name of domains[domain] ?? []) {
      if (split === 'test' && development.has(name)) continue
      if (split === 'dev' && !development.has(name)) continue
      const file = path.join(corpus, name)
      if (!existsSync(file)) throw new Error(`${file}: held out by the model but not found`)
      docs.push({name, domain, text: readFileSync(file, 'utf8').normalize('NFC')})
    }
  }
  return docs
}

/** Whether a document is a decision of a people's committee (the genre of local-government decisions): its header names one and its type line is QUYẾT ĐỊNH. */
export function isLocalDecision(text: string): boolean {
  const head = text.split('\n', 12)
  return head.some((l) => /^(?:ỦY|UỶ) BAN NHÂN DÂN|^UBND /u.test(l.trim())) && head.some((l) => /^QUYẾT ĐỊNH(?:$|\s)/u.test(l.trim()))
}

/** Run `sohoa restore` (built CLI) on `file`; returns its stats line and wall time. */
export function measureCli(file: string, options: {mode?: string; model?: string} = {}): {wallMs: number; stats: Record<string, number>; output: string} {
  const args = [path.join(root, 'dist/bundle/sohoa.js'), 'restore', file, '--stats', '--mode', options.mode ?? 'auto']
  if (options.model) args.push('--model', options.model)
  const started = performance.now()
  const run = spawnSync(process.execPath, args, {encoding: 'utf8', maxBuffer: 1 << 30})
  const wallMs = performance.now() - started
  if (run.status !== 0) throw new Error(`sohoa restore failed: ${run.stderr}`)
  const statsLine = run.stderr.trim().split('\n').pop() ?? '{}'
  return {wallMs, stats: JSON.parse(statsLine) as Record<string, number>, output: run.stdout}
}


/** Run the evaluation and print its table. */
export async function run(argv: string[]): Promise<void> {
  const args = parseArgs(argv)
  const options: RestoreOptions = {model: args.model}
  const rows: Array<Record<string, string | number | null>> = []
  const row = (what: string, data: string, syllables: number, before: string | null, after: string, target: string) =>
    rows.push({measure: what, data, syllables, before, after, target})

  const docs = args.corpora.length > 0 ? heldOut(args.corpora, args.model, args.split) : []
  const half = args.split === 'all' ? 'held-out' : args.split === 'dev' ? 'held-out (development half)' : 'held-out (test half)'
  const groups = new Map<string, HeldOutDoc[]>()
  for (const doc of docs) {
    groups.set(doc.domain, [...(groups.get(doc.domain) ?? []), doc])
    if (isLocalDecision(doc.text)) groups.set('local-government decisions', [...(groups.get('local-government decisions') ?? []), doc])
  }
  const errorLists: Array<Record<string, string | number>> = []
  for (const [group, list] of groups) {
    // (1) Stripped held-out documents.
    let total: Score = {syllables: 0, correct: 0}
    let strippedBefore = 0
    const errors = new Map<string, number>()
    for (const doc of list) {
      const input = stripMarks(doc.text)
      const s = score(doc.text, restore(input, {...options, mode: 'stripped'}).text, errors)
      const b = score(doc.text, input)
      total = {syllables: total.syllables + s.syllables, correct: total.correct + s.correct}
      strippedBefore += b.correct
    }
    row(`(1) stripped text, syllable accuracy: ${group}`, `${list.length} ${half} documents`, total.syllables, pct(strippedBefore, total.syllables), pct(total.correct, total.syllables), group === 'local-government decisions' ? '≥ 99.3%' : '≥ 98.5%')
    if (args.errors > 0) {
      for (const [error, count] of [...errors].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, args.errors)) errorLists.push({group, error, count})
    }
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
  for (const [group, list] of groups) {
    // (3) Correct text restored as it is, in auto mode and in marks mode (as pages sohoa OCR'd are).
    let syllables = 0
    let changed = 0
    let marksChanged = 0
    for (const doc of list) {
      const s = score(doc.text, restore(doc.text, options).text)
      syllables += s.syllables
      changed += s.syllables - s.correct
      const m = score(doc.text, restore(doc.text, {...options, mode: 'marks'}).text)
      marksChanged += m.syllables - m.correct
    }
    row(`(3) correct text kept, syllables changed: ${group}`, `${list.length} ${half} documents (auto mode)`, syllables, null, pct(changed, syllables), '≤ 0.05%')
    row(`(3c) correct text kept, syllables changed: ${group}`, `${list.length} ${half} documents (marks mode, as for OCR'd pages)`, syllables, null, pct(marksChanged, syllables), '≤ 0.2%')
  }
  rows.sort((a, b) => (String(a.measure) < String(b.measure) ? -1 : String(a.measure) > String(b.measure) ? 1 : 0))
  process.stdout.write(table(rows))
  if (errorLists.length > 0) process.stdout.write('\nMost frequent errors (gold → output):\n\n' + table(errorLists))

  if (docs.length > 0) {
    // (4) Speed and memory through the real CLI.
    buildDist()
    const dir = mkdtempSync(path.join(tmpdir(), 'sohoa-eval-'))
    const file = path.join(dir, 'stripped.txt')
    // At least a million syllables: the documents again as often as needed.
    const stripped = docs.map((d) => stripMarks(d.text)).join('\n\n')
    const count = (stripped.match(/\p{L}+/gu) ?? []).length
    const times = Math.max(1, Math.ceil(1e6 / Math.max(1, count)))
    writeFileSync(file, Array.from({length: times}, () => stripped).join('\n\n'))
    const m = measureCli(file, {model: args.model})
    const ocrFile = path.join(dir, 'ocr.txt')
    writeFileSync(ocrFile, readFileSync(path.join(root, 'fixtures/seed-002/input.txt'), 'utf8'))
    const o = measureCli(ocrFile, {model: args.model, mode: 'ocr'})
    process.stdout.write(
      '\n' +
        table([
          speedRow(`(4) \`sohoa restore\` on the stripped ${half} documents${times > 1 ? ` (× ${times})` : ''}`, m.stats.syllables, m),
          speedRow('(4b) `sohoa restore --mode ocr` on seed 002 (English-model OCR output, 745 lines)', o.stats.syllables, o)
        ])
    )
  }
  process.stdout.write(
    '\nSyllable accuracy: the gold text and the output are compared line by line; their word tokens are aligned ' +
      '(one to one, by edit distance of the letters without marks), and each gold token that is a valid Vietnamese ' +
      'syllable counts as correct when the aligned output token is the same word after NFC, lowercasing and moving ' +
      'the tone mark to one convention (so `hoà` = `hòa`). "before" is the input itself scored the same way. ' +
      'Held-out documents: the ~10% of the corpora the model never trained on, near-duplicates (same title, or ≥ 30% of ' +
      'word 8-grams shared) held out together, as recorded in the model; the development half was used for tuning, the test half never. ' +
      'Local-government decisions: held-out documents whose header names a people\'s committee (ỦY BAN NHÂN DÂN, UBND) and whose type line is QUYẾT ĐỊNH. Timings on a shared 2-core machine; syllables/s per core = syllables / CPU time of ' +
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
    'restore only, syllables/s (wall)': Math.round(syllables / (m.stats.restoreMs / 1000)),
    'peak RSS MB': m.stats.maxRssMB
  }
}
