/**
 * Document numbers (`Số: 15/KH-UBND`) split into sequence, type code and
 * issuer code. A công văn has no type code (`5740/UBND-SGDĐT`); a number
 * left blank for the registry (`Số: /QĐ-UBND`) has a null sequence.
 */
import type {DocumentNumber} from '../output/schema.js'
import {restorePart} from '../diacritics/codes.js'
import {loadGrammar} from '../util/grammar.js'

/** Split a raw number (`15 /KH-UBND`) into its parts. */
export function parseDocumentNumber(raw: string): DocumentNumber {
  const clean = canonicalCodes(raw.replace(/\s+/g, '').replace(/[.;,]+$/, ''))
  const [head, ...rest] = clean.split('/')
  const seq = /^\d+$/.test(head) ? Number(head) : null
  const codes = rest.join('/').split('-').filter((c) => c !== '')
  const known = typeCodes()
  if (codes.length >= 2 && known.has(codes[0])) {
    return {raw: clean, seq, typeCode: codes[0], issuerCode: codes.slice(1).join('-')}
  }
  if (codes.length === 1 && known.has(codes[0])) return {raw: clean, seq, typeCode: codes[0], issuerCode: null}
  return {raw: clean, seq, typeCode: null, issuerCode: codes.join('-') || null}
}

/**
 * Put back the Đ that OCR and plain-ASCII typing lose in codes
 * (`3470/QD-UBND` → `3470/QĐ-UBND`, `ND-CP` → `NĐ-CP`, `HDND` → `HĐND`), by the code grammar
 * the diacritics stage uses (`grammars/document-codes.json`); ambiguous parts (`HD`) stay.
 */
export function canonicalCodes(number: string): string {
  return number.replace(/[\p{L}]+/gu, (code) => restorePart(code, null))
}

/** Type codes of `grammars/document-types.json` (QĐ, KH, …), plus NĐ and TT. */
function typeCodes(): Set<string> {
  const names = loadGrammar('document-types').data.names
  return new Set(Object.keys(names))
}
