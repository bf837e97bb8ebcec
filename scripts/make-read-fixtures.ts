/**
 * Render the `read` fixtures (fixtures/read/) from seed text, and the page
 * renderer and degradations that `scripts/eval/ocr.ts` and
 * `scripts/bench/ocr.ts` reuse.
 *
 *   npx tsx scripts/make-read-fixtures.ts [--fonts DIR] [--out DIR]
 *
 * Fonts: Liberation Serif (full Vietnamese), by default the copy shipped in
 * `fixtures/fonts/` (the fixture generator's). The garbage text
 * layer is real English-model OCR: native `tesseract -l eng … pdf` (Debian
 * `tesseract-ocr`); the encrypted PDF comes from `qpdf` (Debian `qpdf`).
 * Tests read only the committed outputs, never these tools.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createCanvas, GlobalFonts, type Canvas} from '@napi-rs/canvas'
import fontkit from '@pdf-lib/fontkit'
import {defaultFontDir as fixtureFontDir, FONT_FILES} from '../src/fixture/fonts.js'
import {PDFDocument, rgb, type PDFFont} from 'pdf-lib'
import {greyFromRgba, type GreyImage} from '../src/read/image/grey-image.js'

/** Default font folder: the Liberation Serif shipped in `fixtures/fonts/`. */
export const defaultFontDir = fixtureFontDir()
const family = 'Liberation Serif'
const fontFiles = FONT_FILES
type Style = keyof typeof fontFiles

/** A run of text on a page, in points, `y` its baseline from the top. */
export interface TextRun {
  text: string
  x: number
  y: number
  size: number
  style: Style
}

/** A straight rule (table border), in points. */
export interface RuleLine {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** A page to render: its size in points, what is on it, and the text `read` should give back. */
export interface PageSpec {
  width: number
  height: number
  runs: TextRun[]
  rules: RuleLine[]
  /** Expected lines of `file.value` (blank lines omitted). */
  expected: string[]
}

/** The ND 30 header of a page. */
export interface Header {
  issuerParent: string
  issuer: string
  number: string
  placeDate: string
}

/** A table to lay out under the body: header cells, then rows. */
export interface TableSpec {
  widths: number[]
  header: string[]
  rows: string[][]
}

let registered = ''
/** Register Liberation Serif with @napi-rs/canvas from `fontDir`. */
export function registerFonts(fontDir = defaultFontDir): void {
  if (registered === fontDir) return
  for (const file of Object.values(fontFiles)) GlobalFonts.registerFromPath(path.join(fontDir, file), family)
  registered = fontDir
}

const measureCanvas = () => createCanvas(10, 10).getContext('2d')
function cssFont(style: Style, size: number): string {
  return `${style === 'bold' ? 'bold ' : style === 'italic' ? 'italic ' : ''}${size}px "${family}"`
}
function measure(text: string, style: Style, size: number): number {
  const ctx = measureCanvas()
  ctx.font = cssFont(style, size)
  return ctx.measureText(text).width
}

/** Greedy word wrap of `text` to `width` points. */
export function wrap(text: string, width: number, style: Style, size: number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word
    if (line && measure(candidate, style, size) > width) {
      lines.push(line)
      line = word
    } else line = candidate
  }
  if (line) lines.push(line)
  return lines
}

/** Body paragraphs of a seed: the text after its header, markdown emphasis removed, tables left out. */
export function seedParagraphs(seed: string): string[] {
  return seed
    .split('\n')
    .map((l) => l.replace(/\*/g, '').trim())
    .filter((l) => l !== '' && !l.includes('\t'))
}

/**
 * Lay out a page: the two-column ND 30 header, then `paragraphs` (the first
 * one centred and bold as the title), then an optional ruled table, until
 * `height` is full.
 */
