/**
 * The sections stage: builds the document's structure from the flat tree of
 * paragraphs and tables — parts (document, plan, appendix), the header
 * fields of the decision or plan (Nghị định 30/2020/NĐ-CP), and the nested
 * sections of the plan (I. > 1. > 1.1. > a) > (1) > - > +) — and reports
 * numbering problems as messages.
 *
 * Writes `file.data.document`, `file.data.plan` (title, period) and
 * `file.data.targets`; turns the flat tree (`FlatRoot`) into the structured
 * one (`Root`: root → part nodes).
 */
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {FlatRoot, Paragraph, Part, Root} from '../tree/types.js'
import {documentInfo} from './document-info.js'
import {nestSections} from './nest.js'
import {findPeriod} from './period.js'
import {segment} from './segment.js'
import {findTargets} from './targets.js'

/** Options of the sections stage (none yet). */
export type Options = Record<string, never>

/** Unified plugin: structure the tree into parts and sections. */
const sections: Plugin<[Options?], FlatRoot, Root> = function () {
  return (tree: FlatRoot, file: VFile): Root => {
    const {parts, typeCode} = segment(tree.children)
    for (const part of parts) if (part.kind === 'plan') nestSections(part, file)

    const document = documentInfo(parts, typeCode, file)
    file.data.document = document
    const plan = parts.find((p) => p.kind === 'plan')
    if (plan) {
      const title = planTitle(plan) ?? document.title
      file.data.plan = {title, period: findPeriod(title, document.title)}
      file.data.targets = findTargets(plan)
    } else {
      file.data.plan = null
      file.data.targets = []
    }
    return {type: 'root', children: parts, position: tree.position, data: tree.data}
  }
}

export default sections

/** The plan's own title line (after its `KẾ HOẠCH` line), when it has one. */
function planTitle(plan: Part): string | null {
  const node = plan.children.find((c): c is Paragraph => c.type === 'paragraph' && c.data?.role === 'planTitle')
  return node?.value ?? null
}
