/**
 * Turning the texts found for one task (from a table row or a list item)
 * into a `Task`: agencies split and named, time frame parsed, outputs
 * listed, provenance and confidence; messages for what could not be read.
 */
import type {VFile} from 'vfile'
import type {Agency, Task, Timeframe} from '../output/schema.js'
import type {BBox, LineData} from '../tree/types.js'
import {canonicalAgency, splitAgencies} from '../normalize/agencies.js'
import {splitOutputs} from '../normalize/outputs.js'
import {parseTimeframe} from '../normalize/timeframe.js'
import {splitResponsibility} from './responsibility.js'
import {isEmptyText, joinLines} from './text.js'
import type {Node} from 'unist'
import type {RuleOf} from '../rules/registry.js'
import {report} from '../rules/report.js'
import {memoize} from '../util/memoize.js'

/** The texts of one task before normalisation; null for a field the source has no place for. */
export interface TaskDraft {
  id: string
  group: string | null
  /** Marker of the task's group row in a table (`II`), to qualify numbers that restart per group. */
  groupId?: string | null
  /** Ordinal of the task table the task comes from (1-based), to qualify numbers that restart per table. */
  table?: number
  /** The year the table's time-frame header names, for relative time frames ("Quý I"). */
  year?: number
  content: string
  lead: string | null
  cooperating: string | null
  timeframe: string | null
  /** A time frame split over a start and an end column. */
  timeframeStart?: string | null
  timeframeEnd?: string | null
  outputs: string | null
  /** Who follows the task up ("Theo dõi, kiểm tra, đôn đốc"); absent when the source has no place for it. */
  monitoring?: string | null
  /** Fields taken from the task above (an empty cell read as one merged over both): reported, and the confidence lowered. */
  inferred?: Array<'lead' | 'monitoring'>
  /** The node the task comes from (a table row or a section). */
  node: Node & {data?: LineData}
  /** Nodes whose OCR confidence and boxes count (cells of the row). */
  parts?: Array<Node & {data?: LineData}>
}

/** What building a task needs beyond its draft. */
export interface RecordContext {
  file: VFile
  year: number | null
  /** Unknown agency names already reported (reported once per file). */
  reported: Set<string>
}

/** Confidence lost for each shortcoming. */
const penalty = {
  content: 0.4,
  lead: 0.2,
  timeframe: 0.1,
  unparsedTimeframe: 0.15,
  unknownAgency: 0.05,
  unknownAgencies: 0.2,
  unnumbered: 0.2,
  inferred: 0.05
}

/** Report a warning from the tasks stage. */
export function warn(file: VFile, reason: string, node: Node, ruleId: RuleOf<'tasks'>): void {
  report(file, ruleId, reason, {place: node.position})
}

/** The agencies of a cell, split and named; remembered, as a plan names the same agencies in many cells. */
const agenciesOf = memoize((cell: string) => splitAgencies(cell).map(canonicalAgency), 4096)

function agencies(cell: string | null, context: RecordContext, node: Node): {list: Agency[]; unknown: number} {
  if (isEmptyText(cell)) return {list: [], unknown: 0}
  let unknown = 0
  const list = agenciesOf(cell!).map((agency) => {
    if (!agency.known) {
      unknown++
      if (!context.reported.has(agency.name)) {
        context.reported.add(agency.name)
        warn(context.file, `Unknown agency \`${agency.name}\`: kept as written`, node, 'unknown-agency')
      }
    }
    return {name: agency.name, raw: agency.raw}
  })
  return {list, unknown}
}

function union(boxes: BBox[]): BBox | undefined {
  if (boxes.length === 0) return undefined
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1))
  }
}

