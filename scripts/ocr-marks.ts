/**
 * Learn how the Vietnamese OCR model gets marks wrong: render pages of the
 * training documents (Liberation Serif, the conditions of `npm run eval -- ocr`:
 * clean, noise, blur, dark, rotated and, for two pages in five, a phone photo),
 * read them with `read()` (tesseract.js, `vie` best_int, sohoa's
 * preprocessing), pair printed with read words and count how tones and
 * quality marks were read (`models/ocr-marks.json`; `sohoa train` turns the
 * counts into the model's marks channel). Only these counts are committed.
 *
 *   npm exec tsx scripts/ocr-marks.ts -- --corpus LEGAL_CORPUS_DIR [--pages 60]
 *     [--dev-pages 12] [--work DIR] [--out models/ocr-marks.json]
 *
 * Pages come from the documents the language model trains on; `--dev-pages`
 * more come from the held-out documents and are only used to print how much
 * restoring with the new counts helps at a few channel weights (never learned
 * from; the OCR eval's pages are other ones still). Seeded, and a page already
 * read in the work folder is reused, so a re-run gives the same counts.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {wordPairs} from '../src/diacritics/align.js'
import {isHeldOut, listCorpus, readCorpusFile} from '../src/diacritics/corpus.js'
import {loadModel} from '../src/diacritics/load-model.js'
import {countMarks, emptyMarksCounts, marksTableFromCounts} from '../src/diacritics/marks-channel.js'
import {restore} from '../src/diacritics/restore.js'
import {wordErrorRate} from '../src/read/error-rate.js'
import {createOcrPool, read} from '../src/read/index.js'
import {defaultFontDir, layoutPage, random, registerFonts, renderCondition, type Condition} from './make-read-fixtures.js'

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1] : undefined
}

/** The conditions besides the phone photo the shipped counts were made with (a fixed list: adding an eval condition must not change the counts). */
const others: Condition[] = ['clean', 'light-noise', 'heavy-noise', 'blurred', 'dark', 'rotated']

/** The condition of page `seed`: a phone photo two times in five, else one of the others. */
function conditionOf(next: () => number): Condition {
  if (next() < 0.4) return 'phone-jpeg'
  return others[Math.floor(next() * others.length)]
}

async function main(argv: string[]): Promise<void> {
  const corpus = option(argv, 'corpus')
  if (!corpus) throw new Error('usage: ocr-marks --corpus DIR [--pages N] [--dev-pages N] [--work DIR] [--out FILE]')
  const pages = Number(option(argv, 'pages') ?? 60)
  const devPages = Number(option(argv, 'dev-pages') ?? 12)
  const work = option(argv, 'work') ?? path.join(tmpdir(), 'sohoa-ocr-marks')
  const out = option(argv, 'out') ?? 'models/ocr-marks.json'
  registerFonts(option(argv, 'fonts') ?? defaultFontDir)
  mkdirSync(work, {recursive: true})
  const files = listCorpus([corpus]).filter((f) => f.fromFolder)
  const sets = {train: files.filter((f) => !isHeldOut(f.name)), dev: files.filter((f) => isHeldOut(f.name))}
  const pool = createOcrPool({workers: 2})
  const texts: Record<'train' | 'dev', Array<{truth: string; read: string}>> = {train: [], dev: []}
  try {
    for (const [set, count] of [['train', pages], ['dev', devPages]] as const) {
      const jobs = Array.from({length: count}, (_, page) => async () => {
        const base = path.join(work, `${set}-${String(page).padStart(3, '0')}`)
        if (!existsSync(`${base}.read.txt`)) {
          const seed = (set === 'train' ? 2000 : 6000) + page
          const next = random(seed)
          const docs = sets[set]
          const doc = docs[Math.floor(next() * docs.length)]
          const paragraphs = readCorpusFile(doc.path).split('\n').map((l) => l.trim()).filter(Boolean)
          const start = Math.floor(next() * Math.max(1, paragraphs.length - 30))
          const spec = layoutPage({paragraphs: paragraphs.slice(start, start + 30), height: 842})
          const condition = conditionOf(next)
          const file = await read(await renderCondition(spec, condition, seed), {ocr: pool})
          writeFileSync(`${base}.truth.txt`, spec.expected.join('\n') + '\n')
          writeFileSync(`${base}.read.txt`, String(file.value))
          process.stderr.write(`${set} page ${page}: ${doc.name}, ${condition}\n`)
        }
        texts[set][page] = {truth: readFileSync(`${base}.truth.txt`, 'utf8'), read: readFileSync(`${base}.read.txt`, 'utf8')}
      })
      // Two pages in flight: one per worker.
      let nextJob = 0
      await Promise.all([0, 1].map(async () => {
        while (nextJob < jobs.length) await jobs[nextJob++]()
      }))
    }
  } finally {
    await pool.terminate()
  }
  const pairs = texts.train.flatMap((t) => wordPairs(t.truth, t.read))
  const counts = countMarks(pairs, emptyMarksCounts(`tesseract.js vie best_int through read() on ${pages} rendered pages of the training documents (Liberation Serif; clean, noisy, blurred, dark, rotated, phone photos)`))
  writeFileSync(out, JSON.stringify(counts, null, 1) + '\n')
  process.stderr.write(`${pairs.length} word pairs, ${counts.pairs} with the same letters → ${out}\n`)

  if (texts.dev.length === 0) return
  const restorer = {...loadModel(), marks: marksTableFromCounts(counts)}
  const mean = (f: (t: {truth: string; read: string}) => number) => texts.dev.reduce((a, t) => a + f(t), 0) / texts.dev.length
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`
  process.stdout.write(`\nDev pages (${texts.dev.length}, held-out documents): WER as read ${pct(mean((t) => wordErrorRate(t.read, t.truth)))}\n`)
  for (const weight of [0.5, 0.75, 1, 1.5, 2]) {
    const wer = mean((t) => wordErrorRate(restore(t.read, {mode: 'marks', restorer, channelWeight: weight, details: false}).text, t.truth))
    process.stdout.write(`  restored in marks mode, channel weight ${weight}: ${pct(wer)}\n`)
  }
}

await main(process.argv.slice(2))
