/**
 * Find the files of a batch: each argument is a file, a folder (searched
 * recursively for the formats sohoa reads, hidden files skipped) or a glob.
 * Each file keeps the folder it was found under (its root), from which
 * the output folder mirrors the sub-folders. A folder is searched once:
 * links back to a parent, or to a folder already searched, are skipped
 * and listed.
 */
import {realpath, stat} from 'node:fs/promises'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {UsageError} from './usage-error.js'
import {walkFolder, type SkippedLink} from './walk-folder.js'

/** The extensions of plain text files (what `sohoa restore` finds in a folder). */
export const textExtensions = ['txt', 'text', 'md']

/** File extensions a folder contributes (matched without regard to case); name other files or use a glob. */
export const documentExtensions = [...textExtensions, 'pdf', 'png', 'jpg', 'jpeg', 'jpe', 'tif', 'tiff', 'webp', 'docx', 'doc']

/** One input file. */
export interface InputFile {
  /** The path to read (as given, or the folder argument joined with the found path); also `source.path`. */
  path: string
  /** The folder the file was found under: a folder argument, a glob's fixed part, a file's own folder. */
  root: string
}

/** What `discoverInputs` found. */
export interface Discovered {
  files: InputFile[]
  /** Globs and folders that matched no file. */
  unmatched: string[]
  /** Links to folders not followed, because the folder they lead to was already searched (`a/up -> ..`). */
  skippedLinks: SkippedLink[]
}

/** Options of `discoverInputs`. */
export interface DiscoverOptions {
  /**
   * Leave out files under these folders or equal to these paths (the output
   * folder, the JSONL file) — except a folder that holds the argument
   * itself (`sohoa parse . --out .`), where only the extensions filter.
   */
  exclude?: string[]
  /** The extensions a folder contributes (default `documentExtensions`). */
  extensions?: readonly string[]
}

/**
 * Expand `args` into files, in argument order, each folder or glob sorted;
 * a file found twice (by its real path: under two names, through links) is
 * kept once, under the name found first. A path that does not exist and is no
 * glob is kept: it fails when read, naming itself.
 */
export async function discoverInputs(args: string[], options: DiscoverOptions = {}): Promise<Discovered> {
  const excluded = (options.exclude ?? []).map((p) => path.resolve(p))
  const accept = options.extensions ? namePattern(options.extensions) : isDocument
  const within = (file: string, folder: string) => file === folder || file.startsWith(folder + path.sep)
  let isExcluded = (_file: string) => false
  const files: InputFile[] = []
  const unmatched: string[] = []
  const skippedLinks: SkippedLink[] = []
  const seen = new Set<string>()
  const add = async (file: string, root: string) => {
    if (isExcluded(path.resolve(file))) return
    // By real path: a file reached through a link, or under two names, is parsed once.
    const key = await realpath(file).catch(() => path.resolve(file))
    if (seen.has(key)) return
    seen.add(key)
    files.push({path: file, root})
  }
  for (const arg of args) {
    const base = path.resolve(isDynamicPattern(arg) ? globBase(arg) : arg)
    const active = excluded.filter((e) => !within(base, e))
    isExcluded = (file) => active.some((e) => within(file, e))
    const info = await stat(arg).catch(() => undefined)
    if (info?.isDirectory()) {
      const found = await walkFolder(arg, {accept})
      for (const rel of found.files) await add(path.join(arg, rel), arg)
      skippedLinks.push(...found.skipped)
      if (found.files.length === 0) unmatched.push(arg)
    } else if (!info && isDynamicPattern(arg)) {
      const found = await glob(arg, {onlyFiles: true, dot: false})
      for (const file of await ownNamesFirst(found)) await add(file, globBase(arg))
      if (found.length === 0) unmatched.push(arg)
    } else {
      await add(arg, path.dirname(arg))
    }
  }
  return {files, unmatched, skippedLinks}
}

/**
 * `discoverInputs`, as a run uses it: the globs and folders that matched
 * nothing and the links not followed go to `onNotice`, one line each; no
 * file at all is a `UsageError` naming the arguments and the extensions
 * folders are searched for.
 */
export async function findInputs(args: string[], options: DiscoverOptions & {onNotice?: (message: string) => void} = {}): Promise<InputFile[]> {
  const {files, unmatched, skippedLinks} = await discoverInputs(args, options)
  if (files.length === 0) {
    const extensions = options.extensions ?? documentExtensions
    throw new UsageError(`no input files in ${args.join(', ')} (folders are searched for ${extensions.map((e) => '.' + e).join(' ')})`)
  }
  for (const pattern of unmatched) options.onNotice?.(`${pattern}: no input files match`)
  for (const link of skippedLinks) options.onNotice?.(`${link.path}: not followed, a link to ${link.target}, which is searched already`)
  return files
}

/**
 * `files` sorted, with a file found under several names (through links to
 * folders, `a/up/a/x.txt`) kept under the name that goes through no link.
 */
async function ownNamesFirst(files: string[]): Promise<string[]> {
  const byReal = new Map<string, string>()
  for (const file of [...files].sort()) {
    const real = await realpath(file).catch(() => path.resolve(file))
    const kept = byReal.get(real)
    if (kept === undefined || (path.resolve(kept) !== real && path.resolve(file) === real)) byReal.set(real, file)
  }
  return [...byReal.values()].sort()
}

/** A test of whether a file name has one of `extensions` (without regard to case). */
function namePattern(extensions: readonly string[]): (name: string) => boolean {
  const pattern = new RegExp(`\\.(?:${extensions.join('|')})$`, 'i')
  return (name) => pattern.test(name)
}

/** Whether a file name has one of the `documentExtensions`. */
const isDocument = namePattern(documentExtensions)

/** The fixed folder a glob starts from: its leading segments without pattern characters (`docs/2024/**\/*.pdf` → `docs/2024`). */
export function globBase(pattern: string): string {
  const segments = pattern.split('/')
  const fixed: string[] = []
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break
    fixed.push(segment)
  }
  if (fixed.length === 0) return '.'
  const base = fixed.join('/')
  return base === '' ? '/' : base
}
