/**
 * Table detection in text lines: tab-separated, piped (markdown or grid)
 * and whitespace-aligned tables, each layout in its own module.
 *
 * The parser calls `detectTables(lines)` on the input's lines and turns each
 * block into a `table` node (rows → `tableRow`, cells → `tableCell`); every
 * other line stays a paragraph.
 */
import {detectAligned} from './aligned.js'
import {isRule} from './lines.js'
import {detectPipes} from './pipes.js'
import {detectTabs} from './tabs.js'
import type {TableBlock} from './types.js'

export type {CellFragment, TableBlock, TableBlockCell, TableBlockRow, TableLayout} from './types.js'

/** The layout detectors, tried in this order at every line. */
const detectors = [detectTabs, detectPipes, detectAligned]

/**
 * What a line must hold for a detector to open a table on it: a tab (`detectTabs`), a pipe
 * (`detectPipes`), or three white-space characters in a row (`detectAligned` wants two gutters
 * of three or more between the runs of its first line).
 */
const mayOpen = /[\t|]|\s{3}/

/**
 * Find the tables in `lines` (the text split on line breaks, no line break
 * characters). Blocks are in order and do not overlap.
 */
export function detectTables(lines: string[]): TableBlock[] {
  const blocks: TableBlock[] = []
  let index = 0
  while (index < lines.length) {
    // No detector opens a table on a line without a tab, a pipe or a gutter (most lines of prose).
    if (!mayOpen.test(lines[index])) {
      index++
      continue
    }
    let block: TableBlock | null = null
    for (const detect of detectors) {
      block = detect(lines, index)
      if (block) break
    }
    if (!block) {
      index++
      continue
    }
    // A rule line right above the table (`+----+`, `-----`) belongs to it.
    const floor = blocks.at(-1)?.end ?? 0
    while (block.start > floor && isRule(lines[block.start - 1])) block.start--
    blocks.push(block)
    index = block.end
  }
  return blocks
}
