/**
 * Types of what the stages keep in `file.data` (vfile's `DataMap`), and of
 * the compiler's result (unified's `CompileResultMap`).
 */
import type {} from 'vfile'
import type {} from 'unified'
import type {Layout, SourceInfo} from './read/types.js'
import type {DocumentInfo, Output, PlanInfo, Task, Target} from './output/schema.js'

declare module 'vfile' {
  interface DataMap {
    /** Set by `read`: the input file. */
    source: SourceInfo
    /** Set by `read` for PDFs and images: pages, lines, words. */
    layout: Layout
    /** Set by the sections stage: the decision's (or the document's own) header fields. */
    document: DocumentInfo
    /** Set by the sections stage: the plan's title and period (sections come from the tree). */
    plan: Pick<PlanInfo, 'title' | 'period'> | null
    /** Set by the sections stage: numbered targets ("chỉ tiêu"). */
    targets: Target[]
    /** Set by the tasks stage. */
    tasks: Task[]
  }
}

declare module 'unified' {
  interface CompileResultMap {
    /** The compiler's result: the output object. */
    Output: Output
  }
}

export {}
