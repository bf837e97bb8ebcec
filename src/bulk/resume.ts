/**
 * What `--resume` needs: the sha256 of an input (streamed, never parsed),
 * and the `source.sha256` an earlier output recorded, read from the first
 * bytes of the JSON file or of a JSONL line without parsing the rest.
 */
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {open, stat} from 'node:fs/promises'
import {isPagedFile} from '../outputs/paged-input.js'
import type {FileReport} from './report.js'

/** The sha256 (hex) of the file at `path`, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, {highWaterMark: 1 << 20})) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** How many bytes of an output are read to find its `source` (it comes right after `schemaVersion`). */
const headLength = 16 * 1024

const sourcePattern = /"source"\s*:\s*\{\s*"path"\s*:\s*(null|"(?:[^"\\]|\\.)*")\s*,\s*"sha256"\s*:\s*"([0-9a-f]{64})"/

/** `source.path` and `source.sha256` of a serialized output, from its start (or the whole text as a fallback). */
export function recordedSource(json: string): {path: string | null; sha256: string} | undefined {
  const match = sourcePattern.exec(json.slice(0, headLength))
  if (match) return {path: JSON.parse(match[1]) as string | null, sha256: match[2]}
  try {
    const value = JSON.parse(json) as {source?: {path?: string | null; sha256?: unknown}}
    const sha256 = value.source?.sha256
    return typeof sha256 === 'string' ? {path: value.source?.path ?? null, sha256} : undefined
  } catch {
    return undefined
  }
}

/** The `source.sha256` recorded in the JSON file at `path`, or undefined when there is none (missing, foreign, damaged). */
export async function recordedSha256(path: string): Promise<string | undefined> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch {
    return undefined
  }
  try {
    const buffer = Buffer.alloc(headLength)
    const {bytesRead} = await handle.read(buffer, 0, headLength, 0)
    const head = buffer.toString('utf8', 0, bytesRead)
    const match = sourcePattern.exec(head)
    if (match) return match[2]
    if (bytesRead < headLength) return recordedSource(head)?.sha256
    return recordedSource(await handle.readFile('utf8'))?.sha256
  } catch {
    // Not a readable file (a folder in the output's place): no record.
    return undefined
  } finally {
    await handle.close()
  }
}

/** Whether the searchable PDF and review page `entry` asks for are there (a PDF only of an input with page images). */
export async function extraOutputsPresent(entry: FileReport): Promise<boolean> {
  const wanted = [entry.review, entry.pdf && (await isPagedFile(entry.path)) ? entry.pdf : undefined].filter((p): p is string => Boolean(p))
  const found = await Promise.all(wanted.map((p) => stat(p).then(() => true, () => false)))
  return found.every(Boolean)
}
