/**
 * The tasks stage: every task of the plan as a clean record in
 * `file.data.tasks`, from task tables (any layout the parser turned into a
 * `table` node) and from the list form (`1.1. …` with `- Cơ quan chủ trì: …`).
 *
 * Runs after the sections stage. Reports `unknown-agency`,
 * `unknown-timeframe`, `duplicate-task` and `unnumbered-task` warnings
 * (source `tasks`).
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {FlatRoot, Part, PartContent, Section} from '../tree/types.js'
import type {Task} from '../output/schema.js'
import {listTask} from './list-tasks.js'
import {buildTask, warn, type RecordContext, type TaskDraft} from './record.js'
import {tableState, tableTasks, type TableState} from './table-tasks.js'
import {joinLines} from './text.js'
import {planYear} from './year.js'
import {loadGrammar} from '../util/grammar.js'
import '../vfile-data.js'

/** Options of the tasks stage. */
export interface Options {
  /** The plan's year for relative time frames ("Quý I", "6 tháng đầu năm"); default: from the document. */
  year?: number | null
}

type Node = Part | PartContent

/** Text between two pages of a table that does not break it: a page number ("5", "- 5 -", "Trang 5"; `pageNumber` of `grammars/tables.json`). */
const pageFurniture = loadGrammar('tables').rule('pageNumber').regex

/** Collect task drafts in document order. */
function collect(nodes: Node[], group: string | null, state: TableState, context: RecordContext, drafts: TaskDraft[]): void {
  nodes.forEach((node, index) => {
    if (node.type === 'table') {
      drafts.push(...tableTasks(node, state, context))
      return
    }
    if (node.type === 'part') {
      state.broken = true
      collect(node.children, null, state, context, drafts)
      return
    }
    if (node.type === 'paragraph' && !pageFurniture.test(node.value)) state.broken = true
    if (node.type !== 'section') return
    state.broken = true
    const draft = listTask(node, nodes as PartContent[], index, group)
    if (draft) drafts.push(draft)
    const title = node.title ? joinLines(node.title).replace(/[\s:.]+$/u, '') : group
    collect(node.children, title, state, context, drafts)
  })
}

/**
 * Make ids unique where the document allows it: table numbers that restart
 * in each group (I: 1, 2 … II: 1, 2 …) become `I.1`, `II.1`; those of a
 * second task table that numbers from 1 again take its ordinal (`2.1`); list items
 * whose numbers repeat under different headings take their section path.
 * Numbers that still repeat are reported (`duplicate-task`).
 */
function uniqueIds(drafts: TaskDraft[], context: RecordContext): void {
  const count = () => {
    const counts = new Map<string, TaskDraft[]>()
    for (const draft of drafts) counts.set(draft.id, [...(counts.get(draft.id) ?? []), draft])
    return counts
  }
  const restarts = [...count().values()].some((same) => {
    const groups = new Set(same.filter((d) => d.node.type === 'tableRow').map((d) => d.groupId))
    return groups.size > 1 && !groups.has(null) && !groups.has(undefined)
  })
  if (restarts) {
    for (const draft of drafts) if (draft.node.type === 'tableRow' && draft.groupId) draft.id = `${draft.groupId}.${draft.id}`
  }
  // Numbers that start again in a later task table: that table's tasks take its ordinal (`2.1`).
  const clashing = new Set<number>()
  for (const same of count().values()) {
    const tables = same.map((draft) => draft.table).filter((table): table is number => table !== undefined)
    const first = Math.min(...tables)
    for (const table of tables) if (table > first) clashing.add(table)
  }
  for (const draft of drafts) if (draft.table !== undefined && clashing.has(draft.table)) draft.id = `${draft.table}.${draft.id}`
  for (const same of count().values()) {
    if (same.length < 2) continue
    for (const draft of same) if (draft.node.type === 'section') draft.id = (draft.node as Section).id
  }
  for (const [id, same] of count()) {
    if (same.length > 1) warn(context.file, `Task number ${id || '(none)'} appears ${same.length} times`, same[1].node, 'duplicate-task')
  }
}

/** What the tasks stage reads: the structured tree (`Root`), or the parser's flat one (`FlatRoot`: its tables and list items, without parts). */
export interface TaskTree {
  type: 'root'
  children: Array<Part | FlatRoot['children'][number]>
}

/** The tasks of `tree`: the structured tree, or a flat one (the tables and list items the parser found, without parts). */
export function extractTasks(tree: TaskTree, file: VFile, options: Options = {}): Task[] {
  const context: RecordContext = {file, year: planYear(file, options.year), reported: new Set()}
  const drafts: TaskDraft[] = []
  collect(tree.children, null, tableState(), context, drafts)
  uniqueIds(drafts, context)
  return drafts.map((draft) => buildTask(draft, context))
}

/** The unified plugin: extract the tasks after the sections stage (or straight from the parser's flat tree). */
const tasks: Plugin<[Options?], TaskTree> = function (options) {
  return function (tree, file) {
    file.data.tasks = extractTasks(tree, file, options ?? {})
  }
}

export default tasks
