/**
 * Tab-separated tables (text copied from a word processor, seed 000). The
 * reader's tables do not come this way: the parser takes their cells.
 */
import {scanDelimited} from './delimited.js'
import type {CellFragment, TableBlock} from './types.js'

/** Split a line on tabs; null when it has none. */
export function splitTabs(line: string, index: number): CellFragment[] | null {
  if (!line.includes('\t')) return null
  const cells: CellFragment[] = []
  let offset = 0
  for (const part of line.split('\t')) {
    const text = part.trim()
    const lead = part.length - part.trimStart().length
    cells.push({text, line: index, column: offset + (text ? lead : 0)})
    offset += part.length + 1
  }
  return cells
}

/** A tab-separated table starting at line `start`, or null. */
export function detectTabs(lines: string[], start: number): TableBlock | null {
  return scanDelimited(lines, start, {layout: 'tabs', split: splitTabs})
}
