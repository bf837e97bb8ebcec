/**
 * Write a file so that it is whole or absent, never half written: the data
 * goes to a temporary file in the same folder, is flushed to disk, and
 * the temporary file is renamed over the target (an atomic step on POSIX
 * file systems). A run killed mid-write leaves at most a temporary file,
 * which `removeStaleTemporaries` clears on the next run.
 */
import {mkdir, open, rename, rm} from 'node:fs/promises'
import path from 'node:path'
import {glob} from 'tinyglobby'

/** Suffix of temporary files (`.x.json.<pid>.<n>.sohoa-tmp`): never `.json`. */
export const temporarySuffix = '.sohoa-tmp'

let counter = 0

/** Options of `writeFileAtomic`. */
export interface AtomicWriteOptions {
  /** Flush the data to disk before the rename (default true): survives a power cut, not only a kill. */
  fsync?: boolean
}

/** Write `data` to `file` atomically, creating its folder. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const folder = path.dirname(file)
  await mkdir(folder, {recursive: true})
  const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${counter++}${temporarySuffix}`)
  const handle = await open(temporary, 'wx')
  try {
    try {
      await handle.writeFile(data)
      if (options.fsync !== false) await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}

/** Delete the temporary files a killed run left under `folder`; returns how many. */
export async function removeStaleTemporaries(folder: string): Promise<number> {
  const found = await glob(`**/.*${temporarySuffix}`, {cwd: folder, dot: true, onlyFiles: true, absolute: true}).catch(() => [])
  await Promise.all(found.map((f) => rm(f, {force: true})))
  return found.length
}
