/**
 * Name a value for an error message about a wrong argument: `null`,
 * `a number (123)`, `an object (Array)`.
 */

/** `null`, `undefined`, `a number (123)`, `a boolean (true)`, `an object (Array)`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value)
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`
  return `a ${typeof value} (${String(value).slice(0, 40)})`
}
