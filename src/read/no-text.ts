/**
 * An input with no text is no document: an empty file or string, a text of
 * only whitespace, a PDF without pages or text, an image where OCR found
 * nothing. `read` and `parse` fail on it (`read:no-text`) instead of
 * handing the stages an empty text to parse.
 */
import {ReadError} from './read-error.js'
import type {InputKind} from './sniff.js'

/** What was read: its format and pages (text and strings have none). */
export interface ReadSoFar {
  kind: InputKind
  pages: number
}

/** Throws a `read:no-text` `ReadError` for `name` when `text` holds nothing but whitespace. */
export function assertText(text: string, name: string, read: ReadSoFar = {kind: 'text', pages: 0}): void {
  if (/\S/u.test(text)) return
  throw new ReadError(name, noTextReason(text, read), {ruleId: 'no-text'})
}

/** The reason for an input of no bytes at all. */
export const emptyReason = 'no text: empty'

/** Why there is no text, by what was read. */
function noTextReason(text: string, read: ReadSoFar): string {
  const pages = `${read.pages} page${read.pages === 1 ? '' : 's'}`
  if (read.kind === 'text') return text === '' ? emptyReason : 'no text: only whitespace'
  if (read.kind === 'docx' || read.kind === 'doc') return 'no text: an empty Word document'
  if (read.kind === 'pdf') return read.pages === 0 ? 'no text: a PDF without pages' : `no text: nothing in the text layer or found by OCR on ${pages}`
  return `no text: OCR found nothing on ${pages}`
}
