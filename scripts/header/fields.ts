/**
 * The header fields the header evaluation scores, taken from an output's
 * `document`, and how a scan's value is compared with the clean text's.
 */
import {canonical} from '../../src/vietnamese/orthography.js'
import type {Output} from '../../src/output/schema.js'

/** A field's value: a string, a list of strings, or null when the output has none. */
export type FieldValue = string | string[] | null

/** The scored fields, in table order. */
export const FIELDS = [
  'type',
  'number',
  'issuer',
  'place',
  'date',
  'title',
  'addressees',
  'recipients',
  'signer authority',
  'signer position',
  'signer name'
] as const

/** One scored field. */
export type Field = (typeof FIELDS)[number]

/**
 * The fields of `document`: type code, number as written, issuer name,
 * place, date as day/month/year (`_` for a blank), title, the addressee and
 * recipient lists, and the first signature's authority chain
 * (`TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH`), position and name.
 */
export function headerFields(document: Output['document']): Record<Field, FieldValue> {
  const signature = document.signatures[0]
  const chain = signature?.chain?.map((c) => `${c.authority} ${c.on}`) ?? (signature?.authority ? [`${signature.authority} ${signature.on ?? ''}`] : [])
  const date = document.date
  return {
    type: document.type?.code ?? null,
    number: document.number?.raw ?? null,
    issuer: document.issuer?.name ?? null,
    place: document.place,
    date: date ? `${date.day ?? '_'}/${date.month ?? '_'}/${date.year ?? '_'}` : null,
    title: document.title,
    addressees: document.addressees,
    recipients: document.recipients,
    'signer authority': chain.length > 0 ? chain.join(' / ') : null,
    'signer position': signature?.position ?? null,
    'signer name': signature?.name ?? null
  }
}

/** The comparison key of a value: NFC, tone marks in one placement (`hoá` = `hóa`), no whitespace. */
export function comparable(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\p{L}+/gu, (word) => canonical(word))
    .replace(/\s+/gu, '')
}

/** How a field of a scan scored against the clean text: `correct` of `total` (items for a list). */
export interface FieldScore {
  correct: number
  total: number
  /** Expected items the scan lacks and items it has that were not expected (lists). */
  missing: string[]
  extra: string[]
}

/**
 * Score `got` against `expected`. A single value counts 1 (0 or 1 correct);
 * a list counts max(expected, got) items, each expected item matched once.
 * Both null or both empty lists: nothing to score (total 0).
 */
export function scoreField(expected: FieldValue, got: FieldValue): FieldScore {
  if (Array.isArray(expected) || Array.isArray(got)) {
    const want = (Array.isArray(expected) ? expected : []).slice()
    const have = Array.isArray(got) ? got : []
    const left = want.map(comparable)
    const extra: string[] = []
    for (const item of have) {
      const at = left.indexOf(comparable(item))
      if (at >= 0) {
        left.splice(at, 1)
        want.splice(at, 1)
      } else extra.push(item)
    }
    const total = Math.max(Array.isArray(expected) ? expected.length : 0, have.length)
    return {correct: have.length - extra.length, total, missing: want, extra}
  }
  if (expected === null && got === null) return {correct: 0, total: 0, missing: [], extra: []}
  const ok = expected !== null && got !== null && comparable(expected) === comparable(got)
  return {correct: ok ? 1 : 0, total: 1, missing: ok || expected === null ? [] : [expected], extra: ok || got === null ? [] : [got]}
}
