/**
 * Write ZIP archives byte by byte, to make hostile DOCX files in tests: a
 * zip bomb (gigabytes of output from a few megabytes, its header honest or
 * lying), parts with broken or DTD-laden XML.
 */
import {deflateRawSync, constants} from 'node:zlib'

/** One entry: its name, its bytes as stored (deflated unless `stored`), and the sizes its headers state. */
export interface ZipEntry {
  name: string
  data: Buffer
  /** The uncompressed size the headers state. */
  size: number
  crc?: number
  stored?: boolean
}

/** A deflated entry of `text`, sizes and CRC stated truthfully. */
export function deflated(name: string, text: string | Buffer): ZipEntry {
  const raw = Buffer.isBuffer(text) ? text : Buffer.from(text)
  return {name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw)}
}

/**
 * A raw deflate stream that inflates to `megabytes` MiB of `fill` bytes,
 * made of one full-flushed 1 MiB block repeated (each block stands alone),
 * so a 3 GiB bomb costs 3 MiB and no time to make.
 */
export function bombStream(megabytes: number, fill = 0x61): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20, fill), {finishFlush: constants.Z_FULL_FLUSH})
  const end = deflateRawSync(Buffer.alloc(0))
  return Buffer.concat([...Array.from({length: megabytes}, () => block), end])
}

/** The ZIP archive of `entries` (no data descriptors, no ZIP64). */
export function zipArchive(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const method = entry.stored ? 0 : 8
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(entry.crc ?? 0, 14)
    local.writeUInt32LE(entry.data.length, 18)
    local.writeUInt32LE(entry.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(entry.crc ?? 0, 16)
    central.writeUInt32LE(entry.data.length, 20)
    central.writeUInt32LE(entry.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, entry.data)
    centrals.push(central, name)
    offset += local.length + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** The parts every DOCX has besides its document: content types and the package relationships. */
export function docxFrame(): ZipEntry[] {
  return [
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    ),
    deflated(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
  ]
}

/** A `word/document.xml` around `body` (WordprocessingML paragraphs and tables). */
export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
}

const table = new Uint32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const b of bytes) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
