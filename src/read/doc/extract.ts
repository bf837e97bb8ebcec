/**
 * The body text of a Word 97–2003 file with its structure marks, read with
 * word-extractor (OLE container, FIB, piece table, deleted text; pinned
 * version, as we use two of its internals): word-extractor cleans the marks
 * away, so we take its pieces before that and mark, from the paragraph
 * properties, which paragraphs stand in a table (`sprmPFInTable`,
 * `sprmPItap`). The result keeps Word's marks: `\r` ends a paragraph,
 * `\u2029` a paragraph inside a table cell, `\x07` a cell, `\n` a table row
 * (word-extractor rewrites the row-end paragraph so), `\x0b` a line break,
 * `\x13 … \x14 … \x15` a field; deleted text is gone.
 *
 * Hostile files: the OLE header's table sizes are checked against the file
 * before word-extractor reads it, and its sector-chain walker is replaced
 * with one that stops at a loop (the original loops forever on one).
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

interface Piece {
  startCp: number
  endCp: number
  startFilePos: number
  endFilePos: number
  bpc: number
  text: string
}

interface OleExtractor {
  _pieces: Piece[]
  _boundaries: {ccpText: number}
  extract(reader: unknown): Promise<unknown>
  writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void
  buildDocument(): unknown
  extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>
}

type OleExtractorClass = new () => OleExtractor
type BufferReaderClass = new (buffer: Buffer) => {open: () => Promise<void>; close: () => Promise<void>}
interface AllocationTableClass {
  prototype: {getSecIdChain: (start: number) => number[]; _table: number[]}
}

const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as OleExtractorClass
const BufferReader = require('word-extractor/lib/buffer-reader.js') as BufferReaderClass
const AllocationTable = require('word-extractor/lib/ole-allocation-table.js') as AllocationTableClass

// Sector chains that loop (a → b → a) or run past the table end here instead of looping forever.
AllocationTable.prototype.getSecIdChain = function (this: {_table: number[]}, start: number): number[] {
  const chain: number[] = []
  const seen = new Set<number>()
  let id = start
  while (id >= 0 && id < this._table.length && !seen.has(id)) {
    seen.add(id)
    chain.push(id)
    id = this._table[id]
  }
  return chain
}

/** Word's paragraph-property operations we look for: in a table (`sprmPFInTable`), table depth (`sprmPItap`), a row's end (`sprmPFTtp`). */
const sprmPFInTable = 0x2416
const sprmPItap = 0x6649
const sprmPFTtp = 0x2417
/** `sprmTDefTable`: its operand's size is a two-byte count. */
const sprmTDefTable = 0xd608

/** A reader that keeps the raw text and marks table paragraphs. */
class RawExtractor extends WordOleExtractor {
  raw = ''
  rows: DocRow[] = []

  override extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown> {
    if (isEncryptedFib(buffer)) return Promise.reject(new EncryptedDocError())
    return super.extractWordDocument(document, buffer)
  }

  override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    super.writeParagraphProperties(buffer, tableBuffer)
    for (const paragraph of paragraphProperties(buffer, tableBuffer)) {
      if (paragraph.inTable && !paragraph.row) markTableParagraph(this._pieces, paragraph.end)
      if (paragraph.row) this.rows.push(paragraph.row)
    }
  }

  override buildDocument(): unknown {
    const end = this._boundaries.ccpText
    let text = ''
    for (const piece of this._pieces) {
      if (piece.startCp >= end) break
      text += piece.text.slice(0, Math.max(0, end - piece.startCp))
    }
    this.raw = text
    return null
  }
}

/** A DOC saved with a password (the FIB's `fEncrypted`). */
export class EncryptedDocError extends Error {
  constructor() {
    super('encrypted Word document (password required)')
    this.name = 'EncryptedDocError'
  }
}

/** Why a DOC cannot be read, found before word-extractor reads it. */
export function checkDoc(bytes: Buffer): string | undefined {
  if (bytes.length < 512) return 'corrupt DOC (shorter than its header)'
  const sectorShift = bytes.readUInt16LE(30)
  if (sectorShift !== 9 && sectorShift !== 12) return `corrupt DOC (sector size 2^${sectorShift})`
  const sector = 1 << sectorShift
  const sectors = Math.ceil(bytes.length / sector)
  const satSectors = bytes.readUInt32LE(44)
  const msatSectors = bytes.readUInt32LE(72)
  const ssatSectors = bytes.readUInt32LE(64)
  if (satSectors > sectors || msatSectors > sectors || ssatSectors > sectors) return 'corrupt DOC (allocation tables larger than the file)'
  return undefined
}

/** A table row's layout (its row-end paragraph's `sprmTDefTable`): cell edges (twips) and each cell's vertical merge. */
export interface DocRow {
  /** `cells + 1` edges, left to right. */
  edges: number[]
  /** Per cell: 0 not merged, 1 merged into the cell above, 3 first of a vertical merge (`TC80.vertMerge`). */
  vertMerge: number[]
}

