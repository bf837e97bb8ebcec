/**
 * Expectation checks (`{path, equals|startsWith|includes, ci?, loose?}`)
 * against an output object, as the project's acceptance facts are written.
 * Paths use dots and indexes, and `[field=value]` selects an array item by a
 * field (`plan.tasks[id=16].lead[0].name`). Comparisons ignore tone-mark
 * placement (hóa = hoá); `ci` ignores case; `loose` also ignores punctuation.
 * `includes` checks that a string contains the text, or that a list has an
 * item equal to it.
 */

/** One check. */
export interface Check {
  path: string
  equals?: unknown
  startsWith?: string
  includes?: string
  ci?: boolean
  loose?: boolean
}

/** The result of one check. */
export interface CheckResult {
  check: Check
  ok: boolean
  actual: unknown
}

/** Run every check against `output`. */
export function runChecks(output: unknown, checks: Check[]): CheckResult[] {
  return checks.map((check) => {
    const actual = select(output, check.path)
    return {check, actual, ok: passes(check, actual)}
  })
}

/** Select the value at `path` in `value` (undefined when absent). */
export function select(value: unknown, path: string): unknown {
  const tokens = path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []
  let current: unknown = value
  for (const token of tokens) {
    if (current === null || current === undefined) return undefined
    if (token.startsWith('[')) {
      const inner = token.slice(1, -1)
      const eq = inner.indexOf('=')
      if (eq >= 0) {
        const [field, wanted] = [inner.slice(0, eq), inner.slice(eq + 1)]
        current = Array.isArray(current)
          ? current.find((item) => String((item as Record<string, unknown>)?.[field]) === wanted)
          : undefined
      } else current = (current as unknown[])[Number(inner)]
    } else if (token === 'length' && Array.isArray(current)) current = current.length
    else current = (current as Record<string, unknown>)[token]
  }
  return current
}

function passes(check: Check, actual: unknown): boolean {
  const fold = (v: string) => normalise(v, Boolean(check.ci || check.loose), Boolean(check.loose))
  if ('equals' in check) {
    if (typeof check.equals === 'string') return typeof actual === 'string' && fold(actual) === fold(check.equals)
    return actual === check.equals
  }
  // `includes` on a list: one of its items is the text.
  if (check.includes !== undefined && Array.isArray(actual)) return actual.some((item) => typeof item === 'string' && fold(item) === fold(check.includes!))
  if (typeof actual !== 'string') return false
  if (check.startsWith !== undefined) return fold(actual).startsWith(fold(check.startsWith))
  if (check.includes !== undefined) return fold(actual).includes(fold(check.includes))
  return false
}

const tones = /[\u0300\u0301\u0303\u0309\u0323]/gu

/** Fold tone placement (each word's tone moved to its end), optionally case and punctuation. */
export function normalise(text: string, ignoreCase: boolean, ignorePunctuation: boolean): string {
  let value = text.normalize('NFD').replace(/[\p{L}\p{M}]+/gu, (word) => {
    const found = word.match(tones) ?? []
    return word.replace(tones, '') + found.join('')
  })
  if (ignoreCase) value = value.toLowerCase()
  if (ignorePunctuation) value = value.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
  return value.replace(/\s+/g, ' ').trim().normalize('NFC')
}
