/**
 * Check, before any work, that the places a run writes to can be what they
 * are named as: `--out` a folder (or nothing yet), `--jsonl` a file (or
 * nothing yet). A file where a folder is wanted is a usage error, not an
 * `EEXIST … mkdir` halfway through.
 */
import {stat} from 'node:fs/promises'
import {UsageError} from './usage-error.js'

/** Throws a `UsageError` when `folder` exists and is not a folder; `option` names it in the message (`--out`). */
export async function checkOutputFolder(folder: string, option: string): Promise<void> {
  const info = await stat(folder).catch(() => undefined)
  if (info && !info.isDirectory()) throw new UsageError(`${option} ${folder}: a file of that name exists; name a folder`)
}

/** Throws a `UsageError` when `file` exists and is a folder; `option` names it in the message (`--jsonl`). */
export async function checkOutputFile(file: string, option: string): Promise<void> {
  const info = await stat(file).catch(() => undefined)
  if (info?.isDirectory()) throw new UsageError(`${option} ${file}: a folder of that name exists; name a file`)
}
