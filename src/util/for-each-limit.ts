/**
 * Run an async function over a list with bounded concurrency.
 */

/** Run `fn` over `items`, at most `limit` at a time; resolves when all are done. */
export async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const i = next++
      await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, lane))
}
