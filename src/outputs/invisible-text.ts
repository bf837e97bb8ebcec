/**
 * Remove the invisible text (render mode 3) from a page's content stream:
 * a scanner's OCR layer that the reader rejected as garbage, before sohoa
 * lays its own text over the page. Visible text, images and paths are left
 * alone; each invisible show operator (`Tj`, `TJ`) goes with its operand,
 * and `'` and `"` keep their move to the next line.
 */
import {Lexer} from './content-lexer.js'

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
