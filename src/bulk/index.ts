/**
 * Bulk import: many files, unattended, nothing lost. `bulkParse` runs a
 * batch; `parseInput` parses one file within the same limits.
 */
export {bulkParse, reportPathOf, type BulkOptions} from './run.js'
export {parseInput, type ParseInputOptions, type ParsedInput} from './parse-input.js'
export {defaultLimits, resolveLimits, type Limits} from './limits.js'
export {InputError} from './input-error.js'
export {UsageError} from './usage-error.js'
export {summaryText, failureLine, type BulkReport, type BulkTotals, type FileReport, type FileStatus} from './report.js'
export type {BulkEvent} from './events.js'
export {createProgress, type Progress, type ProgressMode, type ProgressOptions} from './progress.js'
export {parseByteSize, formatBytes} from './byte-size.js'
export {discoverInputs, documentExtensions, type InputFile} from './inputs.js'
export {outputPaths} from './output-paths.js'
