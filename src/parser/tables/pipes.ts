/**
 * Piped tables: markdown (`| a | b |` with a `|---|---|` rule) and grid
 * tables (`+----+----+` rules between rows, each row possibly several lines).
 */
import {scanDelimited} from './delimited.js'
import type {CellFragment, TableBlock} from './types.js'

/** Split a line on unescaped pipes; null unless it starts with a pipe or has two or more. */
export function splitPipes(line: string, index: number): CellFragment[] | null {
  const positions: number[] = []
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '|' && line[i - 1] !== '\\') positions.push(i)
  }
  if (positions.length === 0) return null
  const first = line.search(/\S/u)
  const last = line.trimEnd().length - 1
  const leading = positions[0] === first
  if (!leading && positions.length < 2) return null
  const bounds = [leading ? positions[0] : -1, ...positions.slice(leading ? 1 : 0)]
  if (bounds.at(-1) !== last) bounds.push(line.length)
  const cells: CellFragment[] = []
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = line.slice(bounds[i] + 1, bounds[i + 1])
    const text = part.trim().replace(/\\\|/g, '|')
    const lead = part.length - part.trimStart().length
    cells.push({text, line: index, column: bounds[i] + 1 + (text ? lead : 0)})
  }
  // A lone `|` (OCR of a rule or a stroke) has no cell: not a row.
  return cells.length > 0 ? cells : null
}

/** A piped table starting at line `start`, or null. */
export function detectPipes(lines: string[], start: number): TableBlock | null {
  return scanDelimited(lines, start, {layout: 'pipes', split: splitPipes, opens: opensPipes})
}

/** A piped row opens a table with two cells or more when it starts with a pipe (pipes are unambiguous). */
function opensPipes(line: string, cells: CellFragment[]): boolean {
  return cells.length >= 2 && line.trimStart().startsWith('|')
}
