/**
 * A short summary of an output, for people and progress logs.
 */
import type {Output} from './schema.js'

/** The summary `sohoa parse --summary` prints. */
export interface Summary {
  path: string | null
  route: Output['source']['route']
  pages: number
  type: string | null
  number: string | null
  /** The document's date as ISO `YYYY-MM-DD`; null when it has none or it is incomplete (`ngày   tháng 01 năm 2026`). */
  date: string | null
  /** The date as written (`ngày 14 tháng 3 năm 2026`), also when `date` is null; null when there is none. */
  dateRaw: string | null
  title: string | null
  plan: {title: string | null; sections: number; targets: number; tasks: number} | null
  diagnostics: {error: number; warning: number; info: number}
}

/** Summarise an output. */
export function summarize(output: Output): Summary {
  const count = (severity: string) => output.diagnostics.filter((d) => d.severity === severity).length
  const d = output.document
  return {
    path: output.source.path,
    route: output.source.route,
    pages: output.source.pages,
    type: d.type?.name ?? null,
    number: d.number?.raw ?? null,
    date: d.date?.iso ?? null,
    dateRaw: d.date?.raw ?? null,
    title: d.title,
    plan: output.plan
      ? {
          title: output.plan.title,
          sections: output.plan.sections.length,
          targets: output.plan.targets.length,
          tasks: output.plan.tasks.length
        }
      : null,
    diagnostics: {error: count('error'), warning: count('warning'), info: count('info')}
  }
}
