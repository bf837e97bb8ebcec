/**
 * `sohoa/outputs`: what an archive keeps of a parsed scan: a searchable PDF
 * (`searchablePdf`), a review page (`reviewPage`), both written beside the
 * JSON (`writeOutputs`), and the pieces they are made of. Kept out of the
 * main entry so `parse` users do not load pdf-lib.
 *
 *     import {writeOutputs} from 'sohoa/outputs'
 */
import '../vfile-data.js'

export {writeOutputs, searchablePdf, reviewPage, reviewFields, restoredRuns, documentMetadata} from '../outputs/index.js'
export type {OutputOptions, WrittenOutputs, Parsed, SearchablePdf, SearchablePdfOptions, ReviewOptions, ReviewField, Doubt, Place, PageRuns, TextRun, DocumentMetadata} from '../outputs/index.js'
