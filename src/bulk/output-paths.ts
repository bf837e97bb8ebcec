/**
 * Where each input's output goes under `--out DIR`: the input's path
 * relative to the deepest folder that holds every root, with `.json` for
 * its extension (`a/b/x.pdf` → `a/b/x.json`) or its own name kept (the
 * restored text of `sohoa restore`). Inputs that would share an output
 * (`x.pdf` and `x.txt`, or `report.pdf` and the report) keep their whole
 * name instead (`x.pdf.json`), then a counter.
 */
import path from 'node:path'
import type {InputFile} from './inputs.js'

/**
 * The output path of each file, relative to the output folder, in the
 * order of `files`. `reserved` are output names taken already (the report);
 * `extension` replaces each input's (null: every input keeps its name, as
 * `sohoa restore --out` writes text).
 */
export function outputPaths(files: readonly InputFile[], reserved: readonly string[] = [], extension: string | null = '.json'): string[] {
  const base = commonFolder(files.map((f) => path.resolve(f.root)))
  const relative = files.map((f) => path.relative(base, path.resolve(f.path)))
  const stems = relative.map((r) => (extension === null ? r : replaceExtension(r, extension)))
  const count = new Map<string, number>()
  for (const s of [...stems, ...reserved]) count.set(key(s), (count.get(key(s)) ?? 0) + 1)
  const taken = new Set(reserved.map(key))
  for (const s of stems) if (count.get(key(s)) === 1) taken.add(key(s))
  return stems.map((stem, i) => {
    if (count.get(key(stem)) === 1) return stem
    // `x.pdf.json`, `x.pdf.2.json`…; names kept: `X.txt` beside `x.txt` (one file on some file systems) → `X.2.txt`…
    let candidate = extension === null ? relative[i] : relative[i] + extension
    for (let n = 2; taken.has(key(candidate)); n++) candidate = extension === null ? replaceExtension(relative[i], `.${n}${path.extname(relative[i])}`) : `${relative[i]}.${n}${extension}`
    taken.add(key(candidate))
    return candidate
  })
}

/** The deepest folder containing every one of `folders` (absolute paths). */
export function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return process.cwd()
  let parts = folders[0].split(path.sep)
  for (const folder of folders.slice(1)) {
    const other = folder.split(path.sep)
    let i = 0
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++
    parts = parts.slice(0, i)
  }
  return parts.join(path.sep) || path.sep
}

function replaceExtension(file: string, extension: string): string {
  const ext = path.extname(file)
  return (ext ? file.slice(0, -ext.length) : file) + extension
}

/** Output names compared without regard to case (macOS and Windows file systems). */
function key(name: string): string {
  return name.toLowerCase()
}
