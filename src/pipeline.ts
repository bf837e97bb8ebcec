/**
 * The unified processor: parser → diacritics → sections → tasks → compiler.
 */
import {unified} from 'unified'
import diacritics, {type Options as DiacriticsOptions} from './diacritics/index.js'
import compiler from './output/compile.js'
import parser from './parser/index.js'
import sections from './sections/index.js'
import tasks, {type Options as TasksOptions} from './tasks/index.js'

/** Options of the whole pipeline, by stage. */
export interface PipelineOptions {
  /** Options of the diacritics stage (`when`: always, unmarked, never; `model`: a model file). */
  diacritics?: DiacriticsOptions
  /** Options of the tasks stage (`year` for relative time frames). */
  tasks?: TasksOptions
}

/** A processor that turns the text of a file into a validated output object. */
export function createProcessor(options: PipelineOptions = {}) {
  return unified()
    .use(parser)
    .use(diacritics, options.diacritics)
    .use(sections)
    .use(tasks, options.tasks)
    .use(compiler)
}
