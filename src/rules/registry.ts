/**
 * Every rule a message or a failure can carry: its stage (the message's
 * `source`), its severity and what it means, in one place. The README's
 * table of rules is rendered from here (`npm run rules`); a test fails when
 * it is out of date.
 */

/** What reports a rule: a pipeline stage, or the bulk runner around it. */
export type Stage = 'read' | 'parser' | 'diacritics' | 'sections' | 'tasks' | 'language' | 'outputs' | 'limits' | 'bulk' | 'queue' | 'parse'

/**
 * How bad it is: `error` — the file could not be parsed (a failure line, a
 * thrown `ReadError`); `warning` — parsed, but something is doubtful or was
 * dropped; `info` — parsed, and a repair or an inference is worth knowing.
 */
export type Severity = 'error' | 'warning' | 'info'

/** A rule: its stage, severity and a one-line description. */
export interface Rule {
  stage: Stage
  severity: Severity
  description: string
}

/** The rules, by id (reported as `stage:id`), in stage order. */
export const rules = {
  unreadable: {stage: 'read', severity: 'error', description: 'the input cannot be read: missing, a folder, not permitted, corrupt, encrypted, or in a format sohoa does not read'},
  'no-text': {stage: 'read', severity: 'error', description: 'the input holds no text: an empty file or text, only whitespace, a PDF without pages or text, an image where OCR found nothing'},
  'max-pages': {stage: 'read', severity: 'warning', description: 'only the first `maxPages` pages were read'},
  'render-failed': {stage: 'read', severity: 'warning', description: 'a PDF page could not be rendered for OCR: its text is missing'},
  'ocr-text-layer': {stage: 'read', severity: 'warning', description: 'a PDF page whose text layer was rejected and could not be read by OCR (rendering off or failed): the text layer is kept for the diacritics stage to repair'},
  'bad-text-layer': {stage: 'read', severity: 'info', description: 'a PDF page whose text layer was rejected (garbage, no Vietnamese marks): its image was read by OCR instead'},
  'upside-down': {stage: 'read', severity: 'info', description: 'a page image was read upside down and turned half a turn'},
  'ocr-marker': {stage: 'read', severity: 'info', description: 'a section marker misread by OCR (`l.` for `1.`) was put right'},
  'layout-table-mismatch': {stage: 'parser', severity: 'warning', description: 'a table the reader saw as cells no longer matches the text: read as text'},
  'low-confidence': {stage: 'diacritics', severity: 'info', description: 'a diacritics repair the model is unsure of (`actual`: the word as read, `expected`: the repair)'},
  'numbering-gap': {stage: 'sections', severity: 'warning', description: 'a section number is skipped (`2.` then `4.`)'},
  'numbering-duplicate': {stage: 'sections', severity: 'warning', description: 'a section number appears twice in a row'},
  'numbering-order': {stage: 'sections', severity: 'warning', description: 'a section number goes backwards'},
  'missing-number': {stage: 'sections', severity: 'info', description: 'no document number (`Số: …`) was found'},
  'missing-date': {stage: 'sections', severity: 'info', description: 'no place and date (`…, ngày … tháng … năm …`) was found'},
  'missing-type': {stage: 'sections', severity: 'info', description: 'no document type line (`QUYẾT ĐỊNH`, `KẾ HOẠCH` …) was found'},
  'issuer-inferred': {stage: 'sections', severity: 'info', description: 'no issuer line: the issuer was inferred from the text'},
  'ocr-abbreviation': {stage: 'sections', severity: 'info', description: 'an abbreviation misread by OCR (`Lưu: VI`) was taken for a known one (`VT`)'},
  'duplicate-task': {stage: 'tasks', severity: 'warning', description: 'two tasks have the same number'},
  'unnumbered-task': {stage: 'tasks', severity: 'warning', description: 'a task row has no number'},
  'unknown-agency': {stage: 'tasks', severity: 'warning', description: 'an agency not in the list of known agencies: kept as written'},
  'unknown-timeframe': {stage: 'tasks', severity: 'warning', description: 'a time frame that could not be normalized: kept raw'},
  'merged-from-above': {stage: 'tasks', severity: 'info', description: "a task's empty cells taken from the task above (an empty cell read as merged over both)"},
  'not-vietnamese': {stage: 'language', severity: 'warning', description: 'the text does not look like Vietnamese'},
  'searchable-pdf': {stage: 'outputs', severity: 'info', description: 'how the searchable PDF was made (pages copied, text layers added)'},
  'max-bytes': {stage: 'limits', severity: 'error', description: 'the file is larger than `--max-bytes`'},
  'max-pixels': {stage: 'limits', severity: 'error', description: 'the image is larger than `--max-pixels`'},
  timeout: {stage: 'limits', severity: 'error', description: 'the file took longer than `--timeout`: its worker was stopped'},
  interrupted: {stage: 'bulk', severity: 'error', description: 'the batch was interrupted before the file was done'},
  'out-of-memory': {stage: 'bulk', severity: 'error', description: 'the parse worker ran out of memory (its heap limit)'},
  crashed: {stage: 'bulk', severity: 'error', description: 'the parse worker crashed (a queue job is tried again)'},
  'write-failed': {stage: 'bulk', severity: 'error', description: 'an output file (JSON, searchable PDF, review page) could not be written (a queue job is tried again)'},
  stalled: {stage: 'queue', severity: 'error', description: "a queue job's worker stopped answering too often"},
  restarted: {stage: 'queue', severity: 'error', description: 'a queue job was started too often'},
  failed: {stage: 'queue', severity: 'error', description: 'a queue job failed for a reason BullMQ gave'},
  'bad-job': {stage: 'queue', severity: 'error', description: 'a queue job that is not a sohoa parse job (another data version)'},
  internal: {stage: 'parse', severity: 'error', description: 'a bug in sohoa: the error is reported as is'}
} as const satisfies Record<string, Rule>

/** A rule id (a key of `rules`). */
export type RuleId = keyof typeof rules

/** The rule ids of one stage. */
export type RuleOf<S extends Stage> = {[K in RuleId]: (typeof rules)[K]['stage'] extends S ? K : never}[RuleId]

/** The rule ids of one severity. */
export type RuleWith<V extends Severity> = {[K in RuleId]: (typeof rules)[K]['severity'] extends V ? K : never}[RuleId]

/** The rule ids a failure (an unparsed file) can carry. */
export type FailureRule = RuleWith<'error'>
