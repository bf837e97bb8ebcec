/**
 * Digitization outputs of a parsed scan: a searchable PDF (the pages as
 * they are, an invisible text layer of the restored text on the OCR word
 * boxes, the document's metadata) and a self-contained review page (page
 * images with the boxes each field came from, what to check, the JSON).
 */
export {writeOutputs, type OutputOptions, type WrittenOutputs} from './write-outputs.js'
export {searchablePdf, type Parsed, type SearchablePdf, type SearchablePdfOptions} from './searchable-pdf.js'
export {reviewPage, type ReviewOptions} from './review.js'
export {reviewFields, type Doubt, type Place, type ReviewField, type ReviewFieldsOptions} from './review-fields.js'
export {restoredRuns, restoredTokenPlaces, type PageRuns, type TextRun, type TokenPlace} from './restored-words.js'
export {documentMetadata, type DocumentMetadata} from './metadata.js'
export {siblingOutputPath} from './sibling-path.js'
