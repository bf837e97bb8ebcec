/**
 * `sohoa/stages`: the pipeline one stage at a time: the unified plugins
 * (`parser` → `diacritics` → `sections` → `tasks` → `compiler`, which
 * `createProcessor` chains) and the functions behind them, for tools that
 * need one step (a table detector, a time-frame reader, an agency matcher).
 *
 *     import {unified} from 'unified'
 *     import {parser, diacritics} from 'sohoa/stages'
 *     const tree = unified().use(parser).use(diacritics).runSync(…)
 */
import '../vfile-data.js'

export {createProcessor, type PipelineOptions} from '../pipeline.js'
export {default as parser, parseText} from '../parser/index.js'
export {default as diacritics, loadModel, textQuality} from '../diacritics/index.js'
export type {Options as DiacriticsOptions, Restorer, TextQuality} from '../diacritics/index.js'
export {restorationFor, type Restoration} from '../diacritics/policy.js'
export {default as sections} from '../sections/index.js'
export {default as tasks, extractTasks} from '../tasks/index.js'
export type {Options as TasksOptions} from '../tasks/index.js'
export {default as compiler} from '../output/compile.js'
export {detectTables} from '../parser/tables/index.js'
export type {TableBlock, TableBlockRow, TableBlockCell, CellFragment, TableLayout} from '../parser/tables/index.js'
export {parseTimeframe, type TimeframeContext} from '../normalize/timeframe.js'
export {splitAgencies, canonicalAgency, type CanonicalAgency} from '../normalize/agencies.js'
export {splitOutputs} from '../normalize/outputs.js'
