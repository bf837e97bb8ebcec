/**
 * One-byte quantization of log-probabilities: 256 levels chosen by equal
 * frequency over the values (so dense regions get fine steps), each level the
 * mean of its values. Deterministic for the same input.
 */

/** A codebook: `levels[code]` is the value a code stands for, ascending. */
export interface Codebook {
  levels: number[]
}

/** Build a codebook of at most 256 levels for `values`. */
export function buildCodebook(values: ArrayLike<number>): Codebook {
  const sorted = Float64Array.from(values).sort()
  const n = sorted.length
  if (n === 0) return {levels: [0]}
  const distinct: number[] = []
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i])
  if (distinct.length <= 256) return {levels: distinct.map((v) => Math.fround(v))}
  const levels: number[] = []
  const bins = 256
  let start = 0
  for (let b = 0; b < bins; b++) {
    let end = Math.round(((b + 1) * n) / bins)
    // Never split equal values across bins.
    while (end < n && end > 0 && sorted[end] === sorted[end - 1]) end++
    if (end <= start) continue
    let sum = 0
    for (let i = start; i < end; i++) sum += sorted[i]
    levels.push(Math.fround(sum / (end - start)))
    start = end
    if (start >= n) break
  }
  return {levels}
}

/** The code of the level nearest to `value`. */
export function encode(book: Codebook, value: number): number {
  const levels = book.levels
  let lo = 0
  let hi = levels.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (levels[mid] < value) lo = mid + 1
    else hi = mid
  }
  if (lo > 0 && Math.abs(levels[lo - 1] - value) <= Math.abs(levels[lo] - value)) return lo - 1
  return lo
}
