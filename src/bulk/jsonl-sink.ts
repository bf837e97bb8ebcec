/**
 * `--jsonl FILE`: one output per line, each line appended with a single
 * write. A run killed in the middle of a write can leave a partial last
 * line: opening the file to resume cuts it off (and reports it), and
 * indexes the records already there by source path and sha256.
 */
import {createReadStream} from 'node:fs'
import {open, stat, truncate, type FileHandle} from 'node:fs/promises'
import {mkdir} from 'node:fs/promises'
import path from 'node:path'
import {createInterface} from 'node:readline'
import {recordedSource} from './resume.js'

/** What is in a JSONL file already. */
export interface JsonlIndex {
  /** `resumeKey(path, sha256)` of every whole record. */
  keys: Set<string>
  /** Bytes of a partial last line cut off, 0 when none. */
  cut: number
}

/** The key of a record for `--resume`: the input path and its hash. */
export function resumeKey(path: string | null, sha256: string): string {
  return `${path ?? ''}\u0000${sha256}`
}

/** Index the records of `file` (missing: empty), cutting off a partial last line. */
export async function indexJsonl(file: string): Promise<JsonlIndex> {
  const keys = new Set<string>()
  const size = await stat(file).then((s) => s.size, () => -1)
  if (size <= 0) return {keys, cut: 0}
  const cut = await cutPartialLine(file, size)
  const lines = createInterface({input: createReadStream(file, {encoding: 'utf8', highWaterMark: 1 << 20}), crlfDelay: Infinity})
  for await (const line of lines) {
    if (line.trim() === '') continue
    const source = recordedSource(line)
    if (source) keys.add(resumeKey(source.path, source.sha256))
  }
  return {keys, cut}
}

/** Truncate `file` after its last newline; returns the bytes removed. */
async function cutPartialLine(file: string, size: number): Promise<number> {
  const handle = await open(file, 'r')
  try {
    const chunk = 64 * 1024
    let end = size
    while (end > 0) {
      const start = Math.max(0, end - chunk)
      const buffer = Buffer.alloc(end - start)
      await handle.read(buffer, 0, buffer.length, start)
      const newline = buffer.lastIndexOf(0x0a)
      if (newline >= 0) {
        const keep = start + newline + 1
        if (keep === size) return 0
        await truncate(file, keep)
        return size - keep
      }
      end = start
    }
  } finally {
    await handle.close()
  }
  await truncate(file, 0)
  return size
}

/** An open JSONL output: records are appended one whole line at a time, in the order `append` is called. */
export class JsonlSink {
  readonly #handle: FileHandle | undefined
  #queue: Promise<void> = Promise.resolve()

  private constructor(handle: FileHandle | undefined) {
    this.#handle = handle
  }

  /** Open `file` (`-`: stdout): appending when `append`, else starting it empty. */
  static async open(file: string, append: boolean): Promise<JsonlSink> {
    if (file === '-') return new JsonlSink(undefined)
    await mkdir(path.dirname(file), {recursive: true})
    return new JsonlSink(await open(file, append ? 'a' : 'w'))
  }

  /** Append one record (a JSON text without newlines). */
  append(json: string): Promise<void> {
    const line = Buffer.from(json + '\n', 'utf8')
    const next = this.#queue.then(() => this.#write(line))
    this.#queue = next.catch(() => {})
    return next
  }

  async #write(line: Buffer): Promise<void> {
    if (!this.#handle) {
      await new Promise<void>((resolve, reject) => process.stdout.write(line, (e) => (e ? reject(e) : resolve())))
      return
    }
    let offset = 0
    while (offset < line.length) offset += (await this.#handle.write(line, offset)).bytesWritten
  }

  /** Wait for pending records, flush to disk, close. */
  async close(): Promise<void> {
    await this.#queue
    if (this.#handle) {
      await this.#handle.sync().catch(() => {})
      await this.#handle.close()
    }
  }
}
