/**
 * Numbered targets ("chỉ tiêu"): the items of the innermost sections whose
 * title speaks of targets (`targetsTitle` in `grammars/plan.json`: `2. Một số chỉ tiêu chủ yếu`, `II. CHỈ TIÊU CHỦ
 * YẾU`, `2. Chỉ tiêu thực hiện` with `(1)…(14)`), with their numeric values.
 */
import type {Target, TargetValue} from '../output/schema.js'
import type {Part, Section} from '../tree/types.js'
import {loadGrammar} from '../util/grammar.js'

const percent = /(\d+(?:[.,]\d+)?)\s*%/gu

/** The targets of a plan part. */
export function findTargets(part: Part): Target[] {
  const targets: Target[] = []
  for (const section of containers(sectionsOf(part.children))) {
    for (const item of sectionsOf(section.children)) {
      const text = [item.title ?? '', ...paragraphsOf(item)].join(' ').trim()
      targets.push({id: item.id, text, values: valuesIn(text)})
    }
  }
  return targets
}

/** Numeric values with units found in `text` (percentages for now). */
export function valuesIn(text: string): TargetValue[] {
  return [...text.matchAll(percent)].map((m) => ({value: Number(m[1].replace(',', '.')), unit: '%'}))
}

/** Sections about targets that have no such section inside them. */
function containers(sections: Section[]): Section[] {
  const found: Section[] = []
  for (const section of sections) {
    const inner = containers(sectionsOf(section.children))
    if (inner.length > 0) found.push(...inner)
    else if (loadGrammar('plan').rule('targetsTitle').regex.test(section.title ?? '') && sectionsOf(section.children).length > 0) found.push(section)
  }
  return found
}

function sectionsOf(children: ReadonlyArray<{type: string}>): Section[] {
  return children.filter((c): c is Section => c.type === 'section')
}

function paragraphsOf(section: Section): string[] {
  return section.children.flatMap((c) => (c.type === 'paragraph' ? [c.value] : []))
}
