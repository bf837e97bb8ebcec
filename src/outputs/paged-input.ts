/**
 * Whether an input has page images (a PDF or an image), so that a
 * searchable PDF can be made of it: told by content, as `read` routes.
 */
import {open} from 'node:fs/promises'
import {sniff} from '../read/sniff.js'

const pagedKinds = new Set<string>(['pdf', 'png', 'jpeg', 'tiff', 'webp'])

/** Whether `bytes` (a whole file, or its first kilobyte) are a PDF or an image. */
export function isPaged(bytes: Uint8Array): boolean {
  const sniffed = sniff(bytes)
  return sniffed.supported && pagedKinds.has(sniffed.kind)
}

/** Whether the file at `path` is a PDF or an image, from its first kilobyte (false when it cannot be read). */
export async function isPagedFile(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r')
    try {
      const head = new Uint8Array(1024)
      const {bytesRead} = await handle.read(head, 0, head.length, 0)
      return isPaged(head.subarray(0, bytesRead))
    } finally {
      await handle.close()
    }
  } catch {
    return false
  }
}
