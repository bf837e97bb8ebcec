/**
 * The parts of a DOCX (a ZIP archive) from memory, within limits: yauzl
 * reads the central directory (at most `maxEntries` entries); each part is
 * inflated here by zlib, which stops once the output passes the size the
 * header states (`maxOutputLength`: checked while inflating, never trusted
 * after the fact), and a part whose stated size passes `maxPartBytes` (or
 * `maxRatio` times its compressed size) is not inflated at all. A zip bomb
 * costs at most `maxPartBytes` of output, in bounded memory. (yauzl's own
 * streams are not used: in yauzl 2 a failed size check never reaches the
 * reader on Node 20, and the read hangs.)
 */
import {inflateRawSync} from 'node:zlib'
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
      if (!entry) return Promise.resolve(undefined)
      try {
        return Promise.resolve(readEntry(buffer, entry, Math.min(limits.maxPartBytes, Math.max(ratioFloor, limits.maxRatio * entry.compressedSize))))
      } catch (error) {
        return Promise.reject(error)
      }
    },
    close: () => zip.close()
  }
}

function readEntry(bytes: Buffer, entry: Entry, maxBytes: number): Buffer {
  const name = entry.fileName
  if (entry.isEncrypted()) throw new ZipError(`${name} is encrypted`)
  if (entry.uncompressedSize > maxBytes) {
    throw new ZipError(`${name} would inflate to ${formatBytes(entry.uncompressedSize)} (over ${formatBytes(maxBytes)}: a zip bomb?)`)
  }
  // The data starts after the local header, whose name and extra field may differ in length from the central directory's.
  const at = entry.relativeOffsetOfLocalHeader
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new ZipError(`${name}: bad local header`)
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)
  const data = bytes.subarray(start, start + entry.compressedSize)
  if (data.length < entry.compressedSize) throw new ZipError(`${name} is truncated`)
  let out: Buffer
  if (entry.compressionMethod === 0) out = data
  else if (entry.compressionMethod === 8) {
    try {
      // Inflation stops at the stated size (plus one byte, to tell a longer stream): a bomb never gets further.
      out = inflateRawSync(data, {maxOutputLength: entry.uncompressedSize + 1})
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ZipError(`${name} inflates past the ${formatBytes(entry.uncompressedSize)} its header states (a zip bomb?)`, {cause: error})
      }
      throw new ZipError(`cannot inflate ${name} (${(error as Error).message})`, {cause: error})
    }
  } else throw new ZipError(`${name}: compression method ${entry.compressionMethod} not supported`)
  if (out.length > entry.uncompressedSize) throw new ZipError(`${name} inflates past the ${formatBytes(entry.uncompressedSize)} its header states (a zip bomb?)`)
  if (out.length < entry.uncompressedSize) throw new ZipError(`${name} is truncated (${out.length} of ${entry.uncompressedSize} bytes)`)
  return out
}
