/**
 * Turn the section nodes of a plan part into the output's `PlanSection`s.
 */
import type {PlanSection} from './schema.js'
import type {Part, Section} from '../tree/types.js'

/** The sections of a plan part, nested as in the tree. */
export function planSections(part: Part): PlanSection[] {
  return part.children.filter((c): c is Section => c.type === 'section').map(toPlanSection)
}

function toPlanSection(section: Section): PlanSection {
  return {
    id: section.id,
    marker: section.marker,
    kind: section.kind,
    title: section.title,
    paragraphs: section.children.flatMap((c) => (c.type === 'paragraph' ? [c.value] : [])),
    children: section.children.filter((c): c is Section => c.type === 'section').map(toPlanSection)
  }
}
