/**
 * `sohoa/bulk`: many files at once, unattended: `bulkParse` (files, folders,
 * globs → JSON files or JSONL and a report, each file in a worker thread
 * within limits), `parseInput` (one file within the same limits), and the
 * errors a batch can end with.
 *
 *     import {bulkParse} from 'sohoa/bulk'
 *     const report = await bulkParse({inputs: ['archive/'], out: 'json/'})
 */
import '../vfile-data.js'

export {bulkParse, parseInput, defaultLimits, InputError, UsageError} from '../bulk/index.js'
export type {BulkOptions, BulkReport, BulkTotals, BulkEvent, FileReport, FileStatus, Limits, ParseInputOptions, ParsedInput} from '../bulk/index.js'
