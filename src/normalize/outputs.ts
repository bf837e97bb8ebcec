/**
 * Outputs ("Sản phẩm") of a task: a list split on `;` and on bulleted
 * lines (`+ …`, `- …`); lines wrapped inside one item are joined. A `+`
 * or `•` bullet inside a line (a list whose line breaks were lost) also
 * splits; an inline ` - ` does not (it joins compounds: "kinh tế - xã hội").
 */
import {collapseWhitespace} from './fold.js'
import {stripEmphasis} from '../vietnamese/emphasis.js'

/** Split an outputs cell or field into items, cleaned of bullets and end punctuation. */
export function splitOutputs(text: string): string[] {
  const items: string[] = []
  let current = ''
  for (const rawLine of stripEmphasis(text.normalize('NFC')).split(/\r?\n/u)) {
    const line = rawLine.trim()
    if (line === '') continue
    if (/^[-+•]\s*/u.test(line) || current === '' || /[;:]$/u.test(current)) {
      if (current) items.push(current)
      current = line
    } else current += ` ${line}`
  }
  if (current) items.push(current)
  return items
    .flatMap((item) => item.split(/;|\s[+•]\s/u))
    .map((item) => collapseWhitespace(item.replace(/^(?:[-+•]\s*)+/u, '')).replace(/[\s.,;:]+$/u, ''))
    .filter((item) => item !== '')
}
