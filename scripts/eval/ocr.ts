/**
 * OCR quality per condition (before restoration): pages rendered from the
 * seeds in Liberation Serif at 300 dpi (the phone photo at 150 dpi), degraded
 * (noise, blur, dark, rotation, phone JPEG), read with `read()` (tesseract.js,
 * Vietnamese best_int model), scored by CER and WER against the rendered text.
 * A second table switches preprocessing steps off one at a time.
 *
 *   npm run eval -- ocr [--fonts DIR] [--conditions clean,dark] [--no-ablation]
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {characterErrorRate, wordErrorRate} from '../../src/read/error-rate.js'
import {createOcrPool, read, type PreprocessOptions} from '../../src/read/index.js'
import {restoredText} from '../../src/restored-text.js'
import {table} from '../table.js'
import {conditions, defaultFontDir, fixturePages, layoutPage, registerFonts, renderCondition, seedParagraphs, type Condition, type PageSpec} from '../make-read-fixtures.js'

/** One-line title for `npm run eval`. */
export const title = 'OCR: CER/WER per condition on rendered pages, before and after restoration'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/** The evaluation pages: seed 000's first page (ND 30 header + decision) and a full body page of seed 001. */
function pages(): PageSpec[] {
  const seed = (n: string) => readFileSync(path.join(root, `fixtures/seed-${n}/input.txt`), 'utf8')
  const first = fixturePages(seed('000')).header
  const body = seedParagraphs(seed('001'))
  const start = body.findIndex((p) => p.startsWith('I.'))
  const second = layoutPage({paragraphs: ['KẾ HOẠCH', ...body.slice(start, start + 30)], height: 842})
  return [first, second]
}

async function score(specs: PageSpec[], condition: Condition, pool: ReturnType<typeof createOcrPool>, preprocess?: PreprocessOptions) {
  let cer = 0
  let wer = 0
  let restoredCer = 0
  let restoredWer = 0
  let seconds = 0
  for (const [i, spec] of specs.entries()) {
    const bytes = await renderCondition(spec, condition, i + 1)
    const start = performance.now()
    const file = await read(bytes, {ocr: pool, preprocess})
    seconds += (performance.now() - start) / 1000
    const expected = spec.expected.join('\n')
    cer += characterErrorRate(String(file.value), expected)
    wer += wordErrorRate(String(file.value), expected)
    const restored = restoredText(file)
    restoredCer += characterErrorRate(restored, expected)
    restoredWer += wordErrorRate(restored, expected)
  }
  const n = specs.length
  return {cer: cer / n, wer: wer / n, restoredCer: restoredCer / n, restoredWer: restoredWer / n, seconds: seconds / n}
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`

/** Print the CER/WER table per condition, then the preprocessing ablation. */
export async function run(args: string[]): Promise<void> {
  registerFonts(option(args, '--fonts') ?? defaultFontDir)
  const chosen = (option(args, '--conditions')?.split(',') as Condition[] | undefined) ?? [...conditions]
  const specs = pages()
  const words = specs.reduce((a, s) => a + s.expected.join(' ').split(/\s+/).length, 0)
  // One worker: s/page is then per core (the machine is shared; timings are indicative).
  const pool = createOcrPool({workers: 1})
  try {
    const rows = []
    let degradedWer = 0
    let degraded = 0
    for (const condition of chosen) {
      const r = await score(specs, condition, pool)
      rows.push({
        condition,
        pages: specs.length,
        words,
        CER: pct(r.cer),
        WER: pct(r.wer),
        'CER restored': pct(r.restoredCer),
        'WER restored': pct(r.restoredWer),
        's/page': r.seconds.toFixed(2)
      })
      if (!['clean', 'phone-jpeg'].includes(condition)) {
        degradedWer += r.restoredWer
        degraded++
      }
    }
    process.stdout.write(table(rows))
    if (degraded > 0) process.stdout.write(`\nMean WER after restoration over the degraded conditions (noise, blur, dark, rotated): ${pct(degradedWer / degraded)}\n`)
    if (args.includes('--no-ablation')) return
    const variants: Array<[string, PreprocessOptions | undefined]> = [
      ['all steps (default)', undefined],
      ['no background normalisation', {background: false}],
      ['no upscaling', {upscale: false}],
      ['no deskew', {deskew: false}],
      ['no rule erasure', {rules: false}]
    ]
    const ablation = []
    for (const condition of (['dark', 'rotated', 'phone-jpeg'] as Condition[]).filter((c) => chosen.includes(c))) {
      for (const [name, preprocess] of variants) {
        const r = await score(specs, condition, pool, preprocess)
        ablation.push({condition, preprocessing: name, CER: pct(r.cer), WER: pct(r.wer), 's/page': r.seconds.toFixed(2)})
      }
    }
    process.stdout.write('\nPreprocessing ablation:\n\n' + table(ablation))
  } finally {
    await pool.terminate()
  }
}
