/**
 * Tasks from a table node, read through its grid (`grid.ts`: texts by
 * column, merged cells placed): find the header row by the column
 * synonyms, then read every row — a numbered row is a task, a roman/letter
 * row with nothing else (or a number whose sub-numbers follow) is a group,
 * a row without a number continues the task above (a row broken over
 * pages, or a task whose number cell is merged over several rows). A cell
 * merged down over several tasks belongs to each of them.
 *
 * A table continued over pages comes as one table per page: a table without
 * a header continues the previous task table when it has as many columns;
 * so does one that repeats its header with nothing but page furniture
 * between, unless its numbering starts again (a second task table). A cell
 * merged down across the page break is empty on the new page: it takes the
 * text it had at the foot of the page before.
 */
import {distance} from 'fastest-levenshtein'
import type {Table} from '../tree/types.js'
import type {TableCell} from '../tree/types.js'
import {rowKey} from '../parser/tables/lines.js'
import {fieldOf, headerMap, headerYear, type ColumnMap, type Field} from './columns.js'
import {continuesAbove, tableGrid, withMergedAbove, type GridRow} from './grid.js'
import {readMarker, type Marker} from './markers.js'
import {warn, type RecordContext, type TaskDraft} from './record.js'
import {isEmptyText, joinLines} from './text.js'

/** What carries over from one task table to the next (a table continued over pages). */
export interface TableState {
  columns: ColumnMap | null
  width: number
  group: string | null
  /** Marker of the current group row (`II`, `B`, `3`), to qualify numbers that restart in each group. */
  groupId: string | null
  /** Drafts of the current task table, for continuations and duplicate numbers. */
  drafts: TaskDraft[]
  /** The current task table's header (folded texts), to know it again on the next page. */
  header: string | null
  /** Ordinal of the current task table in the document (1-based; 0 before the first). */
  table: number
  /** The year the time-frame column's header names ("Thời gian (Năm 2026)"), if any. */
  year: number | null
  /** Each column at the foot of the last table read: its text, and whether a cell merged down from above holds it (a cell that may go on over the page break). */
  carry: Array<{text: string; merged: boolean}>
  /** Something other than page furniture (a heading, a paragraph) came since the last table: no continuation. */
  broken: boolean
}

/** A fresh state, before the first table. */
export function tableState(): TableState {
  return {columns: null, width: 0, group: null, groupId: null, drafts: [], header: null, table: 0, year: null, carry: [], broken: false}
}

const detailFields: Field[] = ['lead', 'cooperating', 'timeframe', 'outputs', 'start', 'end', 'monitoring']

/** Is a row `1 2 3 4 5 6` / `(1) (2) (3)`: the column numbers under a header? */
function isColumnNumbers(texts: string[]): boolean {
  const filled = texts.filter((text) => text.trim() !== '')
  if (filled.length < 3) return false
  return filled.every((text, index) => text.trim().replace(/^\((\d+)\)$/u, '$1') === String(index + 1))
}

/**
 * Merge two header rows cell by cell: a header wrapped over two rows
 * ("Cơ quan" over "chủ trì"), or a spanning header over its sub-columns
 * ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp"), where the sub-column
 * names the field.
 */
function mergeRows(a: string[], b: string[]): string[] {
  const width = Math.max(a.length, b.length)
  const upper = Array.from({length: width}, (_, i) => (a[i] ?? '').trim())
  const lower = Array.from({length: width}, (_, i) => (b[i] ?? '').trim())
  // A spanning header: filled above, empty above its neighbour, which has a name below.
  const spans = upper.map((text, i) => text !== '' && upper[i + 1] === '' && lower[i + 1] !== '' && lower[i] !== '')
  let spanning = false
  return upper.map((text, i) => {
    if (text !== '') spanning = spans[i]
    const joined = `${text} ${lower[i]}`.trim()
    if (spanning && lower[i] !== '' && fieldOf(lower[i])) return lower[i]
    return joined
  })
}