/** The body text of the DOC in `bytes` with Word's marks (see above), and the layout of its table rows in order. */
export async function extractDoc(bytes: Buffer): Promise<{text: string; rows: DocRow[]}> {
  const reader = new BufferReader(bytes)
  await reader.open()
  try {
    const extractor = new RawExtractor()
    await extractor.extract(reader)
    return {text: extractor.raw, rows: extractor.rows}
  } finally {
    await reader.close()
  }
}

/** Whether the FIB says the document is encrypted (`fEncrypted`), from the `WordDocument` stream's first bytes. */
function isEncryptedFib(wordDocument: Buffer): boolean {
  return wordDocument.length >= 12 && (wordDocument.readUInt16LE(0x0a) & 0x0100) !== 0
}

/** The paragraphs whose properties say something of tables: file range, in a table, and a row's layout for a row end. */
function* paragraphProperties(buffer: Buffer, tableBuffer: Buffer): Generator<{start: number; end: number; inTable: boolean; row?: DocRow}> {
  const fc = buffer.readUInt32LE(0x0102)
  const lcb = buffer.readUInt32LE(0x0106)
  if (lcb < 4 || fc + lcb > tableBuffer.length) return
  const count = (lcb - 4) / 8
  for (let i = 0; i < count; i++) {
    const page = tableBuffer.readUInt32LE(fc + (count + 1) * 4 + i * 4) & 0x3fffff
    const fkp = buffer.subarray(page * 512, page * 512 + 512)
    if (fkp.length < 512) continue
    const runs = fkp.readUInt8(511)
    for (let j = 0; j < runs; j++) {
      const start = fkp.readUInt32LE(j * 4)
      const end = fkp.readUInt32LE((j + 1) * 4)
      const offset = fkp.readUInt8((runs + 1) * 4 + j * 13) * 2
      if (offset === 0) continue
      let size = fkp.readUInt8(offset) * 2
      let at = offset + 1
      if (size === 0) {
        size = fkp.readUInt8(offset + 1) * 2
        at = offset + 2
      } else size -= 1
      if (at + size > 512) continue
      const found = tableProperties(fkp.subarray(at + 2, at + size))
      if (found.inTable || found.row) yield {start, end, ...found}
    }
  }
}

/** What a paragraph's property operations (after its style index) say of tables. */
function tableProperties(grpprl: Buffer): {inTable: boolean; row?: DocRow} {
  let inTable = false
  let ttp = false
  let row: DocRow | undefined
  let offset = 0
  while (offset + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(offset)
    offset += 2
    if (sprm === sprmPFInTable && offset < grpprl.length) inTable ||= grpprl[offset] === 1
    else if (sprm === sprmPItap && offset + 4 <= grpprl.length) inTable ||= grpprl.readUInt32LE(offset) > 0
    else if (sprm === sprmPFTtp && offset < grpprl.length) ttp = grpprl[offset] === 1
    else if (sprm === sprmTDefTable && offset + 3 <= grpprl.length) row = defTable(grpprl.subarray(offset + 2, offset + 2 + grpprl.readUInt16LE(offset) - 1))
    const spra = sprm >> 13
    if (sprm === sprmTDefTable) offset += offset + 2 <= grpprl.length ? grpprl.readUInt16LE(offset) + 1 : grpprl.length
    else if (spra === 6) offset += offset < grpprl.length ? grpprl[offset] + 1 : 1
    else offset += [1, 1, 2, 4, 2, 2, 0, 3][spra]
  }
  return ttp && row ? {inTable, row} : {inTable}
}

/** A `TDefTableOperand` (after its size): the number of cells, their edges, their TC80s. */
function defTable(operand: Buffer): DocRow | undefined {
  const cells = operand[0]
  if (!cells || operand.length < 1 + 2 * (cells + 1)) return undefined
  const edges = Array.from({length: cells + 1}, (_, k) => operand.readInt16LE(1 + 2 * k))
  const tcs = 1 + 2 * (cells + 1)
  const vertMerge = Array.from({length: cells}, (_, k) => (tcs + 20 * k + 2 <= operand.length ? (operand.readUInt16LE(tcs + 20 * k) >> 5) & 3 : 0))
  return {edges, vertMerge}
}

/** Turn the `\r` that ends the paragraph ending at file position `end` into `\u2029` (a paragraph inside a cell). */
function markTableParagraph(pieces: Piece[], end: number): void {
  for (const piece of pieces) {
    if (end <= piece.startFilePos || end > piece.endFilePos) continue
    const index = (end - piece.startFilePos) / piece.bpc - 1
    if (Number.isInteger(index) && piece.text[index] === '\r') piece.text = piece.text.slice(0, index) + '\u2029' + piece.text.slice(index + 1)
    return
  }
}
