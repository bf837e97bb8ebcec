/**
 * `parse`: a document (text, bytes or a VFile from `read`) → the output
 * object and its messages.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Output} from './output/schema.js'
import {createProcessor, type PipelineOptions} from './pipeline.js'
import {decodeText, normalizeText} from './read/decode-text.js'
import {read, type ReadOptions} from './read/index.js'
import {assertText} from './read/no-text.js'
import type {Root} from './tree/types.js'
import {describeValue} from './util/describe-value.js'
import './vfile-data.js'

/** Options of `parse`. */
export interface ParseOptions extends PipelineOptions {
  /** Options of `read` (OCR pool, dpi, limits) for bytes and files. */
  read?: ReadOptions
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
 * Parse a document. A string is the document's text; bytes are read by
 * content (text, PDF, image); a VFile is taken as `read` left it. Input
 * with no text (`''`, only whitespace, empty bytes) rejects with a
 * `read:no-text` `ReadError`, as `read` does; anything else (null, a
 * number) throws a `TypeError`.
 */
export async function parse(input: string | Uint8Array | VFile, options: ParseOptions = {}): Promise<ParseResult> {
  checkInput('parse', input)
  return parseSync(input instanceof Uint8Array ? await read(input, options.read) : input, options)
}

/** Synchronous `parse` of text (a string, UTF-8/UTF-16 bytes) or of a VFile that `read` returned. */
export function parseSync(input: string | Uint8Array | VFile, options: ParseOptions = {}): ParseResult {
  checkInput('parseSync', input)
  const file =
    input instanceof VFile
      ? input
      : new VFile({
          path: options.path,
          value: typeof input === 'string' ? normalizeText(input) : decodeText(input)
        })
  assertText(String(file.value ?? ''), file.path ?? (typeof input === 'string' ? '<text>' : '<bytes>'))
  const processor = options.diacritics || options.tasks ? createProcessor(options) : defaultProcessor()
  const tree = processor.runSync(processor.parse(file), file) as Root
  const output = processor.stringify(tree, file) as unknown as Output
  return {output, file, tree, messages: file.messages}
}

/**
 * Read a file (text, PDF or image: `read` routes by content) and parse it.
 * Throws a `ReadError` naming the file when it cannot be read at all.
 */
export async function parseFile(path: string, options: ParseOptions = {}): Promise<ParseResult> {
  if (typeof path !== 'string') throw new TypeError(`parseFile: expected a file path (a string), got ${describeValue(path)}`)
  return parseSync(await read(path, options.read), options)
}

let shared: ReturnType<typeof createProcessor> | undefined

/** The one frozen processor of every parse without pipeline options (the diacritics stage decides per file what to restore). */
function defaultProcessor(): ReturnType<typeof createProcessor> {
  shared ??= createProcessor().freeze()
  return shared
}

/** Throw a `TypeError` saying what `name` takes unless `input` is a string, bytes or a VFile. */
function checkInput(name: string, input: unknown): void {
  if (typeof input === 'string' || input instanceof Uint8Array || input instanceof VFile) return
  throw new TypeError(`${name}: expected the document's text (a string), its bytes (a Uint8Array) or a VFile from read(), got ${describeValue(input)}`)
}