/** Find the header among the first rows: its index, how many rows it spans and the column map. */
function findHeader(rows: GridRow[]): {index: number; span: number; columns: ColumnMap} | null {
  const size = (map: ColumnMap | null) => (map ? Object.keys(map).length : 0)
  for (let index = 0; index < Math.min(rows.length, 4); index++) {
    const texts = rows[index].texts
    const single = headerMap(texts)
    // A header wrapped over two rows: the second adds fields ("Cơ quan" + "chủ trì").
    const next = rows[index + 1] ? rows[index + 1].texts : null
    const merged = next && readMarker(next[0] ?? '') === null ? headerMap(mergeRows(texts, next)) : null
    if (merged && size(merged) > size(single)) return {index, span: 2, columns: merged}
    if (single) return {index, span: 1, columns: single}
  }
  return null
}

/** When no column is the number, use the first unmapped column if it holds markers. */
function guessNumberColumn(columns: ColumnMap, rows: GridRow[]): ColumnMap {
  if (columns.number !== undefined) return columns
  const used = new Set(Object.values(columns))
  if (used.has(0)) return columns
  const firsts = rows.map((row) => (row.texts[0] ?? '').trim()).filter((text) => text !== '')
  const markers = firsts.filter((text) => readMarker(text) !== null).length
  return firsts.length > 0 && markers / firsts.length >= 0.5 ? {...columns, number: 0} : columns
}

function text(texts: string[], columns: ColumnMap, field: Field): string | null {
  const index = columns[field]
  return index === undefined ? null : (texts[index] ?? '')
}

/** `extra` after `base` on a new line (`separator` between: `;\n` keeps them apart as list items). */
function appendText(base: string | null, extra: string | null, separator = '\n'): string | null {
  if (isEmptyText(extra)) return base
  if (isEmptyText(base)) return extra
  return `${base}${separator}${extra}`
}

/**
 * Is header `key` the header `known` again (`rowKey`s)? Cell by cell, the
 * same folded text, or (an OCR'd header read again on the next page,
 * "Thời zian hoàn thành") a text a fifth of its letters apart at most.
 */
function sameHeader(known: string | null, key: string): boolean {
  if (known === null) return false
  if (known === key) return true
  const [a, b] = [known.split('|'), key.split('|')]
  return a.length === b.length && a.every((cell, k) => distance(cell, b[k]) <= Math.max(1, Math.floor(0.2 * Math.max(cell.length, b[k].length))))
}

/** Is `texts` a row to skip: empty, the column numbers, or a header (repeated)? */
function isFurniture(texts: string[]): boolean {
  return texts.every((value) => isEmptyText(value)) || isColumnNumbers(texts) || headerMap(texts) !== null
}

/** Does the body (its first markers) start its numbering again, where the current table has gone past its start? */
function restartsNumbering(markers: Array<Marker | null>, state: TableState): boolean {
  const first = markers.find((m) => m !== null && m.kind !== 'lower')
  if (!first) return false
  if (first.kind === 'number') return first.id === '1' && state.drafts.some((d) => d.groupId === state.groupId)
  return (first.id === 'I' || first.id === 'A') && state.groupId !== null
}

/** The marker a row starts with: in its number cell, else at the start of its content. */
function markerOf(texts: string[], columns: ColumnMap): Marker | null {
  const numberText = text(texts, columns, 'number')
  return numberText === null ? readMarker(text(texts, columns, 'content') ?? '') : readMarker(numberText)
}

/** What stands in each column of a table's last row (its own cell, or one merged down over it: `merged`), but for the `key` column. */
function carryOf(last: GridRow, key: number | undefined, carried: Map<TableCell, string>): TableState['carry'] {
  return last.texts.map((text, column) => {
    if (column === key) return {text: '', merged: false}
    const above = last.above[column]
    if (text === '' && above) return {text: carried.get(above) ?? above.value ?? '', merged: true}
    return {text, merged: false}
  })
}

/**
 * Where the table cannot show merged cells (text, a PDF table without rules,
 * word-box columns), a task's empty lead or monitoring cell under the task
 * before (same group) is taken as a cell merged over both, written once: it
 * takes that task's — a guess the record reports (`inferred`).
 */
function fillFromAbove(draft: TaskDraft, previous: TaskDraft | undefined, columns: ColumnMap): void {
  if (!previous || previous.groupId !== draft.groupId || previous.group !== draft.group) return
  const inferred: Array<'lead' | 'monitoring'> = []
  if (columns.lead !== undefined && isEmptyText(draft.lead) && !isEmptyText(previous.lead)) {
    draft.lead = previous.lead
    inferred.push('lead')
  }
  if (columns.monitoring !== undefined && isEmptyText(draft.monitoring) && !isEmptyText(previous.monitoring)) {
    draft.monitoring = previous.monitoring
    inferred.push('monitoring')
  }
  if (inferred.length > 0) draft.inferred = inferred
}

