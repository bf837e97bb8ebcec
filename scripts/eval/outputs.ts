/**
 * Digitization outputs, against what they must keep:
 *
 * 1. Text: the word error rate of `pdftotext` (poppler; its reading order,
 *    and `-raw`: the content stream's order) of `sohoa pdf`'s output, next
 *    to that of `sohoa text`, on photos with known text (the phone photo
 *    fixtures, and `--photo FILE --expected FILE` pairs).
 * 2. Size and pages: for real scanned PDFs (`--scans FILE…`), page count
 *    and size of the searchable PDF against the input's; `--concat N` also
 *    joins the scans' pages (in the order given) into one N-page document,
 *    a stand-in for a long scanned plan.
 *
 *   npm run eval -- outputs [--scans a.pdf,b.pdf,…] [--concat 18 [--joined-only]] [--photo p.jpg,q.png --expected p.txt,q.txt] [--skip-photos]
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {PDFDocument} from 'pdf-lib'
import {VFile} from 'vfile'
import {searchablePdf} from '../../src/outputs/index.js'
import {parseSync} from '../../src/parse.js'
import {wordErrorRate} from '../../src/read/error-rate.js'
import {createOcrPool, read, type OcrPool} from '../../src/read/index.js'
import {restoredText} from '../../src/restored-text.js'
import {table} from '../table.js'

/** One-line title for `npm run eval`. */
export const title = 'Outputs: pdftotext of the searchable PDF vs sohoa text (WER); pages and size of searchable scans'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The comma-separated values of an option, over all its occurrences. */
function values(args: string[], name: string): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length - 1; i++) if (args[i] === name) out.push(...args[i + 1].split(',').filter(Boolean))
  return out
}

/** Run the evaluation and print its tables. */
export async function run(args: string[]): Promise<void> {
  const pool = createOcrPool()
  const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-eval-outputs-'))
  try {
    if (!args.includes('--skip-photos')) await photos(args, pool, tmp)
    const scans = values(args, '--scans')
    const concat = Number(values(args, '--concat')[0] ?? 0)
    if (scans.length === 0 && args.includes('--concat')) throw new Error('--concat joins the --scans: give them')
    if (scans.length > 0) await scanned(scans, concat, args.includes('--joined-only'), pool, tmp)
  } finally {
    await pool.terminate()
    rmSync(tmp, {recursive: true, force: true})
  }
}

async function photos(args: string[], pool: OcrPool, tmp: string): Promise<void> {
  const pairs: Array<[string, string]> = [
    [path.join(root, 'fixtures/read/phone-jpeg/input.jpg'), path.join(root, 'fixtures/read/phone-jpeg/expected.txt')],
    [path.join(root, 'fixtures/read/phone-desk/input.jpg'), path.join(root, 'fixtures/read/phone-desk/expected.txt')]
  ]
  const photoArgs = values(args, '--photo')
  const expectedArgs = values(args, '--expected')
  photoArgs.forEach((p, i) => expectedArgs[i] && pairs.push([p, expectedArgs[i]]))
  const rows: Array<Record<string, string | number | null>> = []
  for (const [input, expectedFile] of pairs) {
    const expected = readFileSync(expectedFile, 'utf8')
    const bytes = readFileSync(input)
    const file = await read(new VFile({path: input, value: bytes}), {ocr: pool})
    const text = restoredText(file)
    const made = await searchablePdf(bytes, parseSync(file))
    const out = path.join(tmp, path.basename(input) + '.pdf')
    writeFileSync(out, made.pdf)
    const reading = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], {encoding: 'utf8'})
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', out, '-'], {encoding: 'utf8'})
    const base = wordErrorRate(text, expected)
    rows.push({
      input: path.relative(root, input).startsWith('..') ? path.basename(input) : path.relative(root, input),
      words: expected.split(/\s+/).filter(Boolean).length,
      'sohoa text WER': pct(base),
      'pdftotext WER': pct(wordErrorRate(reading, expected)),
      'Δ (points)': points(wordErrorRate(reading, expected) - base),
      'pdftotext -raw WER': pct(wordErrorRate(raw, expected)),
      'Δ raw (points)': points(wordErrorRate(raw, expected) - base)
    })
  }
  process.stdout.write(table(rows) + '\n')
}

async function scanned(scans: string[], concat: number, joinedOnly: boolean, pool: OcrPool, tmp: string): Promise<void> {
  const inputs = joinedOnly && concat > 0 ? [] : [...scans]
  if (concat > 0) {
    const joined = await PDFDocument.create()
    for (const scan of scans) {
      const doc = await PDFDocument.load(readFileSync(scan), {updateMetadata: false})
      for (const page of await joined.copyPages(doc, doc.getPageIndices())) {
        if (joined.getPageCount() < concat) joined.addPage(page)
      }
      if (joined.getPageCount() >= concat) break
    }
    const file = path.join(tmp, `joined-${joined.getPageCount()}-pages.pdf`)
    writeFileSync(file, await joined.save())
    inputs.push(file)
  }
  const rows: Array<Record<string, string | number | null>> = []
  for (const input of inputs) {
    const bytes = readFileSync(input)
    const started = performance.now()
    const parsed = parseSync(await read(new VFile({path: input, value: bytes}), {ocr: pool, maxPages: 100}))
    const parseSeconds = (performance.now() - started) / 1000
    const t = performance.now()
    const made = await searchablePdf(bytes, parsed)
    const pdfSeconds = (performance.now() - t) / 1000
    const out = await PDFDocument.load(made.pdf, {updateMetadata: false})
    const pagesIn = (await PDFDocument.load(bytes, {updateMetadata: false})).getPageCount()
    rows.push({
      input: path.basename(input),
      'pages in': pagesIn,
      'pages out': out.getPageCount(),
      'text layers': made.layered.length,
      'MB in': mb(bytes.length),
      'MB out': mb(made.pdf.length),
      'size ×': (made.pdf.length / bytes.length).toFixed(3),
      'parse s': parseSeconds.toFixed(1),
      'pdf s': pdfSeconds.toFixed(2),
      notes: made.notes.join('; ') || null
    })
  }
  process.stdout.write(table(rows) + '\n')
}

function pct(x: number): string {
  return `${(100 * x).toFixed(2)}%`
}

function points(x: number): string {
  return (100 * x).toFixed(2)
}

function mb(n: number): string {
  return (n / 1024 ** 2).toFixed(2)
}
