/**
 * The last step of both Word routes: render the blocks (`render.ts`) into
 * `file.value` and `layout.tables`. When no run was in a legacy font and
 * the text still reads as TCVN3 or VNI seen through Windows-1252 (fonts
 * changed, text never converted; a DOC, whose fonts we do not read), the
 * blocks are converted first.
 */
import type {VFile} from 'vfile'
import {normalizeText} from '../decode-text.js'
import {repairMojibake} from '../encoding/decode.js'
import {fromLegacy} from '../encoding/legacy.js'
import type {SourceEncoding, TableMethod} from '../types.js'
import type {WordBlock} from './model.js'
import {renderWord} from './render.js'

/** Write `blocks` into `file`; `encoding`: the legacy encoding runs were converted from (by font). Returns the encoding the text came from, if not Unicode. */
export function writeWord(file: VFile, blocks: WordBlock[], method: TableMethod, encoding?: SourceEncoding): SourceEncoding | undefined {
  let rendered = renderWord(blocks, method)
  if (!encoding) {
    const repaired = repairMojibake(rendered.text)
    if (repaired && (repaired.encoding === 'tcvn3' || repaired.encoding === 'vni')) {
      const legacy = repaired.encoding
      rendered = renderWord(convertBlocks(blocks, (text) => fromLegacy(text, legacy)), method)
      encoding = legacy
    }
  }
  file.value = normalizeText(rendered.text)
  for (const table of rendered.tables) for (const cell of table.cells) cell.text = normalizeText(cell.text)
  file.data.layout = {pages: [], lines: [], ...(rendered.tables.length > 0 ? {tables: rendered.tables} : {})}
  return encoding
}

function convertBlocks(blocks: WordBlock[], convert: (text: string) => string): WordBlock[] {
  return blocks.map((block) =>
    block.kind === 'paragraph'
      ? {...block, text: convert(block.text)}
      : {...block, rows: block.rows.map((row) => row.map((cell) => ({...cell, blocks: convertBlocks(cell.blocks, convert)})))}
  )
}
