/**
 * Caches for evaluations that read the same scans again and again, in a
 * git-ignored folder (`.eval/`):
 *
 * - `cachedRead`: the VFile `read()` made of a file (text, layout, source,
 *   messages), keyed by the file's sha256 and the reader's version (a hash of
 *   `src/read/**` and of the OCR engine and model versions), so iterating on
 *   the parser re-reads nothing;
 * - `cachingPool`: an OCR pool that remembers what tesseract returned for an
 *   image (keyed by the image bytes, the options and the engine version), so
 *   a change to the reader's layout code re-renders pages but re-OCRs none
 *   whose preprocessed image did not change.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {VFile} from 'vfile'
import {read, type OcrPool, type OcrResult, type ReadOptions} from '../../src/read/index.js'
import '../../src/vfile-data.js'

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

/** The reader's version: a hash of the source of `src/read/` (under `root`) and of the engine's version. */
export function readerVersion(root: string): string {
  const hash = createHash('sha256').update(engineVersion())
  const dir = path.join(root, 'src/read')
  for (const file of filesUnder(dir)) hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file))
  return hash.digest('hex').slice(0, 16)
}

function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, file)
}

/** What is stored of a read file. */
interface Stored {
  value: string
  data: {source: unknown; layout?: unknown}
  messages: Array<{reason: string; ruleId?: string; source?: string; fatal?: boolean | null; place?: unknown}>
}

/** `read(file)`, or the VFile stored for the same bytes and reader version in `dir`; `hit` says which. */
export async function cachedRead(file: string, dir: string, version: string, options: ReadOptions): Promise<{file: VFile; hit: boolean}> {
  const bytes = readFileSync(file)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const entry = path.join(dir, 'read', `${sha256}-${version}.json`)
  if (existsSync(entry)) {
    const stored = JSON.parse(readFileSync(entry, 'utf8')) as Stored
    const vfile = new VFile({path: file, value: stored.value})
    vfile.data.source = {...(stored.data.source as VFile['data']['source'] & object), path: file}
    if (stored.data.layout) vfile.data.layout = stored.data.layout as VFile['data']['layout']
    for (const m of stored.messages) {
      const message = vfile.message(m.reason, {ruleId: m.ruleId, source: m.source, place: m.place as never})
      message.fatal = m.fatal
    }
    return {file: vfile, hit: true}
  }
  const vfile = await read(file, options)
  const stored: Stored = {
    value: String(vfile.value),
    data: {source: vfile.data.source, layout: vfile.data.layout},
    messages: vfile.messages.map((m) => ({reason: m.reason, ruleId: m.ruleId, source: m.source, fatal: m.fatal, place: m.place}))
  }
  writeAtomic(entry, JSON.stringify(stored))
  return {file: vfile, hit: false}
}

/** Counts of a caching pool. */
export interface PoolStats {
  hits: number
  misses: number
}

/** `pool`, with every recognition stored in `dir` and answered from there when the same image comes again. */
export function cachingPool(pool: OcrPool, dir: string): OcrPool & {stats: PoolStats} {
  const engine = engineVersion()
  const stats: PoolStats = {hits: 0, misses: 0}
  return {
    size: pool.size,
    stats,
    async recognize(image, options = {}) {
      const key = createHash('sha256').update(engine).update(JSON.stringify(options)).update(image).digest('hex')
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
