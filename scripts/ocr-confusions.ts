/**
 * Learn how an OCR engine without Vietnamese misreads Vietnamese: render corpus text to page
 * images (Liberation Serif, several sizes, resolutions and degradations), OCR them with
 * Tesseract's English model, pair what was printed with what was read, and count how each letter
 * was read (`models/ocr-confusions.json`; `sohoa train` turns the counts into the model's OCR
 * channel). Only these derived counts are committed.
 *
 *   npm exec tsx scripts/ocr-confusions.ts -- --corpus LEGAL_CORPUS_DIR \
 *     --font fixtures/fonts/LiberationSerif-Regular.ttf \
 *     [--bold …/LiberationSerif-Bold.ttf] [--pages 120] [--dev-pages 16] \
 *     [--work DIR (default: the OS temp folder)] [--out models/ocr-confusions.json]
 *
 * Needs Debian `tesseract-ocr` and `tesseract-ocr-eng`. Pages are rendered
 * from the documents the language model trains on; `--dev-pages` more are rendered from the
 * held-out documents (never learned from) for tuning and evaluation. Everything is seeded, and a
 * page already OCR'd in the work folder is reused, so a re-run gives the same table.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {createCanvas, GlobalFonts} from '@napi-rs/canvas'
import {wordPairs} from '../src/diacritics/align.js'
import {isHeldOut, listCorpus, readCorpusFile} from '../src/diacritics/corpus.js'
import {learnCounts, type ChannelPair} from '../src/diacritics/learn-channel.js'
import {random as prng} from './make-read-fixtures.js'

interface Args {
  corpus: string
  font: string
  bold: string | null
  pages: number
  devPages: number
  work: string
  out: string
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const corpus = get('corpus')
  const font = get('font')
  if (!corpus || !font) throw new Error('usage: ocr-confusions --corpus DIR --font FONT.ttf [--bold FONT.ttf] [--pages N] [--dev-pages N] [--work DIR] [--out FILE]')
  if (!existsSync(font)) throw new Error(`${font}: no such font file`)
  return {
    corpus,
    font,
    bold: get('bold') ?? null,
    pages: Number(get('pages') ?? 120),
    devPages: Number(get('dev-pages') ?? 16),
    work: get('work') ?? path.join(tmpdir(), 'sohoa-ocr-pages'),
    out: get('out') ?? 'models/ocr-confusions.json'
  }
}

/** How one page is printed and scanned. */
interface PageStyle {
  dpi: number
  pt: number
  blur: number
  noise: number
  threshold: number | null
  seed: number
}

function pageStyle(random: () => number, seed: number): PageStyle {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]
  return {
    dpi: pick([150, 200, 200, 300]),
    pt: pick([12, 13, 13, 14]),
    blur: pick([0, 0, 1, 1, 2]),
    noise: pick([0, 10, 25, 40]),
    threshold: pick([null, 128, 150, 110]),
    seed
  }
}

/** Lines of text for a page: consecutive paragraphs of one document, word-wrapped to the width. */
function pageLines(paragraphs: string[], random: () => number, measure: (s: string, heading: boolean) => number, width: number, count: number): Array<{text: string; heading: boolean}> {
  const out: Array<{text: string; heading: boolean}> = []
  let p = Math.floor(random() * Math.max(1, paragraphs.length - 20))
  while (out.length < count && p < paragraphs.length) {
    const paragraph = paragraphs[p++]
    const heading = paragraph === paragraph.toUpperCase() && /\p{L}/u.test(paragraph)
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word
      if (line && measure(next, heading) > width) {
        out.push({text: line, heading})
        line = word
      } else line = next
    }
    if (line) out.push({text: line, heading})
  }
  return out.slice(0, count)
}

