/**
 * `parse`: a document (text, bytes or a VFile from `read`) → the output
 * object and its messages.
 */
import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Output} from './output/schema.js'
import {createProcessor, type PipelineOptions} from './pipeline.js'
import {decodeText, normalizeText} from './read/decode-text.js'
import type {Root} from './tree/types.js'
import './vfile-data.js'

/** Options of `parse`. */
export interface ParseOptions extends PipelineOptions {
  /** Path recorded in the output's `source.path` when the input is text or bytes. */
  path?: string
}

/** What `parse` returns. */
export interface ParseResult {
  /** The validated output (contract v1). */
  output: Output
  /** The file, with the tree's data and every message. */
  file: VFile
  /** The structured tree (parts, sections, tables). */
  tree: Root
  /** The messages the stages reported (also in `output.diagnostics`). */
  messages: VFileMessage[]
}

/**
 * Parse a document. A string is the document's text; bytes are decoded as
 * text (UTF-8, or UTF-16 with a BOM); a VFile is taken as `read` left it.
 */
export async function parse(input: string | Uint8Array | VFile, options: ParseOptions = {}): Promise<ParseResult> {
  return parseSync(input, options)
}

/** Synchronous `parse` for text that needs no reading. */
export function parseSync(input: string | Uint8Array | VFile, options: ParseOptions = {}): ParseResult {
  const file =
    input instanceof VFile
      ? input
      : new VFile({
          path: options.path,
          value: typeof input === 'string' ? normalizeText(input) : decodeText(input)
        })
  const processor = createProcessor(options)
  const tree = processor.runSync(processor.parse(file), file) as Root
  const output = processor.stringify(tree, file) as unknown as Output
  return {output, file, tree, messages: file.messages}
}

/**
 * Read a file and parse it. Text files only for now: PDFs and images join
 * when the reader (`read`) lands.
 */
export async function parseFile(path: string, options: ParseOptions = {}): Promise<ParseResult> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new Error(`read: ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  let value: string
  try {
    value = decodeText(bytes)
  } catch {
    throw new Error(`read: ${path}: not a text file (invalid UTF-8) and no other reader is available`)
  }
  const file = new VFile({path, value})
  file.data.source = {
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    mediaType: 'text/plain',
    pages: 0,
    route: 'text'
  }
  return parse(file, options)
}