export function layoutPage(options: {header?: Header; paragraphs: string[]; table?: TableSpec; width?: number; height: number; size?: number}): PageSpec {
  const width = options.width ?? 595.28
  const size = options.size ?? 13
  const left = 70
  const right = width - 50
  const runs: TextRun[] = []
  const rules: RuleLine[] = []
  const expected: string[] = []
  const centred = (text: string, cx: number, y: number, style: Style, s = size) => {
    runs.push({text, x: cx - measure(text, style, s) / 2, y, size: s, style})
  }
  let y = 50
  if (options.header) {
    const h = options.header
    const lx = 160
    const rx = 395
    centred(h.issuerParent, lx, y, 'regular')
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rx, y, 'bold', 12)
    y += size * 1.3
    centred(h.issuer, lx, y, 'bold')
    centred('Độc lập - Tự do - Hạnh phúc', rx, y, 'bold')
    y += size * 2
    centred(h.number, lx, y, 'regular')
    centred(h.placeDate, rx, y, 'italic')
    expected.push(h.issuerParent, h.issuer, h.number, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', h.placeDate)
    y += size * 2.6
  }
  const lineStep = size * 1.35
  const bottom = options.height - 40
  for (const [i, paragraph] of options.paragraphs.entries()) {
    const style: Style = i === 0 ? 'bold' : 'regular'
    const lines = wrap(paragraph, right - left - (i === 0 ? 0 : 36), style, size)
    if (y + lineStep * Math.min(lines.length, 1) > bottom) break
    for (const [k, line] of lines.entries()) {
      if (y > bottom) break
      if (i === 0) centred(line, width / 2, y, style)
      else runs.push({text: line, x: left + (k === 0 ? 36 : 0), y, size, style})
      expected.push(line)
      y += lineStep
    }
    y += size * 0.5
  }
  if (options.table) {
    const t = options.table
    const tsize = 11
    const pad = 4
    const step = tsize * 1.25
    let x = left
    const xs = t.widths.map((w) => {
      const x0 = x
      x += w
      return x0
    })
    const tableRight = x
    y += 6
    const top = y
    rules.push({x0: left, y0: y, x1: tableRight, y1: y})
    for (const [r, cells] of [t.header, ...t.rows].entries()) {
      const style: Style = r === 0 ? 'bold' : 'regular'
      const wrapped = cells.map((c, k) => (c === '' ? [] : wrap(c, t.widths[k] - 2 * pad, style, tsize)))
      const lines = Math.max(1, ...wrapped.map((w) => w.length))
      wrapped.forEach((cellLines, k) => {
        cellLines.forEach((line, j) => {
          const base = y + pad + tsize * 0.9 + j * step
          if (r === 0) centred(line, xs[k] + t.widths[k] / 2, base, style, tsize)
          else runs.push({text: line, x: xs[k] + pad, y: base, size: tsize, style})
        })
      })
      expected.push(wrapped.map((w) => w.join(' ')).join('\t'))
      y += 2 * pad + lines * step
      rules.push({x0: left, y0: y, x1: tableRight, y1: y})
    }
    for (const x0 of [...xs, tableRight]) rules.push({x0, y0: top, x1: x0, y1: y})
  }
  return {width, height: options.height, runs, rules, expected}
}

/** Render `spec` at `dpi` onto a white canvas, optionally rotated by `rotate` degrees. */
export function renderCanvas(spec: PageSpec, dpi: number, rotate = 0): Canvas {
  const scale = dpi / 72
  const w = Math.round(spec.width * scale)
  const h = Math.round(spec.height * scale)
  const canvas = createCanvas(w, h)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, w, h)
  ctx.translate(w / 2, h / 2)
  ctx.rotate((rotate * Math.PI) / 180)
  ctx.translate(-w / 2, -h / 2)
  ctx.scale(scale, scale)
  ctx.fillStyle = '#111111'
  for (const run of spec.runs) {
    ctx.font = cssFont(run.style, run.size)
    ctx.fillText(run.text, run.x, run.y)
  }
  ctx.strokeStyle = '#111111'
  ctx.lineWidth = 0.8
  for (const r of spec.rules) {
    ctx.beginPath()
    ctx.moveTo(r.x0, r.y0)
    ctx.lineTo(r.x1, r.y1)
    ctx.stroke()
  }
  return canvas
}

