/**
 * Group physical lines into logical paragraphs: undo the hard line breaks of
 * PDF extractions and OCR (seed 004 breaks every line and pads with blank
 * lines; OCR wraps at the page width), keep headings, list items and header
 * lines on their own.
 */
import {collapseSpaces} from '../normalize/fold.js'
import {endsWithWordHyphen} from '../normalize/word-hyphen.js'
import {isAllCaps, opensBlock} from './markers.js'

/** A line as the joiner sees it: index and cleaned text (no emphasis, trimmed). */
export interface JoinLine {
  index: number
  text: string
}

/** Lines ending like this end a sentence, an item or a label. */
const terminal = /(?:[.;:!?…]|\.\/\.|\/\.)["”')\]]*$/u

/** Words that cannot end a sentence: a line ending with one goes on. */
const dangling =
  /(?:^|\s)(?:của|và|về|với|các|những|cho|tại|theo|trong|từ|đến|là|được|có|do|để|trên|xã|phường|huyện|quận|tỉnh|phố|trấn)$/iu

/** Group `lines` (blank lines included, as empty text) into paragraphs of line indices. */
export function joinLines(lines: JoinLine[]): JoinLine[][] {
  const nonBlank = lines.filter((l) => l.text !== '')
  const wrapWidth = percentile(
    nonBlank.map((l) => l.text.length),
    0.9
  )
  const doubleSpaced = isDoubleSpaced(lines)
  const groups: JoinLine[][] = []
  let current: JoinLine[] | undefined
  let blanks = 0
  for (const line of lines) {
    if (line.text === '') {
      blanks++
      continue
    }
    const previous = current?.[current.length - 1]
    const gap = doubleSpaced ? Math.max(0, blanks - 1) : blanks
    if (current && previous && continues(previous.text, line.text, gap, wrapWidth)) {
      current.push(line)
    } else {
      current = [line]
      groups.push(current)
    }
    blanks = 0
  }
  return groups
}

/** Join the texts of a paragraph: a space between lines, none after a word-final hyphen. */
export function joinTexts(texts: string[]): string {
  let value = ''
  for (const text of texts) {
    if (value === '') value = text
    else if (endsWithWordHyphen(value) && /^[\p{L}\d]/u.test(text)) value += text
    else value += ' ' + text
  }
  return collapseSpaces(value)
}


/** Does `next` continue `previous`, with `gap` blank lines between them? */
function continues(previous: string, next: string, gap: number, wrapWidth: number): boolean {
  if (gap > 1) return false
  if (opensBlock(next) || isAllCaps(previous) || isAllCaps(next)) return false
  if (/^[}{|]/u.test(next)) return false
  if (endsWithWordHyphen(previous)) return true
  if (terminal.test(previous)) return false
  const first = next.charAt(0)
  const lower = first !== first.toUpperCase() && first === first.toLowerCase()
  if (lower || /^[\d),;:–-]/u.test(next) || (gap === 0 && next.startsWith('('))) return true
  if (/[,-]$/u.test(previous) || (gap === 0 && dangling.test(previous))) return true
  // An upper-case start continues only a line that ran to the wrap width.
  return gap === 0 && previous.length >= 0.75 * wrapWidth && wrapWidth < 140
}

/** A PDF extraction that puts a blank line after nearly every line. */
function isDoubleSpaced(lines: JoinLine[]): boolean {
  let nonBlank = 0
  let followedByBlank = 0
  let unterminated = 0
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].text === '') continue
    nonBlank++
    if (i + 1 < lines.length && lines[i + 1].text === '' && (lines[i + 2]?.text ?? 'x') !== '') followedByBlank++
    if (!terminal.test(lines[i].text)) unterminated++
  }
  return nonBlank >= 10 && followedByBlank / nonBlank >= 0.7 && unterminated / nonBlank >= 0.5
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}
