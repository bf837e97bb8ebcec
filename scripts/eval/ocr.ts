/**
 * OCR quality per condition: pages rendered in Liberation Serif at 300 dpi
 * (the phone photo at 150 dpi, skewed 1.2°, soft, unevenly lit, JPEG q45;
 * the desk photo: the sheet on a dark desk, 1600 × 2133 pixels, turned 2°),
 * degraded (noise, blur, dark, rotation, phone JPEG, desk), read with `read()`
 * (tesseract.js, Vietnamese best_int model), restored as the pipeline does
 * (`sohoa text`: marks mode for OCR'd pages), scored by CER and WER against
 * the rendered text.
 *
 * Two sets of pages, reported apart: the seed pages (seed 000's ND 30 header
 * page and a body page of seed 001 — their text is in the language model's
 * training, so restoration looks better on them than it is) and pages of the
 * held-out documents of `--corpus` (never seen by the model: the honest
 * figure). A second table switches preprocessing steps off one at a time.
 *
 *   npm run eval -- ocr [--corpus LEGAL_CORPUS_DIR] [--held-out-pages 6]
 *     [--fonts DIR] [--conditions clean,dark] [--phone-dpi 120,135,200] [--no-ablation]
 *
 * `--phone-dpi` adds rows for the phone photo taken at other resolutions.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {listCorpus, readCorpusFile, isHeldOut} from '../../src/diacritics/corpus.js'
import {characterErrorRate, wordErrorRate} from '../../src/read/error-rate.js'
import {createOcrPool, read, type PreprocessOptions} from '../../src/read/index.js'
import {restoredText} from '../../src/restored-text.js'
import {table} from '../table.js'
import {conditions, defaultFontDir, fixturePages, layoutPage, phonePhoto, registerFonts, renderCondition, seedParagraphs, type Condition, type PageSpec} from '../make-read-fixtures.js'

/** One-line title for `npm run eval`. */
export const title = 'OCR: CER/WER per condition on rendered pages, before and after restoration'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}

/** The seed pages: seed 000's first page (ND 30 header + decision) and a full body page of seed 001. */
function seedPages(): PageSpec[] {
  const seed = (n: string) => readFileSync(path.join(root, `fixtures/seed-${n}/input.txt`), 'utf8')
  const first = fixturePages(seed('000')).header
  const body = seedParagraphs(seed('001'))
  const start = body.findIndex((p) => p.startsWith('I.'))
  const second = layoutPage({paragraphs: ['KẾ HOẠCH', ...body.slice(start, start + 30)], height: 842})
  return [first, second]
}

/** One page from each of the first `count` held-out documents of `corpus` (by name), from its 21st paragraph on. */
function heldOutPages(corpus: string, count: number): PageSpec[] {
  const files = listCorpus([corpus]).filter((f) => f.fromFolder && isHeldOut(f.name)).sort((a, b) => (a.name < b.name ? -1 : 1))
  return files.slice(0, count).map((f) => {
    const paragraphs = seedParagraphs(readCorpusFile(f.path))
    const start = Math.min(20, Math.max(0, paragraphs.length - 30))
    return layoutPage({paragraphs: paragraphs.slice(start, start + 30), height: 842})
  })
}

