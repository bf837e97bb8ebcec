/**
 * The compiler: tree and `file.data` → the output object (contract v1),
 * validated by the zod schema. An output that does not validate is a bug:
 * it throws, naming the file and the first problem.
 */
import {createHash} from 'node:crypto'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {Part, Root} from '../tree/types.js'
import {diagnostics} from './diagnostics.js'
import {planSections} from './plan-sections.js'
import {OutputSchema, type DocumentInfo, type Output, type Source} from './schema.js'

/** Options of the compiler (none yet). */
export type Options = Record<string, never>

/** Unified plugin: set the compiler of the processor (the result goes to `file.result`). */
const compiler: Plugin<[Options?], Root, Output> = function () {
  this.compiler = (tree, file) => compile(tree as Root, file)
}

export default compiler

/** Compile a structured tree and its file into a validated output object. */
export function compile(tree: Root, file: VFile): Output {
  const plan = tree.children.find((c): c is Part => c.type === 'part' && c.kind === 'plan')
  const planData = file.data.plan
  const output = {
    schemaVersion: 1 as const,
    source: source(file),
    document: file.data.document ?? emptyDocument(),
    plan:
      (plan && planData) || (file.data.tasks ?? []).length > 0
        ? {
            title: planData?.title ?? null,
            ...(planData?.period ? {period: planData.period} : {}),
            sections: plan ? planSections(plan) : [],
            targets: file.data.targets ?? [],
            tasks: file.data.tasks ?? []
          }
        : null,
    diagnostics: diagnostics(file.messages)
  }
  const result = OutputSchema.safeParse(output)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new Error(`compile: ${file.path ?? '(text)'}: output does not match the schema at ${issue.path.join('.')}: ${issue.message}`)
  }
  return result.data
}

/** The `source` of a file: what `read` recorded, or a plain-text description. */
function source(file: VFile): Source {
  if (file.data.source) return file.data.source
  const text = String(file.value ?? '')
  return {
    path: file.path ?? null,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    mediaType: 'text/plain',
    pages: 0,
    route: 'text'
  }
}

function emptyDocument(): DocumentInfo {
  return {
    type: null,
    number: null,
    issuer: null,
    place: null,
    date: null,
    title: null,
    bases: [],
    articles: [],
    addressees: [],
    recipients: [],
    signatures: []
  }
}