/** Read the tasks of one table, updating `state`; returns drafts in row order. */
export function tableTasks(table: Table, state: TableState, context: RecordContext): TaskDraft[] {
  const rows = tableGrid(table)
  if (rows.length === 0) return []
  const width = rows[0].texts.length
  const header = findHeader(rows)
  const broken = state.broken
  state.broken = false
  let start: number
  let columns: ColumnMap
  let continued = false
  if (header) {
    columns = guessNumberColumn(header.columns, rows.slice(header.index + header.span))
    start = header.index + header.span
    const headerTexts = header.span === 2 ? mergeRows(rows[header.index].texts, rows[header.index + 1].texts) : rows[header.index].texts
    const key = rowKey(headerTexts)
    const markers = rows
      .slice(start)
      .map((grid) => withMergedAbove(grid, columns.number ?? columns.content))
      .filter((texts) => !isFurniture(texts))
      .map((texts) => markerOf(texts, columns))
    continued = !broken && sameHeader(state.header, key) && state.width === width && !restartsNumbering(markers, state)
    if (!continued) {
      state.drafts = []
      state.group = null
      state.groupId = null
      state.width = width
      state.header = key
      state.table++
      state.carry = []
      const timeframe = columns.timeframe ?? columns.end
      state.year = timeframe === undefined ? null : headerYear(headerTexts[timeframe] ?? '')
    }
  } else if (state.columns && width === state.width) {
    // A table continued on the next page without its header.
    columns = state.columns
    start = 0
    continued = true
  } else return []
  state.columns = columns

  const drafts: TaskDraft[] = []
  // Merged cells show in a table read from rules or cells; not in text, nor in a table found from alignment alone.
  const seesMerges = ['lattice', 'grid', 'docx', 'doc'].includes(table.data?.layout ?? '')
  // The column that says where a task starts: its number, else its content.
  const key = columns.number ?? columns.content
  // A cell merged down across the page break goes on at the top of this page: with the text it had at the foot of the last.
  const carried = new Map<TableCell, string>()
  let first = start
  while (first < rows.length && isFurniture(rows[first].texts)) first++
  // The first row goes on with a task the page break cut (no number of its own)?
  const cut = key !== undefined && first < rows.length && isEmptyText(rows[first].texts[key])
  if (continued && first < rows.length) {
    for (const cell of rows[first].node.children) {
      const column = cell.data?.column
      const carry = column === undefined || column === key ? undefined : state.carry[column]
      if (!carry || isEmptyText(carry.text)) continue
      // The cut row's cells are the rest of the cells above; a cell merged on below it holds the whole text.
      if (cut && (cell.data?.rowSpan ?? 1) > 1) carried.set(cell, appendText(carry.text, cell.value ?? '') ?? '')
      // A new task under a cell merged down to the foot of the last page: that cell, if its own is empty — when the
      // cell was merged there, is merged on here, or is the lead's (or the monitor's: a task always has one).
      else if (!cut && isEmptyText(cell.value) && (carry.merged || (cell.data?.rowSpan ?? 1) > 1 || column === columns.lead || column === columns.monitoring))
        carried.set(cell, carry.text)
    }
  }
  const textsOf = (grid: GridRow) => {
    const texts = withMergedAbove(grid, key, (cell) => carried.get(cell) ?? cell.value ?? '')
    if (!cut) for (const cell of grid.node.children) if (carried.has(cell) && cell.data?.column !== undefined) texts[cell.data.column] = carried.get(cell)!
    return texts
  }
  const numbered = rows.map((grid) => markerOf(textsOf(grid), columns))
  state.carry = carryOf(rows.at(-1)!, key, carried)

  for (let index = start; index < rows.length; index++) {
    const grid = rows[index]
    const row = grid.node
    const texts = textsOf(grid)
    if (isFurniture(texts)) continue

    const numberText = text(texts, columns, 'number')
    let content = text(texts, columns, 'content') ?? ''
    let marker: Marker | null = numberText === null ? null : readMarker(numberText)
    if (numberText === null || (isEmptyText(numberText) && marker === null)) {
      // No number column (or an empty one): a marker may open the content.
      const inContent = readMarker(content)
      if (inContent && inContent.rest !== '') {
        marker = inContent
        content = inContent.rest
      }
    } else if (marker && marker.rest !== '' && isEmptyText(content)) {
      content = marker.rest
    }
    const details = detailFields.map((field) => text(texts, columns, field))
    const hasDetails = details.some((value) => !isEmptyText(value))

    const draftOf = (id: string): TaskDraft => {
      const draft: TaskDraft = {
        id,
        group: state.group,
        groupId: state.groupId,
        table: state.table,
        content,
        lead: details[0],
        cooperating: details[1],
        timeframe: details[2],
        timeframeStart: details[4],
        timeframeEnd: details[5],
        outputs: details[3],
        node: row,
        parts: row.children
      }
      if (details[6] !== null) draft.monitoring = details[6]
      if (state.year !== null) draft.year = state.year
      return draft
    }

    if (marker && !hasDetails) {
      const laterNumbers = numbered.slice(index + 1).filter((m): m is Marker => m?.kind === 'number')
      const isParent = marker.kind === 'number' && laterNumbers[0]?.id.startsWith(`${marker.id}.`)
      if (marker.kind === 'roman' || marker.kind === 'upper' || isParent || marker.kind === 'lower') {
        state.group = joinLines(content).replace(/[\s:]+$/u, '') || state.group
        if (marker.kind !== 'lower') state.groupId = marker.id
        continue
      }
    }

    if (marker) {
      let id = marker.id
      if (marker.kind === 'lower') {
        const parent = state.drafts.at(-1)?.id.split('.')[0]
        if (parent && /^\d/u.test(parent)) id = `${parent}.${marker.id}`
      }
      // The same row again (repeated at a page break) is dropped; other repeats are resolved later.
      const duplicate = state.drafts.find((draft) => draft.id === id && draft.groupId === state.groupId)
      if (duplicate && joinLines(duplicate.content) === joinLines(content)) continue
      const draft = draftOf(id)
      if (!seesMerges) fillFromAbove(draft, state.drafts.at(-1), columns)
      drafts.push(draft)
      state.drafts.push(draft)
      continue
    }

    // No number: a heading, the rest of a task broken over a page, or an unnumbered task.
    const previous = state.drafts.at(-1)
    if (previous && continuesAbove(grid, key)) {
      // The task's number cell is merged over this row: one more product, agency or time frame of it.
      previous.content = appendText(previous.content, content) ?? ''
      previous.lead = appendText(previous.lead, details[0], ';\n')
      previous.cooperating = appendText(previous.cooperating, details[1], ';\n')
      previous.timeframe = appendText(previous.timeframe, details[2], ';\n')
      previous.outputs = appendText(previous.outputs, details[3], ';\n')
      previous.timeframeStart = appendText(previous.timeframeStart ?? null, details[4], ';\n')
      previous.timeframeEnd = appendText(previous.timeframeEnd ?? null, details[5], ';\n')
      if (previous.monitoring !== undefined) previous.monitoring = appendText(previous.monitoring, details[6], ';\n')
      previous.parts = [...(previous.parts ?? []), ...row.children]
      continue
    }
    if (!hasDetails && /^\p{Lu}/u.test(joinLines(content)) && !(previous && isEmptyText(previous.content))) {
      state.group = joinLines(content).replace(/[\s:]+$/u, '')
      continue
    }
    if (previous) {
      previous.content = appendText(previous.content, content) ?? ''
      previous.lead = appendText(previous.lead, details[0])
      previous.cooperating = appendText(previous.cooperating, details[1])
      previous.timeframe = appendText(previous.timeframe, details[2])
      previous.outputs = appendText(previous.outputs, details[3])
      previous.timeframeStart = appendText(previous.timeframeStart ?? null, details[4])
      previous.timeframeEnd = appendText(previous.timeframeEnd ?? null, details[5])
      if (previous.monitoring !== undefined) previous.monitoring = appendText(previous.monitoring, details[6])
      previous.parts = [...(previous.parts ?? []), ...row.children]
      continue
    }
    warn(context.file, 'Task row without a number', row, 'unnumbered-task')
    const draft = draftOf('')
    drafts.push(draft)
    state.drafts.push(draft)
  }
  return drafts
}
