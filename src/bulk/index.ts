/**
 * Bulk import: many files, unattended, nothing lost. `bulkParse` runs a
 * batch; `parseInput` parses one file within the same limits. The pieces
 * a batch is made of (`planFiles`, `ParseWorkers`, `processFile`, the
 * atomic writer, the resume check, the report) serve the job queue too
 * (`src/queue/`).
 */
export {bulkParse, reportPathOf, type BulkOptions} from './run.js'
export {parseInput, type ParseInputOptions, type ParsedInput} from './parse-input.js'
export {checkedLimits, defaultLimits, resolveLimits, type Limits} from './limits.js'
export {InputError} from './input-error.js'
export {UsageError} from './usage-error.js'
export {summaryText, failureLine, totalsOf, type BulkReport, type BulkTotals, type FileReport, type FileStatus} from './report.js'
export type {BulkEvent} from './events.js'
export {createProgress, formatDuration, type Progress, type ProgressMode, type ProgressOptions} from './progress.js'
export {parseByteSize, formatBytes} from './byte-size.js'
export {discoverInputs, documentExtensions, type InputFile} from './inputs.js'
export {outputPaths} from './output-paths.js'
export {planFiles, type Plan, type PlanOptions} from './plan.js'
export {processFile, type FileOptions, type ProcessFileContext} from './process-file.js'
export {ParseWorkers, type ParseWorkersOptions} from './worker-pool.js'
export {writeFileAtomic, removeTemporariesOf, removeStaleTemporaries, temporarySuffix} from './atomic-write.js'
export {hashFile, recordedSha256} from './resume.js'
