/**
 * The unified processor: parser → sections → compiler. Stages join here
 * as they land (diacritics before sections, tasks after).
 */
import {unified} from 'unified'
import compiler from './output/compile.js'
import parser from './parser/index.js'
import sections from './sections/index.js'

/** Options of the whole pipeline. */
export interface PipelineOptions {
  /** Reserved: options passed on to the stages. */
  stages?: Record<string, unknown>
}

/** A processor that turns the text of a file into a validated output object. */
export function createProcessor(_options: PipelineOptions = {}) {
  return unified().use(parser).use(sections).use(compiler)
}
