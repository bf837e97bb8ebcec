/**
 * Read one input of a batch, refusing what must not be read: a missing
 * file or a folder, or a file over the size limit (checked before reading).
 * Shared by the parse step of bulk and `sohoa restore --out`.
 */
import {readFile, stat} from 'node:fs/promises'
import {fileSystemReason, fileSystemReasons} from '../read/read-error.js'
import {formatBytes} from './byte-size.js'
import {InputError} from './input-error.js'

/** The bytes of `path`; an `InputError` when it is missing, not a file, or over `maxBytes` (`--max-bytes`). */
export async function readInputBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw new InputError(path, fileSystemReasons.directory, 'unreadable')
    if (info.size > maxBytes) {
      throw new InputError(path, `file too large: ${formatBytes(info.size)} (over --max-bytes ${formatBytes(maxBytes)})`, 'max-bytes')
    }
    return await readFile(path)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(path, fileSystemReason(error), 'unreadable', {cause: error})
  }
}
