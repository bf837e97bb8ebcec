/**
 * Classifying single lines of a text table: blank, page break, rule line,
 * row markers (`1`, `1.1.`, `II.`, `a)`). Patterns come from `grammars/tables.json`
 * and `grammars/row-markers.json`.
 */
import {loadGrammar} from '../../util/grammar.js'
import {collapseWhitespace, foldKey} from '../../normalize/fold.js'

const grammar = loadGrammar('tables')
const pageNumber = grammar.rule('pageNumber').regex
const pageMarker = grammar.rule('pageMarker').regex
const rule = grammar.rule('rule').regex
const heading = grammar.rule('heading').regex

/** A line with nothing but whitespace (tabs included). */
export function isBlank(line: string): boolean {
  return line.trim() === ''
}

/** A line that is only a page break mark: a page number, `--- Trang 2 ---` (form feeds: see `hasFormFeed`). */
export function isPageBreak(line: string): boolean {
  return pageNumber.test(line) || pageMarker.test(line)
}

/** A line that carries a form feed before (or instead of) its text. */
export function hasFormFeed(line: string): boolean {
  return line.includes('\f')
}

/** A heading that ends a table: "PHỤ LỤC II", "Nơi nhận:", "Trên đây là …". */
export function isTableBreak(line: string): boolean {
  return heading.test(line)
}

/** A rule line: dashes, `|---|---|`, `+----+----+`, `====`. */
export function isRule(line: string): boolean {
  return rule.test(line)
}

const markerOnly = loadGrammar('row-markers').rule('alone').regex
const markerThenText = loadGrammar('row-markers').rule('beforeText').regex

/** Text that is a row marker (`1`, `1.1.`, `II.`, `a)`, `(3)`), alone or followed by a title (`V. Cải cách …`). */
export function startsWithMarker(text: string): boolean {
  const value = text.trim()
  return markerOnly.test(value) || markerThenText.test(value)
}

/** A key to compare rows (repeated headers): folded cell texts. */
export function rowKey(cells: string[]): string {
  return cells.map((cell) => foldKey(collapseWhitespace(cell))).join('|')
}
