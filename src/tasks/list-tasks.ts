/**
 * Tasks written as a list (seed 001, section IV): a numbered item
 * (`1.1. <content>`) followed by labelled fields, each a `-` item or a
 * paragraph: `- Cơ quan chủ trì (thực hiện): …`, `- Cơ quan phối hợp: …`,
 * `- Sản phẩm: …` (possibly with `+ …` sub-items), `- Thời gian thực hiện: …`.
 * Missing fields stay empty.
 */
import type {PartContent, Section, SectionKind} from '../tree/types.js'
import {labelledField, type Field} from './columns.js'
import {markerId} from './markers.js'
import type {TaskDraft} from './record.js'

type Child = PartContent

/** Section kinds that can hold a task (dash and plus items are its fields). */
const taskKinds = new Set<SectionKind>(['dotted', 'arabic', 'letter', 'paren', 'roman'])

/** The text of an item with its sub-items, each on its own line (`+ …` kept as a bullet). */
function itemText(node: Child): string {
  if (node.type === 'paragraph') return node.value
  if (node.type === 'table') return ''
  const lines = [node.title ?? '']
  for (const child of node.children) {
    const text = itemText(child)
    if (text === '') continue
    const bullet = child.type === 'section' && (child.kind === 'plus' || child.kind === 'dash') ? `${child.marker} ` : ''
    lines.push(bullet + text)
  }
  return lines.filter((line) => line.trim() !== '').join('\n')
}

/** The field a child holds, with its value (label removed, sub-items kept). */
function fieldOfChild(node: Child): {field: Field; value: string} | null {
  if (node.type === 'table') return null
  if (node.type === 'section' && node.kind !== 'dash' && node.kind !== 'plus') return null
  const text = itemText(node)
  const [first, ...rest] = text.split('\n')
  // `Sản phẩm:` with `+` items may arrive without its colon (`Sản phẩm` heading its items).
  const found = labelledField(first) ?? (rest.length > 0 ? labelledField(`${first}:`) : null)
  if (!found) return null
  return {field: found.field, value: [found.value, ...rest].filter((line) => line.trim() !== '').join('\n')}
}

/** Is this set of fields enough to call an item a task: a lead, or two fields of different kinds? */
function isTask(fields: Array<{field: Field}>): boolean {
  const kinds = new Set(fields.map((f) => f.field))
  return kinds.has('lead') || kinds.size >= 2
}

/**
 * A task from a numbered section whose children (or, in a flat tree, the
 * siblings that follow it) are labelled fields; null when it is not one.
 * `siblings`/`index` locate the section in its parent.
 */
export function listTask(section: Section, siblings: Child[], index: number, group: string | null): TaskDraft | null {
  if (!taskKinds.has(section.kind)) return null
  let fields = section.children.map((child) => ({child, found: fieldOfChild(child)}))
  let own = fields.filter((f) => f.found)
  if (own.length === 0) {
    // Flat tree: the fields follow the item as its siblings.
    const following: typeof fields = []
    for (const sibling of siblings.slice(index + 1)) {
      const found = fieldOfChild(sibling)
      if (!found) break
      following.push({child: sibling, found})
    }
    if (following.length === 0) return null
    fields = [...fields, ...following]
    own = following
  }
  if (!isTask(own.map((f) => f.found!))) return null

  const values: Partial<Record<Field, string>> = {}
  const contentParts = [section.title ?? '']
  const parts = []
  for (const {child, found} of fields) {
    if (found) {
      const previous = values[found.field]
      values[found.field] = previous ? `${previous}\n${found.value}` : found.value
      parts.push(child)
    } else if (child.type !== 'table' && Object.keys(values).length === 0) {
      // Text before the first field continues the item's content.
      contentParts.push(itemText(child))
    }
  }
  // A labelled `Nội dung:` adds to the item's own words.
  if (values.content) contentParts.push(values.content)
  return {
    id: markerId(section.marker),
    group,
    content: contentParts.filter((part) => part.trim() !== '').join('\n'),
    lead: values.lead ?? '',
    cooperating: values.cooperating ?? '',
    timeframe: values.timeframe ?? '',
    timeframeStart: values.start ?? null,
    timeframeEnd: values.end ?? null,
    outputs: values.outputs ?? '',
    node: section,
    parts
  }
}
