/**
 * The files of an import and where each output goes: the inputs found
 * (files, folders, globs), leaving out the outputs themselves, and under
 * `--out DIR` one output path per input that never takes the report's name.
 * Shared by `bulkParse` and `enqueue`.
 */
import path from 'node:path'
import {siblingOutputPath} from '../outputs/sibling-path.js'
import {findInputs} from './inputs.js'
import {outputPaths} from './output-paths.js'
import type {FileReport} from './report.js'

/** Options of `planFiles`. */
export interface PlanOptions {
  /** Files, folders (searched recursively) and globs. */
  inputs: string[]
  /** The output folder (one JSON per input). */
  out?: string
  /** The JSONL file (`-`: stdout), when there is no output folder. */
  jsonl?: string
  /** The report's path, never an input and never an output. */
  report?: string
  /** Also a searchable PDF (`x.pdf`) beside each output under `out`. */
  pdf?: boolean
  /** Also a review page (`x.html`) beside each output under `out`. */
  review?: boolean
  /** Told of each glob or folder that matched no file, and of each folder link not followed. */
  onNotice?: (message: string) => void
}

/** What `planFiles` found. */
export interface Plan {
  /** One `pending` entry per input, in discovery order, with its output file under `out` (null without), and its PDF and review page when asked for. */
  entries: FileReport[]
}

/** Find the inputs and their output paths; throws `UsageError` when there is no input at all. */
export async function planFiles(options: PlanOptions): Promise<Plan> {
  const jsonl = options.jsonl === '-' ? undefined : options.jsonl
  const exclude = [options.out, jsonl, options.report].filter((p): p is string => Boolean(p))
  const files = await findInputs(options.inputs, {exclude, onNotice: options.onNotice})
  const out = options.out
  const reserved = out && options.report && isInside(options.report, out) ? [path.relative(out, options.report)] : []
  const targets = out ? outputPaths(files, reserved).map((rel) => path.join(out, rel)) : undefined
  const entries: FileReport[] = files.map((f, i) => ({path: f.path, output: targets?.[i] ?? null, status: 'pending'}))
  if (targets && (options.pdf || options.review)) {
    const inputPaths = new Set(files.map((f) => path.resolve(f.path)))
    for (const entry of entries) {
      if (options.pdf) entry.pdf = siblingOutputPath(entry.output!, '.pdf', inputPaths)
      if (options.review) entry.review = siblingOutputPath(entry.output!, '.html', inputPaths)
    }
  }
  return {entries}
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(path.resolve(folder), path.resolve(file))
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
}