function provenance(draft: TaskDraft): Task['source'] {
  const nodes = [draft.node, ...(draft.parts ?? [])]
  const positioned = nodes.find((node) => node.position)
  const page = nodes.map((node) => node.data?.page).find((value) => typeof value === 'number') ?? null
  const bbox =
    draft.node.data?.bbox ??
    union((draft.parts ?? []).map((node) => node.data?.bbox).filter((box): box is BBox => box !== undefined))
  const source: Task['source'] = {page, line: positioned?.position?.start.line ?? 1}
  if (bbox) source.bbox = bbox
  return source
}

function ocrConfidence(draft: TaskDraft): number {
  const values = [draft.node, ...(draft.parts ?? [])]
    .map((node) => node.data?.confidence)
    .filter((value): value is number => typeof value === 'number')
  if (values.length === 0) return 1
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

/**
 * The time frame of a draft: its cell, or a start and an end cell read
 * apart and joined into a range; null when nothing is written.
 */
function timeframeOf(draft: TaskDraft, year: number | null): Timeframe | null {
  const text = (value: string | null | undefined) => (isEmptyText(value) ? null : joinLines(value!))
  const single = text(draft.timeframe)
  if (single !== null) return parseTimeframe(single, {year})
  const from = text(draft.timeframeStart)
  const to = text(draft.timeframeEnd)
  if (from === null && to === null) return null
  const start = from === null ? null : parseTimeframe(from, {year})
  const end = to === null ? null : parseTimeframe(to, {year})
  const unread = (start !== null && start.kind === null) || (end !== null && end.kind === null)
  return {
    raw: [from, to].filter((part) => part !== null).join(' - '),
    start: start?.start ?? start?.end ?? null,
    end: end?.end ?? end?.start ?? null,
    kind: unread ? null : from === null ? 'deadline' : 'range'
  }
}

/** Build the task record, reporting what could not be read. */
export function buildTask(draft: TaskDraft, context: RecordContext): Task {
  const {file} = context
  const content = joinLines(draft.content)
  // "X chủ trì, phối hợp với Y" in the lead cell: X leads, Y cooperates.
  const roles = isEmptyText(draft.lead) ? null : splitResponsibility(draft.lead!)
  const lead = agencies(roles?.lead ?? draft.lead, context, draft.node)
  const cooperatingText = roles?.cooperating ? [draft.cooperating, roles.cooperating].filter((t) => !isEmptyText(t)).join(';\n') : draft.cooperating
  const cooperating = agencies(cooperatingText, context, draft.node)
  const timeframe = timeframeOf(draft, draft.year ?? context.year)
  if (timeframe && timeframe.kind === null) {
    warn(file, `Unknown time frame \`${timeframe.raw}\` (task ${draft.id || '?'}): kept raw`, draft.node, 'unknown-timeframe')
  }
  const outputs = isEmptyText(draft.outputs) ? [] : splitOutputs(draft.outputs!)

  let confidence = 1
  if (content === '') confidence -= penalty.content
  if (lead.list.length === 0) confidence -= penalty.lead
  if (!timeframe) confidence -= penalty.timeframe
  else if (timeframe.kind === null) confidence -= penalty.unparsedTimeframe
  confidence -= Math.min(penalty.unknownAgencies, (lead.unknown + cooperating.unknown) * penalty.unknownAgency)
  if (draft.id === '') confidence -= penalty.unnumbered
  if (draft.inferred) {
    confidence -= penalty.inferred
    report(file, 'merged-from-above', `Task ${draft.id || '?'}: ${draft.inferred.join(' and ')} taken from the task above (an empty cell read as merged over both)`, {
      place: draft.node.position
    })
  }
  confidence *= ocrConfidence(draft)
  confidence = Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100

  // Fields in the schema's order; `monitoring` only when the source has a place for it.
  const monitoring = draft.monitoring === undefined ? {} : {monitoring: agencies(draft.monitoring, context, draft.node).list}
  return {id: draft.id, group: draft.group, content, lead: lead.list, cooperating: cooperating.list, timeframe, outputs, ...monitoring, source: provenance(draft), confidence}
}