/** The canvas as a greyscale image. */
export function canvasToGrey(canvas: Canvas): GreyImage {
  const ctx = canvas.getContext('2d')
  const {data} = ctx.getImageData(0, 0, canvas.width, canvas.height)
  return greyFromRgba(data, canvas.width, canvas.height)
}

/** A greyscale image on a canvas (for encoding). */
export function greyToCanvas(image: GreyImage): Canvas {
  const canvas = createCanvas(image.width, image.height)
  const ctx = canvas.getContext('2d')
  const data = ctx.createImageData(image.width, image.height)
  for (let i = 0; i < image.data.length; i++) {
    data.data[4 * i] = data.data[4 * i + 1] = data.data[4 * i + 2] = image.data[i]
    data.data[4 * i + 3] = 255
  }
  ctx.putImageData(data, 0, 0)
  return canvas
}

/** A seeded pseudo-random generator (mulberry32), so degradations are reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand())
}

/** Add Gaussian noise of deviation `sigma` and salt-and-pepper specks on a `speckle` share of pixels. */
export function addNoise(image: GreyImage, sigma: number, speckle: number, seed = 1): GreyImage {
  const rand = random(seed)
  const data = new Uint8Array(image.data.length)
  for (let i = 0; i < data.length; i++) {
    let v = image.data[i] + sigma * gaussian(rand)
    if (speckle > 0 && rand() < speckle) v = rand() < 0.5 ? 0 : 255
    data[i] = Math.max(0, Math.min(255, Math.round(v)))
  }
  return {...image, data}
}

/** Box blur of `radius` pixels, applied twice (close to a Gaussian). */
export function blur(image: GreyImage, radius: number): GreyImage {
  let data = image.data
  const {width, height} = image
  for (let pass = 0; pass < 2; pass++) {
    const tmp = new Uint8Array(data.length)
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let s = 0
        let n = 0
        for (let d = -radius; d <= radius; d++) {
          const xx = x + d
          if (xx >= 0 && xx < width) {
            s += data[y * width + xx]
            n++
          }
        }
        tmp[y * width + x] = s / n
      }
    }
    const out = new Uint8Array(data.length)
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let s = 0
        let n = 0
        for (let d = -radius; d <= radius; d++) {
          const yy = y + d
          if (yy >= 0 && yy < height) {
            s += tmp[yy * width + x]
            n++
          }
        }
        out[y * width + x] = s / n
      }
    }
    data = out
  }
  return {...image, data}
}

/** Darken and flatten contrast (`gain` < 1), with light falling off from one corner when `gradient` > 0. */
export function shade(image: GreyImage, gain: number, gradient: number): GreyImage {
  const {width, height} = image
  const data = new Uint8Array(image.data.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const fall = 1 - gradient * Math.hypot(x / width, y / height) / Math.SQRT2
      data[y * width + x] = Math.max(0, Math.min(255, Math.round(image.data[y * width + x] * gain * fall + 12)))
    }
  }
  return {...image, data}
}

/** The conditions `npm run eval` measures OCR under. */
export const conditions = ['clean', 'light-noise', 'heavy-noise', 'blurred', 'dark', 'rotated', 'phone-jpeg', 'phone-desk'] as const
export type Condition = (typeof conditions)[number]

/** Render `spec` under `condition`: encoded image bytes (PNG, or JPEG for the phone photo). */
export async function renderCondition(spec: PageSpec, condition: Condition, seed = 1): Promise<Uint8Array> {
  if (condition === 'phone-jpeg') return phonePhoto(spec, seed)
  if (condition === 'phone-desk') return deskPhoto(spec, seed)
  const rotate = condition === 'rotated' ? 2.5 : 0
  let grey = canvasToGrey(renderCanvas(spec, 300, rotate))
  if (condition === 'light-noise') grey = addNoise(grey, 12, 0.001, seed)
  if (condition === 'heavy-noise') grey = addNoise(grey, 40, 0.01, seed)
  if (condition === 'blurred') grey = blur(grey, 2)
  if (condition === 'dark') grey = shade(grey, 0.45, 0.3)
  if (condition === 'rotated') grey = addNoise(grey, 6, 0, seed)
  return greyToCanvas(grey).encodeSync('png')
}

