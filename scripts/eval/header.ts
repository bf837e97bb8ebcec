/**
 * `npm run eval -- header`: the header fields of scanned PDFs. Each document
 * is cut to its header, first paragraphs and closing block
 * (`scripts/header/excerpt.ts`), completed with the issuer and Quốc hiệu
 * lines the generator draws (`scripts/header/drawn-header.ts`), rendered as
 * an image-only PDF by the fixture generator, read back with `read()` (OCR)
 * and parsed. The truth is `parse()` of the same clean text; fields are
 * compared after NFC, one tone-mark placement and no whitespace
 * (`scripts/header/fields.ts`): a single value scores 0 or 1, a list one
 * per item (max of expected and read items).
 *
 * Documents: seeds 000, 001, 003 and 004, plus with `--corpus DIR` the
 * held-out documents of the diacritics model (`model.header.training.holdout`)
 * found in DIR that have a Quốc hiệu and for which the clean text gives a
 * number or a date (their lines are paragraphs: see `prepare`).
 *
 *   npm run eval -- header [--corpus DIR] [--noise none,light,heavy] [--dpi 300] [--seed 1] [--workers 1]
 *
 * With `--scans DIR` it checks real scans instead: the hand-checked facts of
 * `DIR/expect/*.json` against the files of `DIR/docs/` (or both side by side
 * in DIR), per field and per document (`scripts/header/scans.ts`; the read
 * files are cached in `.eval/`). `--only a,b` checks some documents only;
 * `--dump OUT` writes each document's read text and JSON output to OUT.
 *
 *   npm run eval -- header --scans DIR [--only NAME,…] [--dump OUT] [--dpi 300] [--workers 1]
 */
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadModel} from '../../src/diacritics/load-model.js'
import {makeFixture, NOISE_LEVELS, type NoiseLevel} from '../../src/fixture/index.js'
import {parse} from '../../src/parse.js'
import {createOcrPool, read} from '../../src/read/index.js'
import {withDrawnHeader} from '../header/drawn-header.js'
import {headerExcerpt} from '../header/excerpt.js'
import {runScans} from '../header/scans.js'
import {FIELDS, headerFields, scoreField, type Field, type FieldValue} from '../header/fields.js'
import {table} from '../table.js'

/** One-line title for `npm run eval`. */
export const title = 'Header fields of scanned PDFs: scan vs clean text, per noise level'

const root = fileURLToPath(new URL('../../', import.meta.url))
const SEEDS = ['000', '001', '003', '004']
const NATION = /CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM/u

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  if (i >= 0 && args[i + 1] !== undefined) return args[i + 1]
  const inline = args.find((a) => a.startsWith(`--${name}=`))
  return inline?.slice(name.length + 3)
}

/** A document to render: its name, the clean text drawn, and that text's fields. */
interface Doc {
  name: string
  text: string
  truth: Record<Field, FieldValue>
}

/**
 * Prepare a document: its excerpt, with the header lines the generator adds.
 * A corpus file writes one paragraph per line with no blank line between
 * them, and the generator joins a run of lines into one paragraph: such
 * lines are separated by blank lines first.
 */
async function prepare(name: string, full: string, paragraphPerLine = false): Promise<Doc> {
  const excerpt = headerExcerpt(full)
  const text = withDrawnHeader(paragraphPerLine ? excerpt.split('\n').filter((line) => line.trim() !== '').join('\n\n') + '\n' : excerpt)
  return {name, text, truth: headerFields((await parse(text)).output.document)}
}

/** The seeds, then the held-out corpus documents with an ND 30 header (the rest are listed as skipped). */
async function documents(corpus: string | undefined): Promise<{docs: Doc[]; skipped: string[]}> {
  const docs: Doc[] = []
  for (const seed of SEEDS) docs.push(await prepare(`seed-${seed}`, await readFile(path.join(root, `fixtures/seed-${seed}/input.txt`), 'utf8')))
  const skipped: string[] = []
  if (!corpus) return {docs, skipped}
  const holdout = (loadModel().model.header as {training?: {holdout?: {files?: string[]}}}).training?.holdout?.files ?? []
  for (const name of holdout) {
    const file = path.join(corpus, name)
    if (!existsSync(file)) {
      skipped.push(`${name}: not in ${corpus}`)
      continue
    }
    const full = await readFile(file, 'utf8')
    if (!NATION.test(full.slice(0, 3000))) {
      skipped.push(`${name}: no Quốc hiệu in its first 3000 characters`)
      continue
    }
    const doc = await prepare(name, full, true)
    if (doc.truth.number === null && doc.truth.date === null) {
      skipped.push(`${name}: the clean text gives no number and no date`)
      continue
    }
    docs.push(doc)
  }
  return {docs, skipped}
}

