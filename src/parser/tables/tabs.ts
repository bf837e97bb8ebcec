/**
 * Tab-separated tables (a word processor's table pasted as text): a row per
 * line, cells separated by tabs, blank lines allowed inside the table.
 */
import type {TableBlock, TableRowBlock} from './index.js'

/** Find runs of lines holding at least two tabs. */
export function detectTabTables(lines: string[]): TableBlock[] {
  const tables: TableBlock[] = []
  let current: TableBlock | undefined
  let lastRowLine = -1
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const tabs = line.split('\t').length - 1
    if (tabs >= 2) {
      if (/^[\s\-–—=|+\t]*$/.test(line)) {
        if (current) lastRowLine = i
        continue
      }
      if (!current) {
        current = {start: i, end: i + 1, layout: 'tabs', rows: []}
        tables.push(current)
      }
      current.rows.push(splitRow(line, i))
      lastRowLine = i
      current.end = i + 1
    } else if (current && line.trim() === '') {
      continue
    } else if (current) {
      current.end = Math.max(current.end, lastRowLine + 1)
      current = undefined
    }
  }
  if (current) current.end = lastRowLine + 1
  return tables
}

function splitRow(line: string, index: number): TableRowBlock {
  const cells: TableRowBlock['cells'] = []
  let column = 0
  for (const raw of line.split('\t')) {
    const lead = raw.length - raw.trimStart().length
    cells.push({text: raw.trim(), line: index, column: column + lead})
    column += raw.length + 1
  }
  return {lines: [index], cells}
}
