/**
 * Shared helpers of the read tests: fixture paths and expected texts.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** Root of the repository. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Path of a fixture under fixtures/read/. */
export function fixture(...parts: string[]): string {
  return path.join(root, 'fixtures/read', ...parts)
}

/** The expected lines of a fixture folder. */
export function expectedLines(dir: string): string[] {
  return readFileSync(fixture(dir, 'expected.txt'), 'utf8').split('\n').filter((l) => l !== '')
}

/** The non-blank lines of a text. */
export function nonBlank(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '')
}
