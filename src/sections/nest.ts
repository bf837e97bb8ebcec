/**
 * Nest the paragraphs of a plan into sections by their markers
 * (I. > 1. > 1.1. > a) > (1) > - > +). A paragraph without a marker belongs
 * to the innermost open section; one before any section stays in the part.
 */
import type {VFile} from 'vfile'
import type {Paragraph, Part, Section, Table} from '../tree/types.js'
import {findMarker, rank, type Marker} from './markers.js'
import {checkNumbering} from './numbering.js'

/** Replace the children of a plan `part` by nested sections; report numbering problems. */
export function nestSections(part: Part, file: VFile): void {
  const top: Part['children'] = []
  const stack: Array<{section: Section; rank: number; marker: Marker}> = []
  let closed = false
  for (const block of part.children as Array<Paragraph | Table>) {
    const role = block.type === 'paragraph' ? block.data?.role : undefined
    const marker = block.type === 'paragraph' && !role ? findMarker(block.value) : null
    if (role === 'closing') closed = true
    if (!marker || closed) {
      const parent = closed || role ? undefined : stack[stack.length - 1]?.section
      ;(parent ? parent.children : top).push(block)
      continue
    }
    const r = rank(marker)
    while (stack.length > 0 && stack[stack.length - 1].rank >= r) stack.pop()
    const parent = stack[stack.length - 1]
    const section: Section = {
      type: 'section',
      marker: marker.marker,
      kind: marker.kind,
      id: sectionId(parent?.section, marker, parent ? parent.section.children : top),
      title: (marker.title.includes(':') ? marker.title.replace(/\s*:\s*$/u, '') : marker.title) || null,
      children: [],
      position: block.position,
      ...(block.data ? {data: block.data} : {})
    }
    ;(parent ? parent.section.children : top).push(section)
    stack.push({section, rank: r, marker})
  }
  part.children = top
  checkAll(top, file)
}

function checkAll(children: ReadonlyArray<Part['children'][number] | Section['children'][number]>, file: VFile): void {
  const sections = children.filter((c): c is Section => c.type === 'section')
  checkNumbering(sections, file)
  for (const section of sections) checkAll(section.children, file)
}

/** `II.3.a`: the parent's id and this marker's label (dashes and pluses numbered among their siblings). */
function sectionId(parent: Section | undefined, marker: Marker, siblings: Array<{type: string; kind?: string}>): string {
  let label: string
  if (marker.kind === 'dash' || marker.kind === 'plus') {
    const count = siblings.filter((s) => s.type === 'section' && s.kind === marker.kind).length
    label = `${marker.kind === 'dash' ? 'd' : 'p'}${count + 1}`
  } else if (marker.kind === 'dotted') {
    label = marker.label.split('.').pop()!
  } else label = marker.label
  return parent ? `${parent.id}.${label}` : label
}
