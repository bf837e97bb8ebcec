/**
 * The DOC route (Word 97–2003): the text with its table marks from
 * word-extractor (`doc/extract.ts`), into blocks (`doc/blocks.ts`), rendered
 * as a DOCX is (`word/write.ts`, tables method `doc`). We do not read a
 * DOC's fonts, so TCVN3 or VNI text is found by how it reads.
 */
import type {VFile} from 'vfile'
import {docBlocks} from './doc/blocks.js'
import {checkDoc, EncryptedDocError, extractDoc} from './doc/extract.js'
import type {ReadContext} from './read-context.js'
import {ReadError} from './read-error.js'
import type {SourceEncoding} from './types.js'
import {writeWord} from './word/write.js'

/** Read the DOC in `bytes` into `file`; returns the legacy encoding its text was converted from, if any. */
export async function readDoc(file: VFile, bytes: Uint8Array, context: ReadContext): Promise<{encoding?: SourceEncoding}> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const problem = checkDoc(buffer)
  if (problem) throw new ReadError(context.name, problem)
  let raw: Awaited<ReturnType<typeof extractDoc>>
  try {
    raw = await extractDoc(buffer)
  } catch (error) {
    if (error instanceof EncryptedDocError) throw new ReadError(context.name, error.message, {cause: error})
    throw new ReadError(context.name, `corrupt DOC (${(error as Error).message ?? String(error)})`, {cause: error})
  }
  const encoding = writeWord(file, docBlocks(raw.text, raw.rows), 'doc')
  return encoding ? {encoding} : {}
}
