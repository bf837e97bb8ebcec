/**
 * The number of the header (`Số: 47/QĐ-UBND`) as far as it can be read for
 * sure. The sequence is often written by hand into the printed line, and OCR
 * garbles it (`Số: 4+ /QĐ-UBND`): the printed part is kept (`/QĐ-UBND`) and
 * the sequence left null rather than guessed.
 */
import type {DocumentNumber} from '../output/schema.js'
import {parseDocumentNumber} from '../normalize/document-number.js'

/** A number read from its line, and what could not be read (a short description), or null. */
export interface NumberReading {
  number: DocumentNumber
  unsure: string | null
}

/** Read the `raw` group of the header's `number` rule (`4+ /QĐ-UBND`, `47/QĐ-UBND`, `/QĐ-UBND`). */
export function readNumberLine(raw: string): NumberReading {
  const slash = raw.indexOf('/')
  const head = raw.slice(0, slash).trim().replace(/\.$/u, '')
  const tail = raw.slice(slash)
  if (head === '' || /^\d{1,6}$/u.test(head)) return {number: parseDocumentNumber(head + tail), unsure: null}
  return {number: parseDocumentNumber(tail), unsure: head}
}
