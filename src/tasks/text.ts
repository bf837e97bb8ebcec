/**
 * Text helpers for task fields: join wrapped lines, strip emphasis.
 */
import {collapseWhitespace} from '../normalize/fold.js'
import {endsWithWordHyphen} from '../normalize/word-hyphen.js'
import {stripEmphasis} from '../vietnamese/emphasis.js'

/**
 * One-line text from a cell or item wrapped over several lines: lines are
 * joined with a space, except after a hyphen that joins a compound
 * (`Văn hoá-` + `Xã hội`); markdown emphasis is removed.
 */
export function joinLines(text: string): string {
  // One line (most cells): nothing to join.
  if (!text.includes('\n')) return collapseWhitespace(stripEmphasis(text.normalize('NFC')))
  const lines = stripEmphasis(text.normalize('NFC'))
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  let result = ''
  for (const line of lines) {
    if (result === '') result = line
    else if (endsWithWordHyphen(result)) result += line
    else result += ` ${line}`
  }
  return collapseWhitespace(result)
}

/** Is the text empty once emphasis and whitespace are gone? */
export function isEmptyText(text: string | null | undefined): boolean {
  // Stripping emphasis only ever removes `*` and `_`: the text is empty when it holds nothing else but white space.
  return !text || !/[^\s*_]/.test(text)
}
