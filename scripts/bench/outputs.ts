/**
 * What the digitization outputs cost next to the parse they follow: the
 * time to read (OCR) and parse a scan, then to make its searchable PDF and
 * its review page, in one process, one after the other; the outputs' share
 * of the parse time is the figure to watch (≤ 10%).
 *
 *   npm run bench -- outputs [--inputs a.pdf,b.jpg,…] [--runs 2]
 *
 * Default inputs: the scanned PDF and the phone photo fixtures. The OCR
 * pool is started and warmed up before timing. Times on a shared machine
 * swing; the ratio, taken within one run, is the steadier figure.
 */
import {readFileSync} from 'node:fs'
import {loadavg} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {reviewPage, searchablePdf} from '../../src/outputs/index.js'
import {parseSync} from '../../src/parse.js'
import {createOcrPool, read} from '../../src/read/index.js'
import {table} from '../table.js'

/** One-line title of this benchmark. */
export const title = 'Outputs: searchable PDF and review page time against the parse time of a scan'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Run the benchmark and print its table. */
export async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--inputs')
  const listed = i >= 0 ? (args[i + 1] ?? '').split(',').filter(Boolean) : []
  const inputs = listed.length > 0 ? listed : [path.join(root, 'fixtures/read/scanned-pdf/input.pdf'), path.join(root, 'fixtures/read/phone-jpeg/input.jpg')]
  const r = args.indexOf('--runs')
  const runs = r >= 0 ? Number(args[r + 1]) : 1
  const pool = createOcrPool()
  const load = loadavg()[0]
  try {
    // Warm up: the OCR workers, the model, pdf.js, the font.
    const warm = readFileSync(inputs[0])
    const parsed = parseSync(await read(new VFile({path: inputs[0], value: warm}), {ocr: pool}))
    await searchablePdf(warm, parsed)
    await reviewPage(warm, parsed)
    const rows: Array<Record<string, string | number | null>> = []
    for (const input of inputs) {
      const bytes = readFileSync(input)
      for (let k = 0; k < runs; k++) {
        let t = performance.now()
        const result = parseSync(await read(new VFile({path: input, value: bytes}), {ocr: pool}))
        const parse = (performance.now() - t) / 1000
        t = performance.now()
        const pdf = await searchablePdf(bytes, result)
        const pdfSeconds = (performance.now() - t) / 1000
        t = performance.now()
        const html = await reviewPage(bytes, result)
        const reviewSeconds = (performance.now() - t) / 1000
        const pages = result.output.source.pages
        rows.push({
          input: path.basename(input),
          pages,
          'parse s': parse.toFixed(2),
          'pdf s': pdfSeconds.toFixed(3),
          'review s': reviewSeconds.toFixed(3),
          'outputs / parse': `${((100 * (pdfSeconds + reviewSeconds)) / parse).toFixed(1)}%`,
          'pdf KB': Math.round(pdf.pdf.length / 1024),
          'review KB': Math.round(html.length / 1024)
        })
      }
    }
    process.stdout.write(table(rows))
    process.stdout.write(`\nload average at start: ${load.toFixed(2)} (2 cores: above 2 the figures are inflated)\n`)
  } finally {
    await pool.terminate()
  }
}
