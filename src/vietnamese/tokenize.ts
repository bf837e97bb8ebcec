/**
 * Split text into the tokens the restorer works on, with offsets: words
 * (letter runs), numbers, codes (`76/NQ-CP`, `S6`), OCR junk that mixes letters
 * and symbols (`c}}é`), and punctuation. White space is not a token: it stays
 * where it is, because restoration only ever replaces a token's characters.
 */

/** What a token is. */
export type TokenKind =
  /** Letters only: `Cải`, `UBND`, `Index`. */
  | 'word'
  /** Digits with separators: `2025`, `15/7/2021`, `1.000`. */
  | 'number'
  /** Letters and digits together: `76/NQ-CP`, `S6`, `x4y`, `d6i`. */
  | 'code'
  /** Letters with symbols inside, as OCR leaves them: `c}}é`, `Nhi€ém`, `K&`. */
  | 'mixed'
  /** One punctuation or symbol character. */
  | 'punct'

/** A token of the text, with its offsets (UTF-16 code units). */
export interface Token {
  start: number
  end: number
  text: string
  kind: TokenKind
  /** Whether white space (or the start of the text) stands before the token. */
  spaceBefore: boolean
  /** Whether a line break stands between this token and the one before. */
  lineBefore: boolean
}

const letterRe = /[\p{L}\p{M}]/u
const digitRe = /[0-9]/
/** Punctuation that opens a token (peeled off the front of a chunk), by UTF-16 unit. */
const opening = new Set([...'([{"\'“‘«*_<'].map((c) => c.charCodeAt(0)))
/** Punctuation that closes a token (peeled off the back of a chunk), by UTF-16 unit. */
const closing = new Set([...'.,;:!?)]}"\'”’»*…_>%'].map((c) => c.charCodeAt(0)))
/** Per UTF-16 unit above ASCII: 1 a letter or combining mark (`letterRe`), 2 not, 0 not yet known. */
const letterUnits = new Uint8Array(0x10000)

/** Whether a non-syllable word reads as an acronym (`UBND`, `HĐND`, `PCI`). */
export function isAcronym(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase()
}

/** Whether a UTF-16 unit is white space as a regular expression's `\s` knows it (white space and line terminators). */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  )
}

/**
 * Call `each(start, end)` for every run of non-space characters of `text` (the matches of
 * `/\S+/g`, found without building match objects).
 */
export function forEachRun(text: string, each: (start: number, end: number) => void): void {
  const n = text.length
  let i = 0
  while (i < n) {
    while (i < n && isSpaceCode(text.charCodeAt(i))) i++
    if (i >= n) return
    let j = i + 1
    while (j < n && !isSpaceCode(text.charCodeAt(j))) j++
    each(i, j)
    i = j
  }
}

/** Receives the tokens of a text in order: offsets in the text and kind. */
export type TokenSink = (start: number, end: number, kind: TokenKind) => void

/** Split `text` into tokens; white space separates tokens and is not one. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let previousEnd = 0
  // The first line break at or after previousEnd (-1: none).
  let nextBreak = text.indexOf('\n')
  const push: TokenSink = (start, end, kind) => {
    tokens.push({start, end, text: text.slice(start, end), kind, spaceBefore: false, lineBefore: false})
  }
  forEachRun(text, (start, end) => {
    if (nextBreak !== -1 && nextBreak < previousEnd) nextBreak = text.indexOf('\n', previousEnd)
    const lineBefore = nextBreak !== -1 && nextBreak < start
    previousEnd = end
    const before = tokens.length
    splitChunk(text, start, end, push)
    // The chunk's first token has the white space (and the line break) before it.
    if (tokens.length > before) {
      tokens[before].spaceBefore = true
      tokens[before].lineBefore = lineBefore
    }
  })
  return tokens
}

/** The tokens `tokenize` finds, given to `sink` as offsets and kinds only (no objects built: for callers that count). */
export function forEachToken(text: string, sink: TokenSink): void {
  forEachRun(text, (start, end) => splitChunk(text, start, end, sink))
}

/** Split the chunk `text[from..to)` (a run of non-space characters) into tokens. */
function splitChunk(text: string, from: number, to: number, sink: TokenSink): void {
  let start = from
  while (start < to && opening.has(text.charCodeAt(start))) {
    sink(start, start + 1, 'punct')
    start++
  }
  let trailing = to
  while (trailing > start && closing.has(text.charCodeAt(trailing - 1))) trailing--
  if (start < trailing) splitCore(text, start, trailing, sink)
  for (let at = trailing; at < to; at++) sink(at, at + 1, 'punct')
}

/** Whether the character at `i` of `text` is a digit 0-9. */
function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  return code >= 48 && code <= 57
}

/** Whether the character at `i` of `text` is a letter or a combining mark (ASCII tested without a regular expression). */
function isLetterAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  let known = letterUnits[code]
  if (known === 0) letterUnits[code] = known = letterRe.test(text[i]) ? 1 : 2
  return known === 1
}

/** Split the core of a chunk (no leading/trailing punctuation) into words, numbers, codes and punctuation. */
function splitCore(text: string, start: number, end: number, push: TokenSink): void {
  let letters = 0
  let digits = 0
  let others = 0
  for (let i = start; i < end; i++) {
    if (isDigitAt(text, i)) digits++
    else if (isLetterAt(text, i)) letters++
    else others++
  }
  if (others === 0 && digits === 0) return push(start, end, 'word')
  if (digits > 0 && letters === 0) {
    // Digits and separators: a number or a date; a lone symbol run stays punctuation.
    return push(start, end, /^[0-9]+(?:[.,/:-][0-9]+)*$/.test(text.slice(start, end)) ? 'number' : 'code')
  }
  if (digits > 0) return push(start, end, 'code')
  if (letters === 0) {
    for (let i = start; i < end; i++) push(i, i + 1, 'punct')
    return
  }
  // Letters and symbols. Runs of letters joined by - . / are separate words (`Văn hóa-Xã hội`,
  // `/KH-UBND`, `TP.HCM`); anything else inside a word is OCR junk kept whole.
  const core = text.slice(start, end)
  if (/^[-./–]*[\p{L}\p{M}]+(?:[-./–]+[\p{L}\p{M}]+)*[-./–]*$/u.test(core)) {
    let i = start
    while (i < end) {
      let j = i
      while (j < end && isLetterAt(text, j)) j++
      if (j > i) push(i, j, 'word')
      else push(i, ++j, 'punct')
      i = j
    }
    return
  }
  push(start, end, 'mixed')
}
