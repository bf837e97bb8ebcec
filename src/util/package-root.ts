/**
 * The package's root folder (where `package.json`, `models/`, `grammars/`
 * and `data/` are), the one place every shipped file is found from. This
 * file sits two folders below the root in every form the code runs in: the
 * sources (`src/util/`), the compiled library (`dist/util/`) and the
 * bundled command (`dist/bundle/`, where its code is in a chunk).
 */
import {fileURLToPath} from 'node:url'

/** The package root as a `file:` URL ending in `/`. */
export const packageRoot = new URL('../../', import.meta.url)

/** Absolute path of `relative` (slash-separated) under the package root. */
export function packagePath(relative: string): string {
  return fileURLToPath(new URL(relative, packageRoot))
}
