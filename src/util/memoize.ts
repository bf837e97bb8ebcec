/**
 * A function's answers remembered by their key, in bounded memory: the
 * caches of words, names and fonts that text processing asks about again
 * and again.
 */

/**
 * `compute` with its answers (`undefined` and `null` too) remembered by
 * key, `max` of them at most: when the memory is full it is emptied and
 * fills again, a cheap bound where the keys in use at any time are few.
 */
export function memoize<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const memory = new Map<K, V>()
  return (key: K): V => {
    const known = memory.get(key)
    if (known !== undefined || memory.has(key)) return known as V
    const value = compute(key)
    if (memory.size >= max) memory.clear()
    memory.set(key, value)
    return value
  }
}
