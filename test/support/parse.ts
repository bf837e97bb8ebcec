/**
 * Test helpers: parse a text given as lines.
 */
import {parseSync, type ParseResult} from '../../src/parse.js'

/** Parse the lines joined with `\n`. */
export function parseLines(...lines: string[]): ParseResult {
  return parseSync(lines.join('\n'))
}
