/**
 * Caches for evaluations that read the same scans again and again, in a
 * git-ignored folder (`.eval/`):
 *
 * - `pageStore`: the pages `read()` made of a file before composing them
 *   into text (`ReadOptions.pageCache`), keyed by the file's sha256, the page,
 *   the read options and the version of the code that reads a page (a hash of
 *   `src/read/**` but the files that only compose pages, and of the OCR
 *   engine and model versions). Iterating on the parser or on the layout
 *   code then costs no rendering and no OCR.
 * - `cachingPool`: an OCR pool that remembers what tesseract returned for an
 *   image (keyed by the image bytes, the options and the engine version), so
 *   a change to the page-reading code re-renders pages but re-OCRs none whose
 *   preprocessed image did not change.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {OcrPool, OcrResult, PageCache, PageInput} from '../../src/read/index.js'

const require = createRequire(import.meta.url)

/** Versions of the OCR engine and model: part of every key. */
function engineVersion(): string {
  const version = (name: string) => (require(`${name}/package.json`) as {version: string}).version
  return `tesseract.js@${version('tesseract.js')}+vie@${version('@tesseract.js-data/vie')}`
}

/** Every file under `dir`, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...filesUnder(full))
    else out.push(full)
  }
  return out
}

/** What reading a page is made of, besides the engine: the reader's source and the data it loads. */
const PAGE_READER = ['src/read', 'src/vietnamese/quality.ts', 'src/vietnamese/text-layer.ts', 'grammars/stamps.json', 'models/pen-digits.json']

/** Files of `src/read` that only compose read pages into text (stamps, columns, tables, markers): not part of a page's version. */
const COMPOSE_ONLY = new Set([
  'src/read/layout/compose.ts',
  'src/read/layout/columns.ts',
  'src/read/layout/tables.ts',
  'src/read/layout/grid-tables.ts',
  'src/read/layout/repair-markers.ts',
  'src/read/marker-messages.ts',
  'src/read/index.ts',
  'src/read/read-context.ts',
  'src/read/types.ts'
])

/** The version of the code that reads a page (under `root`): a hash of its files and of the engine's version. */
export function pageReaderVersion(root: string): string {
  const hash = createHash('sha256').update(engineVersion())
  for (const name of PAGE_READER) {
    const full = path.join(root, name)
    if (!existsSync(full)) continue
    const files = statSync(full).isDirectory() ? filesUnder(full) : [full]
    for (const file of files) {
      const relative = path.relative(root, file)
      if (!COMPOSE_ONLY.has(relative)) hash.update(relative).update('\0').update(readFileSync(file))
    }
  }
  return hash.digest('hex').slice(0, 16)
}

function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, file)
}

/** Counts of a cache. */
export interface CacheStats {
  hits: number
  misses: number
}

/** A page cache stored in `dir` for the page reader `version`. */
export function pageStore(dir: string, version: string): PageCache & {stats: CacheStats} {
  const stats: CacheStats = {hits: 0, misses: 0}
  const entry = (key: string) => {
    const hash = createHash('sha256').update(key).digest('hex')
    return path.join(dir, 'pages', version, `${hash}.json`)
  }
  return {
    stats,
    get(key) {
      const file = entry(key)
      if (!existsSync(file)) {
        stats.misses++
        return undefined
      }
      stats.hits++
      return JSON.parse(readFileSync(file, 'utf8')) as PageInput
    },
    set(key, page) {
      writeAtomic(entry(key), JSON.stringify(page))
    }
  }
}

/** `pool`, with every recognition stored in `dir` and answered from there when the same image comes again. */
export function cachingPool(pool: OcrPool, dir: string): OcrPool & {stats: CacheStats} {
  const engine = engineVersion()
  const stats: CacheStats = {hits: 0, misses: 0}
  return {
    size: pool.size,
    stats,
    async recognize(image, options = {}) {
      // `symbols-1`: results hold the boxes of the characters of each word.
      const key = createHash('sha256').update(engine).update('symbols-1').update(JSON.stringify(options)).update(image).digest('hex')
      const entry = path.join(dir, 'ocr', key.slice(0, 2), `${key}.json`)
      if (existsSync(entry)) {
        stats.hits++
        return JSON.parse(readFileSync(entry, 'utf8')) as OcrResult
      }
      stats.misses++
      const result = await pool.recognize(image, options)
      writeAtomic(entry, JSON.stringify(result))
      return result
    },
    terminate: () => pool.terminate()
  }
}
