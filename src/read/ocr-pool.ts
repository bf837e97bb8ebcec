/**
 * A pool of tesseract.js workers (its scheduler) with the Vietnamese model
 * from `@tesseract.js-data/vie`, fully offline: the traineddata is read from
 * the installed package, never downloaded, never cached to disk. Create one
 * pool, pass it to every `read`, terminate it at the end.
 */
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import type {Scheduler} from 'tesseract.js'
import type {BBox} from '../tree/types.js'
import type {LayoutWord} from './types.js'

/** Options of `createOcrPool`. */
export interface OcrPoolOptions {
  /** Number of workers (default: the number of cores). */
  workers?: number
  /** Folder holding `vie.traineddata.gz` (default: `@tesseract.js-data/vie/4.0.0_best_int`). */
  langPath?: string
  /** Tesseract page segmentation mode (default 3, automatic: keeps columns apart). */
  pageSegMode?: number
}

/** Options of one recognition. */
export interface RecognizeOptions {
  /** Let tesseract measure the skew and straighten the image first (default true). */
  deskew?: boolean
  /** Page segmentation mode for this call (default: the pool's). */
  pageSegMode?: number
}

/** A recognised word, with the boxes of its characters (for pen marks written into a printed word). */
export interface OcrWord extends LayoutWord {
  symbols?: Array<{text: string; bbox: BBox}>
}

/** `word` moved by (`dx`, `dy`) pixels, its characters with it (a word read in a crop, put back on the page). */
export function moveWord(word: OcrWord, dx: number, dy: number): OcrWord {
  const move = (b: BBox): BBox => ({x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy})
  const out: OcrWord = {...word, bbox: move(word.bbox)}
  if (word.symbols) out.symbols = word.symbols.map((s) => ({...s, bbox: move(s.bbox)}))
  return out
}

/** A recognised line: its words with boxes (pixels of the image) and confidences (0..1). */
export interface OcrLine {
  text: string
  bbox: BBox
  confidence: number
  words: OcrWord[]
}

/** What one recognition returns. */
export interface OcrResult {
  lines: OcrLine[]
  /** Mean word confidence, 0..1 (0 when nothing was read). */
  confidence: number
  /** The skew tesseract corrected, in radians. */
  rotateRadians: number
}

/** A shared pool of OCR workers. */
export interface OcrPool {
  /** Number of workers. */
  readonly size: number
  /** Recognise an encoded image (PGM, PNG, JPEG, …, as bytes). */
  recognize(image: Uint8Array, options?: RecognizeOptions): Promise<OcrResult>
  /** Stop every worker; the pool cannot be used afterwards. */
  terminate(): Promise<void>
}

/** The folder of the Vietnamese LSTM model in the installed `@tesseract.js-data/vie` package. */
export function defaultLangPath(): string {
  const require = createRequire(import.meta.url)
  let root: string
  try {
    root = path.dirname(require.resolve('@tesseract.js-data/vie/package.json'))
  } catch {
    throw new Error('OCR: the package @tesseract.js-data/vie is not installed (npm install @tesseract.js-data/vie)')
  }
  return path.join(root, '4.0.0_best_int')
}

/** Create a pool; throws at once when the traineddata file is missing. Workers start on first use. */
export function createOcrPool(options: OcrPoolOptions = {}): OcrPool {
  const langPath = options.langPath ?? defaultLangPath()
  const model = path.join(langPath, 'vie.traineddata.gz')
  if (!existsSync(model)) throw new Error(`OCR: Vietnamese traineddata not found: ${model} (nothing is ever downloaded)`)
  const size = Math.max(1, options.workers ?? availableParallelism())
  const psm = String(options.pageSegMode ?? 3)
  let scheduler: Scheduler | undefined
  let starting: Promise<Scheduler> | undefined
  let terminated = false

  const start = async (): Promise<Scheduler> => {
    // tesseract.js is loaded with the first workers: a process that never OCRs never loads it.
    const {createScheduler, createWorker, OEM} = await import('tesseract.js')
    const s = createScheduler()
    const workers = await Promise.all(
      Array.from({length: size}, async () => {
        const worker = await createWorker('vie', OEM.LSTM_ONLY, {langPath, gzip: true, cacheMethod: 'none'})
        // debug_file: tesseract's own notes ("Estimating resolution as …") would otherwise go to stderr.
        await worker.setParameters({tessedit_pageseg_mode: psm as never, debug_file: '/dev/null'} as never)
        return worker
      })
    )
    for (const w of workers) s.addWorker(w)
    scheduler = s
    return s
  }

  return {
    size,
    async recognize(image, recognizeOptions = {}) {
      if (terminated) throw new Error('OCR: the pool was terminated')
      const s = scheduler ?? (await (starting ??= start()))
      const result = await s.addJob('recognize', Buffer.from(image.buffer, image.byteOffset, image.byteLength), {
          rotateAuto: recognizeOptions.deskew ?? true,
          ...(recognizeOptions.pageSegMode === undefined ? {} : {tessedit_pageseg_mode: String(recognizeOptions.pageSegMode)})
        } as never, {blocks: true, text: false})
      return convert(result.data as unknown as TesseractPage)
    },
    async terminate() {
      terminated = true
      const s = scheduler ?? (starting ? await starting.catch(() => undefined) : undefined)
      if (s) await s.terminate()
      scheduler = undefined
    }
  }
}

interface TesseractWord {
  text: string
  confidence: number
  bbox: BBox
  symbols?: Array<{text: string; bbox: BBox}>
}
interface TesseractPage {
  rotateRadians?: number
  blocks: Array<{paragraphs: Array<{lines: Array<{text: string; confidence: number; bbox: BBox; words: TesseractWord[]}>}>}> | null
}

function convert(page: TesseractPage): OcrResult {
  const lines: OcrLine[] = []
  let sum = 0
  let n = 0
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words
          .filter((w) => w.text.trim() !== '')
          .map((w) => {
            const word: OcrWord = {text: w.text, bbox: {...w.bbox}, confidence: w.confidence / 100}
            if (w.symbols && w.symbols.length > 0) word.symbols = w.symbols.map((c) => ({text: c.text, bbox: {...c.bbox}}))
            return word
          })
        if (words.length === 0) continue
        for (const w of words) {
          sum += w.confidence
          n++
        }
        lines.push({text: words.map((w) => w.text).join(' '), bbox: {...line.bbox}, confidence: line.confidence / 100, words})
      }
    }
  }
  return {lines, confidence: n === 0 ? 0 : sum / n, rotateRadians: page.rotateRadians ?? 0}
}