/** A phone-quality photo: ~150 dpi (or `dpi`), skewed 1.2°, soft focus, uneven light, sensor noise, JPEG quality 45. */
export async function phonePhoto(spec: PageSpec, seed = 1, dpi = 150): Promise<Uint8Array> {
  let grey = canvasToGrey(renderCanvas(spec, dpi, 1.2))
  grey = blur(grey, 1)
  grey = shade(grey, 0.85, 0.45)
  grey = addNoise(grey, 8, 0.0005, seed)
  return greyToCanvas(grey).encodeSync('jpeg', 45)
}

/**
 * A phone photo of the sheet lying on a dark desk: 1600 × 2133 pixels with the sheet 86% of the
 * width (about 165 dpi), turned 2°, soft focus, uneven light, sensor noise, JPEG quality 60.
 */
export async function deskPhoto(spec: PageSpec, seed = 1): Promise<Uint8Array> {
  const page = renderCanvas(spec, 300)
  const width = 1600
  const height = 2133
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#3a3a3a'
  ctx.fillRect(0, 0, width, height)
  const scale = (0.86 * width) / page.width
  ctx.translate(width / 2, height / 2)
  ctx.rotate((2 * Math.PI) / 180)
  ctx.scale(scale, scale)
  ctx.drawImage(page, -page.width / 2, -page.height / 2)
  let grey = canvasToGrey(canvas)
  grey = blur(grey, 1)
  grey = shade(grey, 0.8, 0.5)
  grey = addNoise(grey, 8, 0.0005, seed)
  return greyToCanvas(grey).encodeSync('jpeg', 60)
}

async function embedFonts(doc: PDFDocument, fontDir: string): Promise<Record<Style, PDFFont>> {
  doc.registerFontkit(fontkit)
  const out = {} as Record<Style, PDFFont>
  for (const [style, file] of Object.entries(fontFiles) as Array<[Style, string]>) {
    out[style] = await doc.embedFont(readFileSync(path.join(fontDir, file)), {subset: true})
  }
  return out
}

/** A PDF whose page draws `spec` as real text (a born-digital document). */
export async function textPdf(spec: PageSpec, fontDir = defaultFontDir): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const fonts = await embedFonts(doc, fontDir)
  const page = doc.addPage([spec.width, spec.height])
  for (const run of spec.runs) page.drawText(run.text, {x: run.x, y: spec.height - run.y, size: run.size, font: fonts[run.style], color: rgb(0.07, 0.07, 0.07)})
  for (const r of spec.rules) page.drawLine({start: {x: r.x0, y: spec.height - r.y0}, end: {x: r.x1, y: spec.height - r.y1}, thickness: 0.8})
  return doc.save()
}

/** A PDF whose page is only an image (a scan without a text layer). */
export async function imagePdf(image: Uint8Array, kind: 'png' | 'jpeg', width: number, height: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const embedded = kind === 'png' ? await doc.embedPng(image) : await doc.embedJpg(image)
  const page = doc.addPage([width, height])
  page.drawImage(embedded, {x: 0, y: 0, width, height})
  return doc.save()
}

/** The header of seed 000's decision (the seed itself starts below it). */
export const header000: Header = {
  issuerParent: 'ỦY BAN NHÂN DÂN',
  issuer: 'XÃ CHẤN HƯNG',
  number: 'Số: 06/QĐ-UBND',
  placeDate: 'Chấn Hưng, ngày 07 tháng 01 năm 2026'
}

