/**
 * Search a folder for files, recursively, as `find -L` would but with each
 * folder walked once: a folder is known by its real path, so a symbolic
 * link back to a parent (`a/up -> ..`) or a second link to a folder
 * already walked is not followed again, and is reported instead.
 */
import {readdir, realpath, stat} from 'node:fs/promises'
import path from 'node:path'

/** A link to a folder that was not followed. */
export interface SkippedLink {
  /** The link, under the searched folder (joined to it as given). */
  path: string
  /** The real path of the folder it leads to, already walked. */
  target: string
}

/** What `walkFolder` found. */
export interface Walked {
  /** Paths relative to the folder, sorted (code-point order). */
  files: string[]
  /** Links to folders already walked (a loop back to a parent, or a second way into one folder). */
  skipped: SkippedLink[]
}

/** Options of `walkFolder`. */
export interface WalkOptions {
  /** Keep a file (by its name) or not; every file by default. */
  accept?: (name: string) => boolean
}

/**
 * Every file under `folder` whose name `accept`s, hidden files and folders
 * (a leading `.`) left out, symbolic links followed to folders once and to
 * files not found under their own name. Entries that vanish or cannot be
 * read while walking are left out.
 */
export async function walkFolder(folder: string, options: WalkOptions = {}): Promise<Walked> {
  const accept = options.accept ?? (() => true)
  const files: string[] = []
  const skipped: SkippedLink[] = []
  const walked = new Set<string>()
  const realFiles = new Set<string>()
  // Links wait until the real folders are walked, so a file or folder is found under its own name first.
  const folderLinks: string[] = []
  const fileLinks: string[] = []
  const walk = async (real: string, rel: string): Promise<void> => {
    walked.add(real)
    const entries = await readdir(path.join(folder, rel), {withFileTypes: true}).catch(() => [])
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const child = rel === '' ? entry.name : path.join(rel, entry.name)
      if (entry.isDirectory()) await walk(path.join(real, entry.name), child)
      else if (entry.isSymbolicLink()) {
        const info = await stat(path.join(folder, child)).catch(() => undefined)
        if (info?.isDirectory()) folderLinks.push(child)
        else if (info?.isFile() && accept(entry.name)) fileLinks.push(child)
      } else if (entry.isFile() && accept(entry.name)) {
        files.push(child)
        realFiles.add(path.join(real, entry.name))
      }
    }
  }
  await walk(await realpath(folder), '')
  for (let i = 0; i < folderLinks.length; i++) {
    const target = await realpath(path.join(folder, folderLinks[i])).catch(() => undefined)
    if (target === undefined) continue
    if (walked.has(target)) skipped.push({path: path.join(folder, folderLinks[i]), target})
    else await walk(target, folderLinks[i])
  }
  for (const link of fileLinks) {
    const target = await realpath(path.join(folder, link)).catch(() => undefined)
    if (target !== undefined && !realFiles.has(target)) {
      files.push(link)
      realFiles.add(target)
    }
  }
  files.sort()
  return {files, skipped}
}
