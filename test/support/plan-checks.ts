/**
 * Checks (`expectations.ts`) that a parse reproduces a plan JSON: the
 * header fields, every section (marker and title, by id, nested), and every
 * field of every task. Used to score documents made from a plan (the Word
 * fixtures) the way the acceptance facts are scored.
 */
import type {Output, PlanSection} from '../../src/output/schema.js'
import type {Check} from './expectations.js'

/** The checks of `plan`, by area. */
export function checksFromPlan(plan: Output): {header: Check[]; sections: Check[]; tasks: Check[]} {
  const doc = plan.document
  const header: Check[] = []
  const equal = (path: string, value: unknown) => {
    if (value !== null && value !== undefined) header.push({path, equals: value})
  }
  equal('document.type.code', doc.type?.code)
  equal('document.number.raw', doc.number?.raw)
  equal('document.issuer.name', doc.issuer?.name)
  equal('document.place', doc.place)
  equal('document.date.iso', doc.date?.iso)
  equal('document.title', doc.title)
  equal('plan.title', plan.plan?.title)
  equal('document.bases.length', doc.bases.length)
  equal('document.articles.length', doc.articles.length)
  equal('document.recipients.length', doc.recipients.length)
  for (const [i, signature] of doc.signatures.entries()) equal(`document.signatures[${i}].name`, signature.name)
  const sections: Check[] = []
  const walk = (list: PlanSection[], base: string) => {
    for (const section of list) {
      const path = `${base}[id=${section.id}]`
      sections.push({path: `${path}.marker`, equals: section.marker})
      if (section.title !== null) sections.push({path: `${path}.title`, equals: section.title})
      walk(section.children, `${path}.children`)
    }
  }
  walk(plan.plan?.sections ?? [], 'plan.sections')
  const tasks: Check[] = []
  for (const task of plan.plan?.tasks ?? []) {
    const path = `plan.tasks[id=${task.id}]`
    tasks.push({path: `${path}.content`, equals: task.content})
    if (task.group !== null) tasks.push({path: `${path}.group`, equals: task.group})
    for (const [i, agency] of task.lead.entries()) tasks.push({path: `${path}.lead[${i}].name`, equals: agency.name})
    for (const [i, agency] of task.cooperating.entries()) tasks.push({path: `${path}.cooperating[${i}].name`, equals: agency.name})
    if (task.timeframe) tasks.push({path: `${path}.timeframe.raw`, equals: task.timeframe.raw})
    for (const [i, output] of task.outputs.entries()) tasks.push({path: `${path}.outputs[${i}]`, equals: output})
  }
  return {header, sections, tasks}
}
