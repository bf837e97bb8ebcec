/**
 * Where a batch writes an input's PDF and review page: beside its JSON, with
 * the JSON's name (`x.json` → `x.pdf`, `x.html`). An output may never be
 * written over an input (`--out` is the inputs' own folder and `x.pdf` is
 * one): such a PDF is named `x.searchable.pdf` instead.
 */
import path from 'node:path'

/** The path of the `extension` (`.pdf`, `.html`) output beside `json`, never one of `inputs` (compared resolved). */
export function siblingOutputPath(json: string, extension: string, inputs: ReadonlySet<string> = new Set()): string {
  const stem = json.replace(/\.json$/i, '')
  const plain = stem + extension
  if (!inputs.has(path.resolve(plain))) return plain
  return `${stem}.searchable${extension}`
}
