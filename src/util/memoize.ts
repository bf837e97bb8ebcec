/**
 * A function's answers remembered by their key, in bounded memory: the
 * caches of words, names and fonts that text processing asks about again
 * and again.
 */

/** Every memory `memoize` made, for `forgetAll`. */
const memories = new Set<Map<unknown, unknown>>()

/**
 * Empty every memory `memoize` made: the process forgets the names, column
 * headers and time frames of earlier documents (a benchmark then measures a
 * document as if it were the first of its kind).
 */
export function forgetAll(): void {
  for (const memory of memories) memory.clear()
}

/**
 * `compute` with its answers (`undefined` and `null` too) remembered by
 * key, `max` of them at most: when the memory is full it is emptied and
 * fills again, a cheap bound where the keys in use at any time are few.
 * Make a memo once (at module level): each is kept for `forgetAll`.
 */
export function memoize<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const memory = new Map<K, V>()
  memories.add(memory as Map<unknown, unknown>)
  return (key: K): V => {
    const known = memory.get(key)
    if (known !== undefined || memory.has(key)) return known as V
    const value = compute(key)
    if (memory.size >= max) memory.clear()
    memory.set(key, value)
    return value
  }
}
