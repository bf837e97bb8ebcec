/**
 * The parts of a DOCX (a ZIP archive), read with yauzl from memory within
 * limits: at most `maxEntries` entries, and each part inflated to at most
 * `maxPartBytes` (and `maxRatio` times its compressed size), and to no more
 * than the size its header states — all
 * counted here while inflating, never trusted from the headers. (yauzl's
 * own size check is off: in yauzl 2 its failure never reaches the stream's
 * reader on Node 20, and the read hangs.) A zip bomb stops after at most
 * `maxPartBytes` of output, in bounded memory.
 */
import yauzl, {type Entry, type ZipFile} from 'yauzl'
import {formatBytes} from '../../bulk/byte-size.js'

/** Why a ZIP could not be read (the reader turns it into a `ReadError`). */
export class ZipError extends Error {
  constructor(message: string, options?: {cause?: unknown}) {
    super(message, options)
    this.name = 'ZipError'
  }
}

/** Limits of reading a ZIP. */
export interface ZipLimits {
  /** A part that inflates past this fails (a zip bomb). */
  maxPartBytes: number
  /** An archive with more entries fails. */
  maxEntries: number
  /**
   * A part that inflates to more than this many times its compressed size
   * (past 16 MiB) fails: XML compresses 5–20 times, a bomb up to 1000.
   */
  maxRatio: number
}

/** Below this a part is never judged by its compression ratio. */
const ratioFloor = 16 * 1024 ** 2

/** An open archive: its entry names, and a reader for one part. */
export interface Zip {
  names: Set<string>
  /** The inflated bytes of `name`; undefined when the archive has no such part. */
  read: (name: string) => Promise<Buffer | undefined>
  close: () => void
}

/** Open the ZIP in `bytes` and list its entries. */
export async function openZip(bytes: Uint8Array, limits: ZipLimits): Promise<Zip> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(buffer, {lazyEntries: true, validateEntrySizes: false, strictFileNames: false}, (error, file) => {
      if (error || !file) reject(new ZipError(`not a readable ZIP archive (${error?.message ?? 'no archive'})`, {cause: error}))
      else resolve(file)
    })
  })
  if (zip.entryCount > limits.maxEntries) {
    zip.close()
    throw new ZipError(`${zip.entryCount} entries in the archive (at most ${limits.maxEntries})`)
  }
  const entries = new Map<string, Entry>()
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      // Part names are case-insensitive in OPC; Word writes them as the content types name them.
      entries.set(entry.fileName.replace(/^\/+/, ''), entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve())
    zip.on('error', (error: Error) => reject(new ZipError(`corrupt ZIP archive (${error.message})`, {cause: error})))
    zip.readEntry()
  })
  const byLowerName = new Map([...entries].map(([name, entry]) => [name.toLowerCase(), entry]))
  return {
    names: new Set(entries.keys()),
    read: (name) => {
      const entry = entries.get(name) ?? byLowerName.get(name.toLowerCase())
      return entry ? readEntry(zip, entry, Math.min(limits.maxPartBytes, Math.max(ratioFloor, limits.maxRatio * entry.compressedSize))) : Promise.resolve(undefined)
    },
    close: () => zip.close()
  }
}

function readEntry(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  const name = entry.fileName
  if (entry.isEncrypted()) return Promise.reject(new ZipError(`${name} is encrypted`))
  if (entry.uncompressedSize > maxBytes) {
    return Promise.reject(new ZipError(`${name} would inflate to ${formatBytes(entry.uncompressedSize)} (over ${formatBytes(maxBytes)}: a zip bomb?)`))
  }
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(new ZipError(`cannot inflate ${name} (${error?.message ?? 'no stream'})`, {cause: error}))
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      let failed = false
      const stop = (reason: string) => {
        failed = true
        stream.destroy()
        reject(new ZipError(reason))
      }
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBytes) return stop(`${name} inflates past ${formatBytes(maxBytes)} (a zip bomb?)`)
        if (size > entry.uncompressedSize) return stop(`${name} inflates past the ${formatBytes(entry.uncompressedSize)} its header states (a zip bomb?)`)
        chunks.push(chunk)
      })
      stream.on('error', (e: Error) => {
        if (failed) return
        failed = true
        reject(new ZipError(`cannot inflate ${name} (${e.message})`, {cause: e}))
      })
      stream.on('end', () => {
        if (failed) return
        if (size < entry.uncompressedSize) reject(new ZipError(`${name} is truncated (${size} of ${entry.uncompressedSize} bytes)`))
        else resolve(Buffer.concat(chunks, size))
      })
    })
  })
}
