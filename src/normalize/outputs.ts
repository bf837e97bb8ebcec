/**
 * Outputs ("Sản phẩm") of a task: a list split on `;` and on bulleted
 * lines (`+ …`, `- …`; a `- ` line only in a dashed list or after an item's
 * end, else it is a name wrapped before its ` - `); lines wrapped inside one
 * item are joined. A `+`
 * or `•` bullet inside a line (a list whose line breaks were lost) also
 * splits; an inline ` - ` does not (it joins compounds: "kinh tế - xã hội").
 */
import {collapseWhitespace} from './fold.js'
import {stripEmphasis} from '../vietnamese/emphasis.js'

/** Split an outputs cell or field into items, cleaned of bullets and end punctuation. */
export function splitOutputs(text: string): string[] {
  const items: string[] = []
  let current = ''
  const lines = stripEmphasis(text.normalize('NFC'))
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '')
  // A line that starts with a dash is an item of a dashed list, or the rest of a name wrapped before its ` - `.
  const dashed = /^[-–]/u.test(lines[0] ?? '')
  for (const line of lines) {
    const bullet = /^[+•]\s*/u.test(line) || (/^[-–]\s*/u.test(line) && (dashed || /[;:.]$/u.test(current)))
    if (bullet || current === '' || /[;:]$/u.test(current)) {
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
