/**
 * sohoa: Vietnamese administrative documents to schema-validated JSON.
 *
 * Public API:
 * - `parse(input, options)`: text, bytes or a VFile → `{output, file, tree, messages}`.
 * - `parseFile(path, options)`: read a file (text, PDF, image) and parse it.
 * - `read(input, options)`: any input file → VFile with text and layout.
 * - `restore(text, options)`: restore Vietnamese diacritics / repair OCR damage.
 * - `jsonSchema()`: the JSON Schema of the output.
 * - `bulkParse(options)`: many files, folders, globs → JSON files or JSONL and a report.
 * - `writeOutputs(bytes, parsed, options)`: a searchable PDF and a review page of a parsed scan.
 * - `enqueue(options)`, `runWorker(options)`: the same import on a job queue (BullMQ on Redis), many workers.
 */
import './vfile-data.js'

export type * from './tree/types.js'
export type * from './read/types.js'
export {read, createOcrPool, ReadError, judgeTextLayer, sniff} from './read/index.js'
export type {ReadOptions, ReadProgress, OcrPool, OcrPoolOptions, PreprocessOptions, TextLayerQuality} from './read/index.js'
export * from './output/schema.js'
export {jsonSchema} from './output/json-schema.js'
export {summarize, type Summary} from './output/summary.js'
export {parse, parseFile, parseSync} from './parse.js'
export type {ParseOptions, ParseResult} from './parse.js'
export {createProcessor, type PipelineOptions} from './pipeline.js'
export {restorationFor, type Restoration} from './restoration-policy.js'
export {restoredText} from './restored-text.js'
export {default as sections} from './sections/index.js'
export {default as parser, parseText} from './parser/index.js'
export {default as diacritics, restore, loadModel, textQuality} from './diacritics/index.js'
export type {Options as DiacriticsOptions, RestoreOptions, RestoreResult, TextQuality} from './diacritics/index.js'
export {default as tasks, extractTasks} from './tasks/index.js'
export type {Options as TasksOptions} from './tasks/index.js'
export {detectTables} from './parser/tables/index.js'
export type {TableBlock, TableBlockRow, TableBlockCell, CellFragment, TableLayout} from './parser/tables/index.js'
export {parseTimeframe} from './normalize/timeframe.js'
export type {TimeframeContext} from './normalize/timeframe.js'
export {splitAgencies, canonicalAgency} from './normalize/agencies.js'
export type {CanonicalAgency} from './normalize/agencies.js'
export {splitOutputs} from './normalize/outputs.js'
export {bulkParse, parseInput, defaultLimits, InputError, UsageError} from './bulk/index.js'
export type {BulkOptions, BulkReport, BulkTotals, BulkEvent, FileReport, FileStatus, Limits, ParseInputOptions} from './bulk/index.js'
export type {ParsedInput} from './bulk/index.js'
export {writeOutputs, searchablePdf, reviewPage, reviewFields, restoredRuns, documentMetadata} from './outputs/index.js'
export type {OutputOptions, WrittenOutputs, Parsed, SearchablePdf, SearchablePdfOptions, ReviewOptions, ReviewField, Doubt, Place, PageRuns, TextRun, DocumentMetadata} from './outputs/index.js'
export {enqueue, runWorker, queueStatus, waitForQueue, queueReport, retryFailed, cleanQueue, RedisUnreachableError} from './queue/index.js'
export type {EnqueueOptions, EnqueueResult, WorkerOptions, WorkerSummary, WorkerEvent, QueueStatus, QueueReportOptions, QueueConnectionOptions, CleanOptions, JobData} from './queue/index.js'