/** Render lines to a greyscale page, degrade it like a scan, return PGM bytes. */
function renderPage(lines: Array<{text: string; heading: boolean}>, style: PageStyle, bold: boolean): Buffer {
  const width = Math.round(8.27 * style.dpi)
  const height = Math.round(11.69 * style.dpi)
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = 'white'
  ctx.fillRect(0, 0, width, height)
  ctx.fillStyle = 'black'
  const px = (style.pt / 72) * style.dpi
  let y = style.dpi * 0.9
  for (const line of lines) {
    ctx.font = `${line.heading && bold ? 'bold ' : ''}${px}px "${line.heading && bold ? 'Page Bold' : 'Page Serif'}"`
    ctx.fillText(line.text, style.dpi * 1.1, y)
    y += px * 1.45
  }
  const rgba = ctx.getImageData(0, 0, width, height).data
  let grey = new Float32Array(width * height)
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4]
  for (let pass = 0; pass < style.blur; pass++) grey = boxBlur(grey, width, height)
  const random = prng(style.seed ^ 0x5eed)
  const out = Buffer.alloc(width * height)
  for (let i = 0; i < grey.length; i++) {
    // Approximately Gaussian noise (sum of three uniforms).
    const noise = style.noise ? (random() + random() + random() - 1.5) * style.noise * 1.4 : 0
    const v = grey[i] + noise
    out[i] = style.threshold === null ? Math.max(0, Math.min(255, Math.round(v))) : v < style.threshold ? 0 : 255
  }
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), out])
}

function boxBlur(src: Float32Array, width: number, height: number) {
  const dst = new Float32Array(src.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0
      let n = 0
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy
        if (yy < 0 || yy >= height) continue
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx
          if (xx < 0 || xx >= width) continue
          sum += src[yy * width + xx]
          n++
        }
      }
      dst[y * width + x] = sum / n
    }
  }
  return dst
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  GlobalFonts.registerFromPath(args.font, 'Page Serif')
  if (args.bold) GlobalFonts.registerFromPath(args.bold, 'Page Bold')
  mkdirSync(args.work, {recursive: true})
  const files = listCorpus([args.corpus]).filter((f) => f.fromFolder)
  const sets = {train: files.filter((f) => !isHeldOut(f.name)), dev: files.filter((f) => isHeldOut(f.name))}
  const measureCanvas = createCanvas(10, 10).getContext('2d')
  const allPairs: ChannelPair[] = []
  for (const [set, count] of [['train', args.pages], ['dev', args.devPages]] as const) {
    const docs = sets[set]
    for (let page = 0; page < count; page++) {
      const base = path.join(args.work, `${set}-${String(page).padStart(3, '0')}`)
      const seed = (set === 'train' ? 1000 : 5000) + page
      const random = prng(seed)
      const style = pageStyle(random, seed)
      if (!existsSync(`${base}.ocr.txt`)) {
        const doc = docs[Math.floor(random() * docs.length)]
        const paragraphs = readCorpusFile(doc.path).split('\n').map((l) => l.trim()).filter((l) => l.length > 0)
        const px = (style.pt / 72) * style.dpi
        const measure = (s: string, heading: boolean) => {
          measureCanvas.font = `${heading && args.bold ? 'bold ' : ''}${px}px "${heading && args.bold ? 'Page Bold' : 'Page Serif'}"`
          return measureCanvas.measureText(s).width
        }
        const lines = pageLines(paragraphs, random, measure, style.dpi * (8.27 - 2.1), Math.floor((11.69 - 1.8) / ((style.pt / 72) * 1.45)))
        writeFileSync(`${base}.truth.txt`, lines.map((l) => l.text).join('\n') + '\n')
        writeFileSync(`${base}.json`, JSON.stringify({doc: doc.name, style}) + '\n')
        const image = `${base}.pgm`
        writeFileSync(image, renderPage(lines, style, args.bold !== null))
        const ocr = execFileSync('tesseract', [image, 'stdout', '-l', 'eng', '--dpi', String(style.dpi)], {
          encoding: 'utf8',
          env: {...process.env, OMP_THREAD_LIMIT: '1'},
          stdio: ['ignore', 'pipe', 'ignore']
        })
        writeFileSync(`${base}.ocr.txt`, ocr.normalize('NFC'))
        execFileSync('rm', ['-f', image])
        process.stderr.write(`${set} page ${page}: ${doc.name} ${JSON.stringify(style)}\n`)
      }
      if (set === 'train') allPairs.push(...wordPairs(readFileSync(`${base}.truth.txt`, 'utf8'), readFileSync(`${base}.ocr.txt`, 'utf8')))
    }
  }
  const counts = learnCounts(allPairs, `Tesseract ${tesseractVersion()} English model on ${args.pages} rendered pages of the training documents (Liberation Serif, 150–300 dpi, blur, noise, binarisation)`)
  writeFileSync(args.out, JSON.stringify(counts, null, 1) + '\n')
  process.stderr.write(`${allPairs.length} word pairs → ${args.out}\n`)
}

function tesseractVersion(): string {
  return execFileSync('tesseract', ['--version'], {encoding: 'utf8'}).split('\n')[0].replace(/^tesseract\s*/, '')
}

await main()
