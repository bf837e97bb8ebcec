/**
 * Split a text into physical lines with their offsets.
 */

/** A physical line of the input text. */
export interface SourceLine {
  /** 0-based index of the line. */
  index: number
  /** Offset of the first character in the text. */
  offset: number
  /** The line without its newline. */
  text: string
}

/** Split `text` on `\n` (the reader already turned CRLF into LF). */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = []
  let offset = 0
  let index = 0
  for (const text_ of text.split('\n')) {
    lines.push({index: index++, offset, text: text_})
    offset += text_.length + 1
  }
  return lines
}
