/**
 * OCR speed and memory: tesseract.js (the `read` pool) against native
 * `tesseract` (Debian `tesseract-ocr`) on the same 300 dpi A4 page images
 * with the same traineddata (the npm package's `vie.traineddata.gz`,
 * gunzipped into a temporary --tessdata-dir), page segmentation mode 3, LSTM.
 * Then two pages in parallel on two cores, and peak RSS over many pages read
 * in one process with one shared pool (flat memory).
 *
 *   npm run bench -- ocr [--fonts DIR] [--pages 4] [--memory-pages 100]
 */
import {execFile} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {gunzipSync} from 'node:zlib'
import {canvasToGrey, defaultFontDir, greyToCanvas, layoutPage, registerFonts, renderCanvas, seedParagraphs} from '../make-read-fixtures.js'
import {toPgm} from '../../src/read/image/grey-image.js'
import {createOcrPool, defaultLangPath, read} from '../../src/read/index.js'
import {table} from '../table.js'

/** One-line title for `npm run bench`. */
export const title = 'OCR: tesseract.js vs native tesseract, s/page, two pages in parallel, peak RSS'

const run$ = promisify(execFile)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
function optionString(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const secs = (ms: number) => (ms / 1000).toFixed(2)

/** Full A4 pages of seed text (seeds 000, 001, 003, 004 in turn). */
function pages(count: number) {
  const out = []
  const seeds = ['000', '001', '003', '004'].map((n) => seedParagraphs(readFileSync(path.join(root, `fixtures/seed-${n}/input.txt`), 'utf8')))
  for (let i = 0; i < count; i++) {
    const paragraphs = seeds[i % seeds.length]
    const start = (Math.floor(i / seeds.length) * 25) % Math.max(1, paragraphs.length - 30)
    out.push(layoutPage({paragraphs: paragraphs.slice(start, start + 30), height: 842}))
  }
  return out
}

/** Print the tables. */
export async function run(args: string[]): Promise<void> {
  registerFonts(optionString(args, '--fonts') ?? defaultFontDir)
  const n = option(args, '--pages', 4)
  const memoryPages = option(args, '--memory-pages', 100)
  const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-bench-ocr-'))
  try {
    // Same images for both engines: greyscale PNG files (native) and the same pixels as PGM (tesseract.js).
    const files: string[] = []
    const pgms: Uint8Array[] = []
    for (const [i, spec] of pages(n).entries()) {
      const grey = canvasToGrey(renderCanvas(spec, 300))
      const file = path.join(tmp, `page-${i}.png`)
      writeFileSync(file, greyToCanvas(grey).encodeSync('png'))
      files.push(file)
      pgms.push(toPgm(grey))
    }
    const tessdata = path.join(tmp, 'tessdata')
    await run$('mkdir', ['-p', tessdata])
    writeFileSync(path.join(tessdata, 'vie.traineddata'), gunzipSync(readFileSync(path.join(defaultLangPath(), 'vie.traineddata.gz'))))
    const native = (file: string) =>
      run$('tesseract', [file, '-', '-l', 'vie', '--tessdata-dir', tessdata, '--psm', '3', '--oem', '1'], {env: {...process.env, OMP_THREAD_LIMIT: '1'}, maxBuffer: 1 << 24})

    // One page at a time.
    const nativeTimes: number[] = []
    for (const file of files) {
      const t = performance.now()
      await native(file)
      nativeTimes.push(performance.now() - t)
    }
    const single = createOcrPool({workers: 1})
    await single.recognize(pgms[0]) // worker start and model load, not counted
    const jsTimes: number[] = []
    const jsPngTimes: number[] = []
    for (const [i, pgm] of pgms.entries()) {
      let t = performance.now()
      await single.recognize(pgm, {deskew: false})
      jsTimes.push(performance.now() - t)
      t = performance.now()
      await single.recognize(readFileSync(files[i]), {deskew: false})
      jsPngTimes.push(performance.now() - t)
    }
    const readTimes: number[] = []
    for (const file of files) {
      const t = performance.now()
      await read(file, {ocr: single})
      readTimes.push(performance.now() - t)
    }
    await single.terminate()

    // Two pages in parallel on two cores.
    const pool = createOcrPool({workers: 2})
    await Promise.all([pool.recognize(pgms[0]), pool.recognize(pgms[1 % n])])
    let t = performance.now()
    await Promise.all(pgms.map((pgm) => pool.recognize(pgm, {deskew: false})))
    const jsParallel = (performance.now() - t) / n
    t = performance.now()
    for (let i = 0; i < files.length; i += 2) await Promise.all(files.slice(i, i + 2).map((f) => native(f)))
    const nativeParallel = (performance.now() - t) / n

    const ratio = median(jsTimes) / median(nativeTimes)
    process.stdout.write(
      table([
        {engine: 'native tesseract 5.3 (1 thread, same traineddata)', input: 'grey PNG', 's/page (median)': secs(median(nativeTimes)), 'two in parallel, s/page': secs(nativeParallel), 'vs native': '1.00×'},
        {engine: 'tesseract.js 7 (1 worker)', input: 'same pixels as PGM', 's/page (median)': secs(median(jsTimes)), 'two in parallel, s/page': secs(jsParallel), 'vs native': `${ratio.toFixed(2)}×`},
        {engine: 'tesseract.js 7 (1 worker)', input: 'same grey PNG', 's/page (median)': secs(median(jsPngTimes)), 'two in parallel, s/page': '—', 'vs native': `${(median(jsPngTimes) / median(nativeTimes)).toFixed(2)}×`},
        {engine: 'read() = preprocessing + tesseract.js', input: 'grey PNG file', 's/page (median)': secs(median(readTimes)), 'two in parallel, s/page': '—', 'vs native': `${(median(readTimes) / median(nativeTimes)).toFixed(2)}×`}
      ])
    )

    // Memory over many pages in one process, one shared pool.
    const rss: Array<Record<string, string | number>> = []
    let peak = 0
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }
    const timer = setInterval(sample, 50)
    const start = performance.now()
    const report = Math.max(1, Math.floor(memoryPages / 5))
    for (let i = 0; i < memoryPages; i += 2) {
      await Promise.all(files.slice(0, 2).map((_, k) => read(files[(i + k) % n], {ocr: pool})))
      sample()
      if ((i + 2) % report < 2 || i + 2 >= memoryPages) {
        rss.push({pages: Math.min(i + 2, memoryPages), 'RSS now, MB': Math.round(process.memoryUsage().rss / 2 ** 20), 'peak RSS so far, MB': Math.round(peak / 2 ** 20), 'elapsed, s': secs(performance.now() - start)})
      }
    }
    clearInterval(timer)
    await pool.terminate()
    process.stdout.write(`\nMemory: ${memoryPages} pages through read() (2 workers, one process):\n\n` + table(rss))
    process.stdout.write('\nTimed on a shared 2-core machine: other jobs may have run at the same time.\n')
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
}
