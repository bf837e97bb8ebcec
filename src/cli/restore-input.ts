/**
 * What `sohoa restore` does with a text before and after restoring it, one
 * file or many: decode it, and count its words for `--stats` and the
 * summary.
 */
import {ReadError} from '../read/read-error.js'

/** Decode UTF-8 (BOM dropped) to NFC, keeping the line endings as they are; a `ReadError` naming `name` when it is not UTF-8. */
export function decodeText(bytes: Uint8Array, name: string): string {
  try {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(start)).normalize('NFC')
  } catch (error) {
    throw new ReadError(name, 'not valid UTF-8 text', {cause: error})
  }
}

/** Whether each UTF-16 unit below the surrogates is a letter (\p{L}): 1 yes, 2 no, 0 not yet known. */
const letterUnits = new Uint8Array(0xd800)

/** Number of runs of letters in `text`: `text.match(/\p{L}+/gu).length` without building the matches (the word count of `--stats`). */
export function countLetterRuns(text: string): number {
  let runs = 0
  let inRun = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let letter: boolean
    if (code < 128) letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    else if (code < 0xd800) {
      if (letterUnits[code] === 0) letterUnits[code] = /\p{L}/u.test(String.fromCharCode(code)) ? 1 : 2
      letter = letterUnits[code] === 1
    } else {
      const point = text.codePointAt(i)!
      letter = /\p{L}/u.test(String.fromCodePoint(point))
      if (point > 0xffff) i++
    }
    if (letter && !inRun) runs++
    inRun = letter
  }
  return runs
}
