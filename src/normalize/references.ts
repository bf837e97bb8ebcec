/**
 * Find the documents a text cites (`Căn cứ Nghị quyết số 76/NQ-CP ngày
 * 15/7/2021 của Chính phủ …`): type, number, ISO date and issuer.
 */
import type {Reference} from '../output/schema.js'
import {loadGrammar} from '../util/grammar.js'
import {parseDocumentDate} from './document-date.js'
import {canonicalCodes} from './document-number.js'

/** Every citation in `text`, in order. A citation needs a number or a date. */
export function findReferences(text: string): Reference[] {
  const grammar = loadGrammar('references')
  const pattern = new RegExp(grammar.rule('reference').regex.source, 'gu')
  const issuerPattern = grammar.rule('issuer').regex
  const references: Reference[] = []
  for (const match of text.matchAll(pattern)) {
    const groups = match.groups ?? {}
    if (!groups.number && !groups.date) continue
    const type = groups.type.replace(/\s+/g, ' ')
    const reference: Reference = {
      type: type.charAt(0).toUpperCase() + type.slice(1),
      number: groups.number ? canonicalCodes(groups.number) : null,
      date: groups.date ? (parseDocumentDate(`ngày ${groups.date}`)?.iso ?? null) : null
    }
    const name = groups.name?.trim()
    if (name && !groups.number) Object.assign(reference, {title: `${reference.type} ${name}`})
    const after = text.slice((match.index ?? 0) + match[0].length)
    const issuer = issuerPattern.exec(after)?.groups?.issuer
    if (issuer) reference.issuer = issuer.trim()
    references.push(reference)
  }
  return references
}
