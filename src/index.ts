/**
 * sohoa: Vietnamese administrative documents to schema-validated JSON.
 *
 * The main entry (`sohoa`) parses:
 * - `parse(input, options)`: text, bytes or a VFile → `{output, file, tree, messages}`.
 * - `parseFile(path, options)`, `parseSync(text, options)`: from a file; synchronously from text.
 * - `read(input, options)`: any input file → VFile with text and layout.
 * - `restore(text, options)`, `restoredText(file)`: restore Vietnamese diacritics / repair OCR damage.
 * - `summarize(output)`: the short summary `sohoa parse --summary` prints.
 * - `ReadError`: what `parse`, `parseFile` and `read` reject with when a file cannot be read.
 * - the types of the output, the trees and the layout.
 *
 * The rest is grouped by use in subpaths: `sohoa/schema` (zod schemas, JSON
 * Schema), `sohoa/read` (reader options, OCR pool), `sohoa/bulk` (batches),
 * `sohoa/outputs` (searchable PDF, review page), `sohoa/queue` (the same
 * import on a job queue: BullMQ on Redis), `sohoa/stages` (the unified
 * plugins one by one) and `sohoa/fixture` (synthetic scans).
 */
import './vfile-data.js'

export {parse, parseFile, parseSync} from './parse.js'
export type {ParseOptions, ParseResult} from './parse.js'
export type {PipelineOptions} from './pipeline.js'
export {read, ReadError} from './read/index.js'
export type {ReadOptions, ReadProgress} from './read/index.js'
export {restore} from './diacritics/index.js'
export type {Options as DiacriticsOptions, RestoreMode, RestoreOptions, RestoreResult} from './diacritics/index.js'
export {restoredText} from './restored-text.js'
export {summarize, type Summary} from './output/summary.js'
export type {TasksOptions} from './api/stages.js'
export type * from './tree/types.js'
export type * from './read/types.js'
export type {
  Agency,
  Article,
  BBoxJson,
  Basis,
  DateInfo,
  Diagnostic,
  DocumentInfo,
  DocumentNumber,
  DocumentType,
  Issuer,
  Output,
  PlanInfo,
  PlanSection,
  Provenance,
  Reference,
  Signature,
  Source,
  Target,
  TargetValue,
  Task,
  Timeframe
} from './output/schema.js'
