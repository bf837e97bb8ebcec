/**
 * How a class of words kept as written (numbers, codes, acronyms, foreign
 * words, lone letters) spells its members: a length distribution and a
 * character unigram model, learned from the corpus. It gives the chance that
 * a class stands for one particular spelling, so `PAR` or `2025` is a likely
 * member of its class and OCR junk like `cbng` or `khéac` is not.
 */

/** log10 probabilities of a class's spellings. */
export interface SpellingModel {
  /** log10 P(character) for the characters seen in the class. */
  chars: Record<string, number>
  /** log10 P of any one character the class never showed. */
  other: number
  /** log10 P(length) for lengths 1, 2, …; the last entry stands for that length and longer. */
  lengths: number[]
}

/** Longest length with its own entry. */
const maxLength = 12

/** Learn a class's spelling model from its members and their counts. */
export function learnSpelling(members: Map<string, number>): SpellingModel {
  const chars = new Map<string, number>()
  const lengths = new Array<number>(maxLength).fill(0)
  let letters = 0
  let words = 0
  for (const [word, count] of members) {
    const cs = [...word]
    for (const c of cs) chars.set(c, (chars.get(c) ?? 0) + count)
    lengths[Math.min(cs.length, maxLength) - 1] += count
    letters += cs.length * count
    words += count
  }
  const round = (x: number) => Math.round(x * 1000) / 1000
  // Add-one smoothing, with room for 100 characters never seen.
  const denominator = letters + chars.size + 100
  const out: Record<string, number> = {}
  for (const c of [...chars.keys()].sort()) out[c] = round(Math.log10((chars.get(c)! + 1) / denominator))
  return {
    chars: out,
    other: round(Math.log10(1 / denominator)),
    lengths: lengths.map((n) => round(Math.log10((n + 1) / (words + maxLength))))
  }
}

/** log10 P(`word` | class) under a spelling model. */
export function spellingLogProb(model: SpellingModel, word: string): number {
  const cs = [...word]
  let p = model.lengths[Math.min(cs.length, model.lengths.length) - 1] ?? model.other
  for (const c of cs) p += model.chars[c] ?? model.other
  return p
}
