/**
 * Folding Vietnamese text for comparison: diacritics, case, punctuation.
 *
 * `foldChars` keeps the string length (one character in, one out) so that
 * offsets found in the folded text point into the original; `foldKey` goes
 * further (lower case, punctuation to spaces) for dictionary look-ups.
 */
import {memoize} from '../util/memoize.js'

const marks = /\p{M}/gu

/** Fold one character: `ộ` → `o`, `đ` → `d`, anything else unchanged; remembered (the characters met are few: letters with marks). */
const foldChar = memoize((char: string): string => {
  if (char === 'đ') return 'd'
  if (char === 'Đ') return 'D'
  const base = char.normalize('NFD').replace(marks, '')
  return base.length === 1 ? base : char
}, 4096)

/**
 * Remove diacritics (and `đ` → `d`) character by character, keeping the
 * length of an NFC string, so match offsets carry over to the original.
 */
export function foldChars(value: string): string {
  // ASCII (most of a folded key, all of a number) folds to itself: skip to the first other character.
  let i = 0
  while (i < value.length && value.charCodeAt(i) < 0x80) i++
  if (i === value.length) return value
  let result = value.slice(0, i)
  for (const char of value.slice(i)) result += char.charCodeAt(0) < 0x80 ? char : foldChar(char)
  return result
}

/**
 * Remove diacritics from a regular expression source: `quý` → `quy`, so a
 * pattern written in Vietnamese matches folded text (ASCII syntax is kept).
 */
export function foldPattern(source: string): string {
  return foldChars(source.normalize('NFC'))
}

/**
 * The words of `foldKey` with their case kept (`Văn phòng HĐND&UBND` →
 * `Van phong HDND va UBND`): to tell an acronym from a word.
 */
export function foldWords(value: string): string {
  return foldChars(value.normalize('NFC'))
    .replace(/&/g, ' va ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * A comparison key: NFC, no diacritics, lower case, `&` read as `và`,
 * punctuation as spaces, whitespace collapsed.
 */
export function foldKey(value: string): string {
  return foldChars(value.normalize('NFC'))
    .toLowerCase()
    .replace(/&/g, ' va ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** White space other than a single space between two other characters: what `collapseWhitespace` changes inside a string. */
const uncollapsed = /[^\S ]| \s/

/** Runs of spaces, tabs and no-break spaces as one space, trimmed; line breaks kept (a line's or a cell part's spacing). */
export function collapseSpaces(value: string): string {
  // Most lines have single spaces only: test (no copy) before replacing.
  return (/[\t\u00a0]| {2}/.test(value) ? value.replace(/[ \t\u00a0]+/g, ' ') : value).trim()
}

/** Collapse runs of whitespace (newlines included) to one space and trim. */
export function collapseWhitespace(value: string): string {
  // Most strings are already collapsed: test (no copy) before replacing.
  return (uncollapsed.test(value) ? value.replace(/\s+/g, ' ') : value).trim()
}