async function score(specs: PageSpec[], condition: Condition, pool: ReturnType<typeof createOcrPool>, preprocess?: PreprocessOptions, phoneDpi?: number) {
  let cer = 0
  let wer = 0
  let restoredCer = 0
  let restoredWer = 0
  let seconds = 0
  for (const [i, spec] of specs.entries()) {
    process.stderr.write(`eval ocr: ${condition}${phoneDpi ? ` at ${phoneDpi} dpi` : ''}${preprocess ? ` ${JSON.stringify(preprocess)}` : ''}, page ${i + 1}/${specs.length}\n`)
    const bytes = phoneDpi ? await phonePhoto(spec, seedOf(spec, i), phoneDpi) : await renderCondition(spec, condition, seedOf(spec, i))
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

/** The noise seed of a page: 1, 2 for the seed pages (as before), 7, 8, … for the held-out ones. */
const seedOf = (spec: PageSpec, i: number) => (heldOut.has(spec) ? i + 7 : i + 1)
const heldOut = new WeakSet<PageSpec>()

const pct = (x: number) => `${(x * 100).toFixed(2)}%`

/** Print the CER/WER table per condition, then the preprocessing ablation. */
export async function run(args: string[]): Promise<void> {
  registerFonts(option(args, '--fonts') ?? defaultFontDir)
  const chosen = (option(args, '--conditions')?.split(',') as Condition[] | undefined) ?? [...conditions]
  const corpus = option(args, '--corpus')
  const groups: Array<[string, PageSpec[]]> = [['seed pages', seedPages()]]
  if (corpus) {
    const pages = heldOutPages(corpus, Number(option(args, '--held-out-pages') ?? 6))
    for (const p of pages) heldOut.add(p)
    groups.push(['held-out pages', pages])
  } else process.stdout.write('(no --corpus: seed pages only; their text is in the language model\'s training)\n')
  const wordsOf = (specs: PageSpec[]) => specs.reduce((a, s) => a + s.expected.join(' ').split(/\s+/).length, 0)
  // One worker: s/page is then per core.
  const pool = createOcrPool({workers: 1})
  try {
    const rows = []
    const degraded: Record<string, number[]> = {}
    const phone: Record<string, number> = {}
    for (const condition of chosen) {
      for (const [group, specs] of groups) {
        const r = await score(specs, condition, pool)
        rows.push({
          condition,
          pages: `${specs.length} ${group}`,
          words: wordsOf(specs),
          CER: pct(r.cer),
          WER: pct(r.wer),
          'CER restored': pct(r.restoredCer),
          'WER restored': pct(r.restoredWer),
          's/page': r.seconds.toFixed(2)
        })
        if (condition.startsWith('phone')) phone[`${condition}, ${group}`] = r.restoredWer
        else if (condition !== 'clean') (degraded[group] ??= []).push(r.restoredWer)
      }
    }
    // Phone photos of lower (or higher) resolution than the condition's 150 dpi: where OCR breaks down.
    for (const dpi of (option(args, '--phone-dpi') ?? '').split(',').filter(Boolean).map(Number)) {
      for (const [group, specs] of groups) {
        const r = await score(specs, 'phone-jpeg', pool, undefined, dpi)
        rows.push({condition: `phone-jpeg at ${dpi} dpi`, pages: `${specs.length} ${group}`, words: wordsOf(specs), CER: pct(r.cer), WER: pct(r.wer), 'CER restored': pct(r.restoredCer), 'WER restored': pct(r.restoredWer), 's/page': r.seconds.toFixed(2)})
      }
    }
    process.stdout.write(table(rows))
    for (const [group, wers] of Object.entries(degraded)) {
      process.stdout.write(`\nMean WER after restoration over the degraded conditions (noise, blur, dark, rotated), ${group}: ${pct(wers.reduce((a, b) => a + b, 0) / wers.length)}`)
    }
    for (const [what, wer] of Object.entries(phone)) process.stdout.write(`\nPhone photo WER after restoration, ${what}: ${pct(wer)}`)
    process.stdout.write('\n')
    if (args.includes('--no-ablation')) return
    const specs = groups.flatMap(([, s]) => s)
    const variants: Array<[string, PreprocessOptions | undefined]> = [
      ['all steps (default)', undefined],
      ['no background normalisation', {background: false}],
      ['no painting of the desk around the sheet', {paper: false}],
      ['upscaling small text (off by default)', {upscale: true}],
      ['no deskew', {deskew: false}],
      ['no rule erasure', {rules: false}],
      ['no re-reading of cells and line pieces', {reread: false}]
    ]
    const ablation = []
    for (const condition of (['dark', 'rotated', 'phone-jpeg', 'phone-desk'] as Condition[]).filter((c) => chosen.includes(c))) {
      for (const [name, preprocess] of variants) {
        const r = await score(specs, condition, pool, preprocess)
        ablation.push({condition, pages: specs.length, preprocessing: name, CER: pct(r.cer), WER: pct(r.wer), 'WER restored': pct(r.restoredWer), 's/page': r.seconds.toFixed(2)})
      }
    }
    process.stdout.write('\nPreprocessing ablation:\n\n' + table(ablation))
  } finally {
    await pool.terminate()
  }
}
