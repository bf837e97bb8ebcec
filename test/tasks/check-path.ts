/**
 * Test helper: evaluate expectation paths such as
 * `plan.tasks[id=16].lead[0].raw` and compare values the way the shared
 * expectations do (tone-mark placement ignored; `loose` also ignores case
 * and punctuation).
 */
import {foldKey} from '../../src/normalize/fold.js'

/** Resolve a dotted path with `[n]` and `[key=value]` steps; undefined when a step is missing. */
export function resolvePath(value: unknown, path: string): unknown {
  const steps = path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []
  let current: unknown = value
  for (const step of steps) {
    if (current === undefined || current === null) return undefined
    if (step.startsWith('[')) {
      const inner = step.slice(1, -1)
      const eq = inner.indexOf('=')
      if (eq >= 0) {
        const [key, wanted] = [inner.slice(0, eq), inner.slice(eq + 1)]
        current = (current as Array<Record<string, unknown>>).find((item) => String(item[key]) === wanted)
      } else current = (current as unknown[])[Number(inner)]
    } else if (step === 'length') current = (current as unknown[]).length
    else current = (current as Record<string, unknown>)[step]
  }
  return current
}

/** The text without tone marks plus the tones in order: equal for `hoá` and `hóa`. */
function toneless(text: string): string {
  const decomposed = text.normalize('NFD')
  const tones = decomposed.match(/[\u0300\u0301\u0303\u0309\u0323]/gu) ?? []
  return decomposed.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '').normalize('NFC') + '|' + tones.join('')
}

/** A check of the shared expectations format. */
export interface Check {
  path: string
  equals?: unknown
  includes?: string
  startsWith?: string
  loose?: boolean
  ci?: boolean
}

/** Does `actual` satisfy the check? */
export function satisfies(actual: unknown, check: Check): boolean {
  const norm = (text: string) => (check.loose ? foldKey(text) : toneless(check.ci ? text.toLowerCase() : text))
  const plain = (text: string) => (check.loose ? foldKey(text) : (check.ci ? text.toLowerCase() : text).normalize('NFC'))
  if ('equals' in check) {
    if (typeof actual === 'string' && typeof check.equals === 'string') return norm(actual) === norm(check.equals)
    return actual === check.equals
  }
  if (typeof actual !== 'string') return false
  if (check.includes !== undefined) return plain(actual).includes(plain(check.includes))
  if (check.startsWith !== undefined) return plain(actual).startsWith(plain(check.startsWith))
  return false
}
