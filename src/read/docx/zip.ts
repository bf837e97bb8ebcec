/**
 * The parts of a DOCX (a ZIP archive), read with yauzl from memory within
 * limits: at most `maxEntries` entries, and each part inflated to at most
 * `maxPartBytes` — counted while inflating, never trusted from the headers
 * (yauzl also fails a part that inflates past the size its header states).
 * A zip bomb stops after `maxPartBytes` of output, in bounded memory.
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
}

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
    yauzl.fromBuffer(buffer, {lazyEntries: true, validateEntrySizes: true, strictFileNames: false}, (error, file) => {
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
      return entry ? readEntry(zip, entry, limits.maxPartBytes) : Promise.resolve(undefined)
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
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBytes) {
          failed = true
          stream.destroy()
          reject(new ZipError(`${name} inflates past ${formatBytes(maxBytes)} (a zip bomb?)`))
          return
        }
        chunks.push(chunk)
      })
      stream.on('error', (e: Error) => {
        if (failed) return
        failed = true
        reject(new ZipError(`cannot inflate ${name} (${e.message})`, {cause: e}))
      })
      stream.on('end', () => {
        if (!failed) resolve(Buffer.concat(chunks, size))
      })
    })
  })
}
