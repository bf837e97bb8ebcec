/**
 * `npm run eval -- fixture`: render a seed text as a scan at each noise level
 * and read it back.
 *
 * Columns, per noise level (none, light, heavy):
 * - line CER: tesseract.js (vie, mode 3) on each page image, every OCR word
 *   put into the drawn line whose box holds it: independent of reading order.
 * - CER vs seed, layout order: those words in the layout's reading order
 *   against the seed text (its `*` marks and `----` row removed; the header's
 *   added issuer and Quốc hiệu count as insertions).
 * - CER vs seed, tesseract order: tesseract's own page text.
 * - CER vs seed, `sohoa text`: the library's `read()` of input.pdf.
 * - checks: `parse()` of that read against the expectations file, and of the
 *   clean text for comparison.
 *
 * Options: --input FILE (default fixtures/seed-000/input.txt), --expectations
 * FILE (default fixtures/seed-000/expectations.json), --noise a,b (default
 * none,light,heavy), --seed N, --dpi N. Timings come from a shared 2-core machine.
 */
import {spawnSync} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {cer, lineCer} from '../../src/fixture/cer.js'
import {makeFixture, type NoiseLevel} from '../../src/fixture/index.js'
import {createPageOcr} from '../../src/fixture/ocr-check.js'
import {parse} from '../../src/parse.js'
import {read} from '../../src/read/index.js'
import {runChecks, type Check} from '../../test/support/expectations.js'
import {table} from '../table.js'

/** Title of this evaluation. */
export const title = 'Fixture generator: scan of a seed text read back (CER, expectation checks)'

const root = fileURLToPath(new URL('../../', import.meta.url))

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`)
  if (i >= 0 && args[i + 1] !== undefined) return args[i + 1]
  const inline = args.find((a) => a.startsWith(`--${name}=`))
  return inline ? inline.slice(name.length + 3) : fallback
}

/** The seed text as it is drawn: Markdown `*` marks and `----` rule rows removed. */
function seedReference(text: string): string {
  return text
    .split('\n')
    .filter((line) => !(line.includes('\t') && line.split('\t').every((cell) => /^-*\s*$/.test(cell))))
    .join('\n')
    .replace(/\*/g, '')
}

const percent = (x: number): string => `${(x * 100).toFixed(2)}%`

/** Count the fonts `pdffonts` lists (null when poppler-utils is not installed). */
function pdffonts(file: string): number | null {
  const result = spawnSync('pdffonts', [file], {encoding: 'utf8'})
  if (result.error || result.status !== 0) return null
  return result.stdout.trim().split('\n').length - 2
}

/** Run the evaluation. */
export async function run(args: string[]): Promise<void> {
  const input = path.resolve(option(args, 'input', path.join(root, 'fixtures/seed-000/input.txt')))
  const expectationsFile = path.resolve(option(args, 'expectations', path.join(root, 'fixtures/seed-000/expectations.json')))
  const levels = option(args, 'noise', 'none,light,heavy').split(',') as NoiseLevel[]
  const seed = Number(option(args, 'seed', '1'))
  const dpi = Number(option(args, 'dpi', '300'))
  const text = await readFile(input, 'utf8')
  const reference = seedReference(text)
  const {checks} = JSON.parse(await readFile(expectationsFile, 'utf8')) as {checks: Check[]}
  const score = (output: unknown): string => {
    const results = runChecks(output, checks)
    return `${results.filter((r) => r.ok).length}/${results.length} (${percent(results.filter((r) => r.ok).length / results.length)})`
  }
  const clean = score((await parse(text)).output)
  const dir = await mkdtemp(path.join(tmpdir(), 'sohoa-eval-fixture-'))
  const ocr = await createPageOcr()
  const rows: Array<Record<string, string | number | null>> = []
  const failures: string[] = []
  try {
    for (const noise of levels) {
      let started = Date.now()
      const fixture = await makeFixture({text}, {noise, seed, dpi})
      const makeSeconds = (Date.now() - started) / 1000
      const pdfFile = path.join(dir, `${noise}.pdf`)
      await writeFile(pdfFile, fixture.pdf)

      started = Date.now()
      let errors = 0
      let length = 0
      let stray = 0
      const layoutOrder: string[] = []
      const tesseractOrder: string[] = []
      for (const [index, page] of fixture.pages.entries()) {
        const result = await ocr.recognize(page.image)
        const lines = fixture.truth.lines.filter((l) => l.page === index + 1)
        const counts = lineCer(lines, result.words)
        errors += counts.errors
        length += counts.length
        stray += counts.stray
        layoutOrder.push(...counts.details.map((d) => d.hypothesis))
        tesseractOrder.push(result.text)
      }
      const ocrSeconds = (Date.now() - started) / 1000

      started = Date.now()
      const file = await read(pdfFile)
      const readSeconds = (Date.now() - started) / 1000
      const {output} = await parse(file)
      const results = runChecks(output, checks)
      for (const r of results.filter((r) => !r.ok)) failures.push(`${noise}: ${r.check.path} = ${JSON.stringify(r.actual)}`)

      rows.push({
        noise,
        pages: fixture.pages.length,
        'PDF MB': (fixture.pdf.length / 1e6).toFixed(1),
        fonts: pdffonts(pdfFile),
        'line CER': percent(errors / length),
        'stray words': stray,
        'CER vs seed, layout order': percent(cer(layoutOrder.join('\n'), reference)),
        'CER vs seed, tesseract order': percent(cer(tesseractOrder.join('\n'), reference)),
        'CER vs seed, sohoa text': percent(cer(String(file.value), reference)),
        'route': file.data.source?.route ?? null,
        'checks (scan)': score(output),
        'checks (clean text)': clean,
        'make s': makeSeconds.toFixed(1),
        'tesseract s': ocrSeconds.toFixed(1),
        'read s': readSeconds.toFixed(1)
      })
    }
  } finally {
    await ocr.close()
    await rm(dir, {recursive: true, force: true})
  }
  process.stdout.write(table(rows))
  process.stdout.write(`\nInput ${path.relative(root, input)}, seed ${seed}, ${dpi} dpi; expectations ${path.relative(root, expectationsFile)}. Shared 2-core machine: timings are indicative.\n`)
  if (failures.length > 0) process.stdout.write(`\nFailed checks on the scans:\n${failures.map((f) => `- ${f}`).join('\n')}\n`)
}