/** The first rows of seed 000's appendix table, as a 5-column table that fits A4. */
export function table000(seed: string): TableSpec {
  const rows = seed
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => l.split('\t'))
  const pick = (r: string[]) => [r[0], r[1], r[2], r[4], r[5]]
  return {widths: [30, 170, 90, 85, 100], header: pick(rows[0]), rows: rows.slice(1, 4).map(pick)}
}

/** The pages the fixtures are made of. */
export function fixturePages(seed000: string): {header: PageSpec; table: PageSpec} {
  const paragraphs = seedParagraphs(seed000)
  const title = paragraphs.findIndex((p) => p === 'QUYẾT ĐỊNH')
  const body = paragraphs.slice(title, title + 8)
  return {
    header: layoutPage({header: header000, paragraphs: body, height: 430}),
    table: layoutPage({paragraphs: ['PHỤ LỤC'], table: table000(seed000), height: 400})
  }
}

async function main(args: string[]): Promise<void> {
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(name)
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const fontDir = option('--fonts', defaultFontDir)
  const out = option('--out', path.join(root, 'fixtures/read'))
  registerFonts(fontDir)
  const seed = readFileSync(path.join(root, 'fixtures/seed-000/input.txt'), 'utf8')
  const pages = fixturePages(seed)
  const write = (dir: string, file: string, bytes: Uint8Array | string, expected: string[]) => {
    mkdirSync(path.join(out, dir), {recursive: true})
    writeFileSync(path.join(out, dir, file), bytes)
    writeFileSync(path.join(out, dir, 'expected.txt'), expected.join('\n') + '\n')
    process.stdout.write(`${dir}/${file}\n`)
  }
  const h = pages.header
  // A PDF with a good text layer.
  write('text-layer-pdf', 'input.pdf', await textPdf(h, fontDir), h.expected)
  // A scanned PDF: the page as a 300 dpi greyscale image, no text layer.
  const scan = greyToCanvas(addNoise(canvasToGrey(renderCanvas(h, 300, 0.4)), 6, 0.0003, 7))
  write('scanned-pdf', 'input.pdf', await imagePdf(scan.encodeSync('jpeg', 70), 'jpeg', h.width, h.height), h.expected)
  // A PDF with a garbage text layer: native tesseract's English model over the same scan (what scanners embed).
  const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-fixtures-'))
  try {
    writeFileSync(path.join(tmp, 'scan.jpg'), scan.encodeSync('jpeg', 70))
    execFileSync('tesseract', [path.join(tmp, 'scan.jpg'), path.join(tmp, 'garbage'), '-l', 'eng', '--dpi', '300', 'pdf'], {stdio: 'ignore'})
    // tesseract writes the page at the image's size in points; keep it (the layout unit is the PDF's own).
    write('garbage-layer-pdf', 'input.pdf', readFileSync(path.join(tmp, 'garbage.pdf')), h.expected)
    // An encrypted PDF (password "secret").
    writeFileSync(path.join(tmp, 'plain.pdf'), await textPdf(h, fontDir))
    execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', path.join(tmp, 'plain.pdf'), path.join(tmp, 'encrypted.pdf')])
    mkdirSync(path.join(out, 'errors'), {recursive: true})
    writeFileSync(path.join(out, 'errors', 'encrypted.pdf'), readFileSync(path.join(tmp, 'encrypted.pdf')))
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
  // A phone photo of the page.
  write('phone-jpeg', 'input.jpg', await phonePhoto(h, 3), h.expected)
  // A phone photo of the page lying on a dark desk.
  write('phone-desk', 'input.jpg', await deskPhoto(h, 3), h.expected)
  // A clean PNG of a ruled table (the appendix), 300 dpi.
  const t = pages.table
  write('table-png', 'input.png', greyToCanvas(canvasToGrey(renderCanvas(t, 300))).encodeSync('png'), t.expected)
  // The same table as a text-layer PDF.
  write('table-pdf', 'input.pdf', await textPdf(t, fontDir), t.expected)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main(process.argv.slice(2))
}
