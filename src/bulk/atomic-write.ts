/**
 * Write a file so that it is whole or absent, never half written: the data
 * goes to a temporary file in the same folder, is flushed to disk, and
 * the temporary file is renamed over the target (an atomic step on POSIX
 * file systems). A run killed mid-write leaves at most a temporary file,
 * which `removeStaleTemporaries` clears on the next run.
 */
import {randomBytes} from 'node:crypto'
import {mkdir, open, readdir, rename, rm} from 'node:fs/promises'
import path from 'node:path'
import {glob} from 'tinyglobby'

/** Suffix of temporary files (`.x.json.<pid>-<random>.<n>.sohoa-tmp`): never `.json`. */
export const temporarySuffix = '.sohoa-tmp'

/** This process's part of a temporary name: its pid and random bytes, since processes on several machines (or in containers, all pid 1) may write to one shared folder. */
const writer = `${process.pid}-${randomBytes(4).toString('hex')}`
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
  const temporary = path.join(folder, `.${path.basename(file)}.${writer}.${counter++}${temporarySuffix}`)
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

/**
 * Delete the temporary files of one output (`.x.json.*.sohoa-tmp` beside
 * `x.json`) that a killed writer left; returns how many. For a writer
 * that owns the output now (a queue worker holding the job's lock) while
 * other writers work in the same folder.
 */
export async function removeTemporariesOf(file: string): Promise<number> {
  const folder = path.dirname(file)
  const prefix = `.${path.basename(file)}.`
  const names = await readdir(folder).catch(() => [] as string[])
  const found = names.filter((name) => name.startsWith(prefix) && name.endsWith(temporarySuffix) && /^[\da-f-]+\.\d+$/.test(name.slice(prefix.length, -temporarySuffix.length)))
  await Promise.all(found.map((name) => rm(path.join(folder, name), {force: true})))
  return found.length
}