const show = (value: FieldValue): string => (value === null ? 'null' : JSON.stringify(value))
const percent = (correct: number, total: number): string => (total === 0 ? '—' : `${correct}/${total} (${((correct / total) * 100).toFixed(1)}%)`)

/** Render, read and score every document at each noise level; print the tables and the mismatches. */
export async function run(args: string[]): Promise<void> {
  const scans = option(args, 'scans')
  if (scans) {
    const dpi = option(args, 'dpi')
    await runScans(scans, {root, workers: Number(option(args, 'workers') ?? '1'), dpi: dpi ? Number(dpi) : undefined, only: option(args, 'only')?.split(','), dump: option(args, 'dump')})
    return
  }
  const levels = (option(args, 'noise') ?? 'none,light,heavy').split(',') as NoiseLevel[]
  for (const level of levels) if (!NOISE_LEVELS.includes(level)) throw new Error(`unknown noise level "${level}" (expected ${NOISE_LEVELS.join(', ')})`)
  const dpi = Number(option(args, 'dpi') ?? '300')
  const seed = Number(option(args, 'seed') ?? '1')
  const workers = Number(option(args, 'workers') ?? '1')
  const corpus = option(args, 'corpus')
  const {docs, skipped} = await documents(corpus)

  const scores = new Map<string, {correct: number; total: number}>()
  const timing: Array<Record<string, string | number>> = []
  const mismatches: string[] = []
  const pool = createOcrPool({workers})
  try {
    for (const noise of levels) {
      let pages = 0
      let renderSeconds = 0
      let readSeconds = 0
      for (const doc of docs) {
        let started = performance.now()
        const fixture = await makeFixture({text: doc.text}, {noise, seed, dpi})
        renderSeconds += (performance.now() - started) / 1000
        pages += fixture.pages.length
        started = performance.now()
        const {output} = await parse(await read(fixture.pdf, {ocr: pool}))
        readSeconds += (performance.now() - started) / 1000
        const got = headerFields(output.document)
        for (const field of FIELDS) {
          const score = scoreField(doc.truth[field], got[field])
          const key = `${noise}\t${field}`
          const sum = scores.get(key) ?? {correct: 0, total: 0}
          scores.set(key, {correct: sum.correct + score.correct, total: sum.total + score.total})
          if (score.correct === score.total) continue
          const detail = Array.isArray(doc.truth[field]) || Array.isArray(got[field])
            ? `${score.correct}/${score.total}; missing ${score.missing.map((m) => JSON.stringify(m)).join(', ') || '—'}; read instead ${score.extra.map((m) => JSON.stringify(m)).join(', ') || '—'}`
            : `expected ${show(doc.truth[field])}, got ${show(got[field])}`
          mismatches.push(`- ${noise} · ${doc.name} · ${field}: ${detail}`)
        }
      }
      timing.push({
        noise,
        documents: docs.length,
        pages,
        'render s': renderSeconds.toFixed(1),
        'read + parse s': readSeconds.toFixed(1),
        's/page': (readSeconds / pages).toFixed(2)
      })
    }
  } finally {
    await pool.terminate()
  }

  const rows = FIELDS.map((field) => {
    const row: Record<string, string> = {field: Array.isArray(docs[0]?.truth[field]) ? `${field} (items)` : field}
    for (const noise of levels) {
      const s = scores.get(`${noise}\t${field}`)!
      row[noise] = percent(s.correct, s.total)
    }
    return row
  })
  const all: Record<string, string> = {field: '**all fields**'}
  for (const noise of levels) {
    const sums = FIELDS.map((field) => scores.get(`${noise}\t${field}`)!)
    all[noise] = percent(
      sums.reduce((a, s) => a + s.correct, 0),
      sums.reduce((a, s) => a + s.total, 0)
    )
  }
  process.stdout.write(table([...rows, all]))
  process.stdout.write('\n' + table(timing))
  process.stdout.write(
    `\n${docs.length} documents (${docs.map((d) => d.name).join(', ')}), seed ${seed}, ${dpi} dpi, ${workers} OCR worker(s); s/page is read (render + OCR) and parse per page. A field neither text nor scan has is not counted. Shared 2-core machine: timings are indicative.\n`
  )
  if (skipped.length > 0) process.stdout.write(`\nSkipped corpus documents:\n${skipped.map((s) => `- ${s}`).join('\n')}\n`)
  process.stdout.write(mismatches.length > 0 ? `\nMismatches (scan vs clean text):\n${mismatches.join('\n')}\n` : '\nNo mismatches.\n')
}
