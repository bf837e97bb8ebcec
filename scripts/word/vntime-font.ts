/**
 * A `.VnTime`-style TrueType font, made offline from Liberation Serif: the
 * same glyphs (outlines, metrics, hinting untouched), a new character map
 * that puts the Vietnamese letters at the TCVN3 codes, as the ABC fonts of
 * the 1990s–2000s did, and new names (`.VnTime`). The codes are the
 * Windows-1252 characters of the TCVN3 bytes (`©` U+00A9 for byte A9, drawn
 * `â`), so a PDF made with it shows proper Vietnamese while its text layer
 * reads as "Uû ban nh©n d©n" — the case the reader must convert.
 * `capitals` makes `.VnTimeH`: the small-letter codes draw capitals.
 *
 * Method: fontkit finds the glyph of each letter; the sfnt is rewritten with
 * a format-4 `cmap` (one segment per code) and a `name` table in place of
 * the old ones, the other tables copied, offsets and checksums recomputed.
 */
import fontkit from '@pdf-lib/fontkit'
import {legacyTableSource} from '../../src/read/encoding/legacy.js'

/** The TrueType file of `.VnTime` (or `.VnTimeH` with `capitals`) from the TrueType font `source`. */
export function makeVnTimeFont(source: Buffer, options: {capitals?: boolean} = {}): Buffer {
  const base = fontkit.create(source)
  const tcvn3 = legacyTableSource('tcvn3')
  const windows1252 = new TextDecoder('windows-1252')
  const map = new Map<number, number>()
  const add = (code: number, drawn: string) => {
    const letter = options.capitals ? drawn.toLocaleUpperCase('vi') : drawn
    map.set(code, base.glyphForCodePoint(letter.codePointAt(0) ?? 0).id)
  }
  for (let c = 0x20; c < 0x7f; c++) add(c, String.fromCharCode(c))
  for (const [hex, ch] of Object.entries({...tcvn3.characters, ...tcvn3.vn2})) add(windows1252.decode(Uint8Array.of(parseInt(hex, 16))).codePointAt(0) ?? 0, ch)
  const family = options.capitals ? '.VnTimeH' : '.VnTime'
  const tables = readTables(source)
  tables.set('cmap', cmapTable(map))
  tables.set('name', nameTable(family, family.slice(1)))
  return writeSfnt(source.readUInt32BE(0), tables)
}

function readTables(font: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>()
  const count = font.readUInt16BE(4)
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i
    const tag = font.toString('latin1', record, record + 4)
    const offset = font.readUInt32BE(record + 8)
    const length = font.readUInt32BE(record + 12)
    tables.set(tag, Buffer.from(font.subarray(offset, offset + length)))
  }
  return tables
}

/** A `cmap` with one format-4 subtable (Windows, Unicode BMP): one segment per code. */
function cmapTable(map: Map<number, number>): Buffer {
  const codes = [...map.keys()].sort((a, b) => a - b)
  const segments = [...codes.map((c) => ({start: c, end: c, delta: (map.get(c)! - c + 65536) % 65536})), {start: 0xffff, end: 0xffff, delta: 1}]
  const n = segments.length
  const length = 16 + 8 * n
  const sub = Buffer.alloc(length)
  const log = Math.floor(Math.log2(n))
  sub.writeUInt16BE(4, 0)
  sub.writeUInt16BE(length, 2)
  sub.writeUInt16BE(0, 4)
  sub.writeUInt16BE(2 * n, 6)
  sub.writeUInt16BE(2 * 2 ** log, 8)
  sub.writeUInt16BE(log, 10)
  sub.writeUInt16BE(2 * n - 2 * 2 ** log, 12)
  segments.forEach((s, i) => {
    sub.writeUInt16BE(s.end, 14 + 2 * i)
    sub.writeUInt16BE(s.start, 16 + 2 * n + 2 * i)
    sub.writeUInt16BE(s.delta, 16 + 4 * n + 2 * i)
    sub.writeUInt16BE(0, 16 + 6 * n + 2 * i)
  })
  const header = Buffer.alloc(12)
  header.writeUInt16BE(0, 0)
  header.writeUInt16BE(1, 2)
  header.writeUInt16BE(3, 4)
  header.writeUInt16BE(1, 6)
  header.writeUInt32BE(12, 8)
  return Buffer.concat([header, sub])
}

/** A `name` table (Windows, English): family, style, full name, PostScript name. */
function nameTable(family: string, postscript: string): Buffer {
  const names: Array<[number, string]> = [[1, family], [2, 'Regular'], [4, family], [6, postscript]]
  const strings = names.map(([, s]) => Buffer.from(s, 'utf16le').swap16())
  const header = Buffer.alloc(6 + 12 * names.length)
  header.writeUInt16BE(0, 0)
  header.writeUInt16BE(names.length, 2)
  header.writeUInt16BE(header.length, 4)
  let offset = 0
  names.forEach(([id], i) => {
    const at = 6 + 12 * i
    header.writeUInt16BE(3, at)
    header.writeUInt16BE(1, at + 2)
    header.writeUInt16BE(0x409, at + 4)
    header.writeUInt16BE(id, at + 6)
    header.writeUInt16BE(strings[i].length, at + 8)
    header.writeUInt16BE(offset, at + 10)
    offset += strings[i].length
  })
  return Buffer.concat([header, ...strings])
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)])
  let sum = 0
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0
  return sum
}

function writeSfnt(version: number, tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort()
  const count = tags.length
  const log = Math.floor(Math.log2(count))
  const header = Buffer.alloc(12 + 16 * count)
  header.writeUInt32BE(version, 0)
  header.writeUInt16BE(count, 4)
  header.writeUInt16BE(16 * 2 ** log, 6)
  header.writeUInt16BE(log, 8)
  header.writeUInt16BE(16 * count - 16 * 2 ** log, 10)
  const head = tables.get('head')
  if (head) head.writeUInt32BE(0, 8)
  const bodies: Buffer[] = []
  let offset = header.length
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!
    const record = 12 + 16 * i
    header.write(tag, record, 'latin1')
    header.writeUInt32BE(checksum(data), record + 4)
    header.writeUInt32BE(offset, record + 8)
    header.writeUInt32BE(data.length, record + 12)
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)])
    bodies.push(padded)
    offset += padded.length
  })
  const font = Buffer.concat([header, ...bodies])
  if (head) {
    const at = header.readUInt32BE(12 + 16 * tags.indexOf('head') + 8)
    font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, at + 8)
  }
  return font
}
