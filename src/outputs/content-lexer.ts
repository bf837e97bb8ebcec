/**
 * A lexer of PDF content streams (ISO 32000 7.8.2): operands and operators
 * with their byte offsets; strings with nesting and escapes, hex strings,
 * names, arrays and dictionaries (each one operand), comments, and inline
 * images (`BI … ID … EI`: after `BI` the caller calls `skipInlineImage`).
 */

/** A token: an operand (number, name, string, array, dictionary …) or an operator, and where it stands. */
export interface Token {
  kind: 'operand' | 'operator'
  start: number
  end: number
  /** The token's bytes as Latin-1 (numbers, names and operators are ASCII). */
  text: string
}

const whitespace = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const delimiters = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])

/** Tokens of a content stream, arrays and dictionaries as one operand each. */
export class Lexer {
  #at = 0
  readonly #bytes: Uint8Array

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes
  }

  /** The next token, or undefined at the end. */
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
