/**
 * Remove the invisible text (render mode 3) from a page's content stream:
 * a scanner's OCR layer that the reader rejected as garbage, before sohoa
 * lays its own text over the page. Visible text, images and paths are left
 * alone; each invisible show operator (`Tj`, `TJ`) goes with its operand,
 * and `'` and `"` keep their move to the next line.
 *
 * A small lexer of the content-stream syntax (ISO 32000 7.8.2): strings
 * with nesting and escapes, hex strings, names, arrays, dictionaries,
 * comments and inline images (`BI … ID … EI`, whose data is skipped).
 */

/** The content with its invisible text shown no more, and how many show operators were removed. */
export function removeInvisibleText(content: Uint8Array): {content: Uint8Array; removed: number} {
  const edits: Array<{start: number; end: number; replacement: string}> = []
  let mode = 0
  const saved: number[] = []
  let operands: Array<{start: number; end: number; text: string}> = []
  const lexer = new Lexer(content)
  for (let token = lexer.next(); token; token = lexer.next()) {
    if (token.kind !== 'operator') {
      operands.push(token)
      continue
    }
    const op = token.text
    if (op === 'q') saved.push(mode)
    else if (op === 'Q') mode = saved.pop() ?? 0
    else if (op === 'Tr' && operands.length > 0) mode = Number(operands[operands.length - 1].text) || 0
    else if (op === 'BI') lexer.skipInlineImage()
    else if (mode === 3 && (op === 'Tj' || op === 'TJ' || op === "'" || op === '"')) {
      const start = operands.length > 0 ? operands[0].start : token.start
      let replacement = ''
      if (op === "'") replacement = 'T*'
      if (op === '"' && operands.length >= 3) replacement = `${operands[0].text} Tw ${operands[1].text} Tc T*`
      edits.push({start, end: token.end, replacement})
    }
    operands = []
  }
  if (edits.length === 0) return {content, removed: 0}
  const parts: Uint8Array[] = []
  let last = 0
  for (const edit of edits) {
    parts.push(content.subarray(last, edit.start), new TextEncoder().encode(edit.replacement))
    last = edit.end
  }
  parts.push(content.subarray(last))
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return {content: out, removed: edits.length}
}

interface Token {
  kind: 'operand' | 'operator'
  start: number
  end: number
  /** The token's bytes as Latin-1 (numbers, names and operators are ASCII). */
  text: string
}

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const delimiters = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])

/** Tokens of a content stream, arrays and dictionaries as one operand each. */
class Lexer {
  #at = 0
  readonly #bytes: Uint8Array

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes
  }

  next(): Token | undefined {
    this.#skipSpace()
    const b = this.#bytes
    if (this.#at >= b.length) return undefined
    const start = this.#at
    const c = b[start]
    if (c === 0x28) this.#string()
    else if (c === 0x3c && b[start + 1] === 0x3c) this.#nested(0x3c, 0x3e)
    else if (c === 0x3c) this.#until(0x3e)
    else if (c === 0x5b) this.#nested(0x5b, 0x5d)
    else if (c === 0x2f) {
      this.#at++
      this.#regular()
    } else if (delimiters.has(c)) this.#at++
    else {
      this.#regular()
      const text = this.#text(start)
      const operand = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) || text === 'true' || text === 'false' || text === 'null'
      return {kind: operand ? 'operand' : 'operator', start, end: this.#at, text}
    }
    return {kind: 'operand', start, end: this.#at, text: this.#text(start)}
  }

  /** After `BI`: past the image's data and its `EI`. */
  skipInlineImage(): void {
    const b = this.#bytes
    // The dictionary runs to the `ID` operator; one white-space byte follows it, then the data.
    for (let token = this.next(); token && !(token.kind === 'operator' && token.text === 'ID'); token = this.next()) {
      // keys and values of the image dictionary
    }
    this.#at++
    while (this.#at < b.length) {
      if (b[this.#at] === 0x45 && b[this.#at + 1] === 0x49 && whitespace.has(b[this.#at - 1]) && (this.#at + 2 >= b.length || whitespace.has(b[this.#at + 2]))) {
        this.#at += 2
        return
      }
      this.#at++
    }
  }

  #skipSpace(): void {
    const b = this.#bytes
    while (this.#at < b.length) {
      if (whitespace.has(b[this.#at])) this.#at++
      else if (b[this.#at] === 0x25) {
        while (this.#at < b.length && b[this.#at] !== 0x0a && b[this.#at] !== 0x0d) this.#at++
      } else return
    }
  }

  #regular(): void {
    const b = this.#bytes
    while (this.#at < b.length && !whitespace.has(b[this.#at]) && !delimiters.has(b[this.#at])) this.#at++
  }

  #string(): void {
    const b = this.#bytes
    let depth = 0
    while (this.#at < b.length) {
      const c = b[this.#at++]
      if (c === 0x5c) this.#at++
      else if (c === 0x28) depth++
      else if (c === 0x29 && --depth === 0) return
    }
  }

  #until(close: number): void {
    const b = this.#bytes
    while (this.#at < b.length && b[this.#at] !== close) this.#at++
    this.#at++
  }

  /** An array or a dictionary, with whatever it holds (strings may contain brackets). */
  #nested(open: number, close: number): void {
    const b = this.#bytes
    let depth = 0
    while (this.#at < b.length) {
      const c = b[this.#at]
      if (c === 0x28) {
        this.#string()
        continue
      }
      if (open === 0x3c) {
        if (c === 0x3c && b[this.#at + 1] === 0x3c) {
          depth++
          this.#at += 2
          continue
        }
        if (c === 0x3e && b[this.#at + 1] === 0x3e) {
          this.#at += 2
          if (--depth === 0) return
          continue
        }
      } else if (c === open) depth++
      else if (c === close && --depth === 0) {
        this.#at++
        return
      }
      this.#at++
    }
  }

  #text(start: number): string {
    return String.fromCharCode(...this.#bytes.subarray(start, Math.min(this.#at, start + 64)))
  }
}
