/**
 * Put the header lines the fixture generator would add into the text itself,
 * so the clean text that is parsed for the truth is the text that is drawn.
 */
import {blocksFromText} from '../../src/fixture/from-text.js'
import type {HeaderBlock} from '../../src/fixture/model.js'

/**
 * `text` with the issuer lines (`ỦY BAN NHÂN DÂN`, `XÃ HỒNG CHÂU`) and the
 * Quốc hiệu and Tiêu ngữ that the generator draws in its ND 30 header but
 * the text lacks prepended, each group as its own paragraph. A text without
 * a header comes back unchanged.
 */
export function withDrawnHeader(text: string): string {
  const header = blocksFromText(text).find((b): b is HeaderBlock => b.kind === 'header')
  if (!header) return text
  const lines = new Set(text.split('\n').map((line) => line.trim()))
  const groups = [header.issuer, header.motto].filter((group) => group.length > 0 && !group.every((line) => lines.has(line)))
  return groups.length === 0 ? text : `${groups.map((group) => group.join('\n')).join('\n\n')}\n\n${text.replace(/^\s*\n/u, '')}`
}
