/**
 * Alignment of two token sequences (a text and its OCR reading) by edit
 * distance, comparing tokens by their letters once marks are removed. Used to
 * pair what was printed with what OCR read, to learn the OCR channel and to
 * score restorations.
 */
import {stripMarks} from '../vietnamese/letters.js'
import {tokenize} from '../vietnamese/tokenize.js'

/** Levenshtein distance between two strings (by UTF-16 unit; fine for NFC Vietnamese). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let prev = new Array<number>(b.length + 1)
  let cur = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length]
}

/** Dissimilarity of two tokens in 0..1: edit distance of their mark-free lowercase forms over the longer length. */
export function tokenDistance(a: string, b: string): number {
  const x = stripMarks(a.toLowerCase())
  const y = stripMarks(b.toLowerCase())
  const n = Math.max(x.length, y.length)
  return n === 0 ? 0 : editDistance(x, y) / n
}

/**
 * Align `a` and `b` (monotone, one to one, with gaps): pairs `[i, j]`, where -1 marks a gap.
 * `cost(x, y)` in 0..1 is the price of pairing; a gap costs `gap`.
 */
export function align<T>(a: T[], b: T[], cost: (x: T, y: T) => number, gap = 0.6): Array<[number, number]> {
  const n = a.length
  const m = b.length
  const w = m + 1
  const d = new Float64Array((n + 1) * w)
  // 0: pair, 1: gap in b (a[i] alone), 2: gap in a (b[j] alone).
  const move = new Uint8Array((n + 1) * w)
  for (let i = 1; i <= n; i++) {
    d[i * w] = d[(i - 1) * w] + gap
    move[i * w] = 1
  }
  for (let j = 1; j <= m; j++) {
    d[j] = d[j - 1] + gap
    move[j] = 2
  }
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let best = d[(i - 1) * w + j - 1] + cost(a[i - 1], b[j - 1])
      let how = 0
      if (d[(i - 1) * w + j] + gap < best) {
        best = d[(i - 1) * w + j] + gap
        how = 1
      }
      if (d[i * w + j - 1] + gap < best) {
        best = d[i * w + j - 1] + gap
        how = 2
      }
      d[i * w + j] = best
      move[i * w + j] = how
    }
  }
  const out: Array<[number, number]> = []
  let i = n
  let j = m
  while (i > 0 || j > 0) {
    const how = move[i * w + j]
    if (how === 0) out.push([--i, --j])
    else if (how === 1) out.push([--i, -1])
    else out.push([-1, --j])
  }
  return out.reverse()
}

/**
 * Word pairs (printed, read) of a text and its OCR reading: lines aligned, then the tokens of
 * aligned lines (punctuation left out). Pairs of very different lines are skipped, and in lines
 * where OCR lost or added a word only pairs that look alike are kept.
 */
export function wordPairs(printed: string, read: string): Array<[string, string]> {
  const t = printed.split('\n').filter((l) => l.trim())
  const o = read.split('\n').filter((l) => l.trim())
  const pairs: Array<[string, string]> = []
  for (const [i, j] of align(t, o, tokenDistance, 0.8)) {
    if (i < 0 || j < 0 || tokenDistance(t[i], o[j]) > 0.5) continue
    const a = tokenize(t[i]).filter((x) => x.kind !== 'punct')
    const b = tokenize(o[j]).filter((x) => x.kind !== 'punct')
    const pairing = align(a, b, (p, q) => tokenDistance(p.text, q.text), 0.7)
    // Without gaps the pairing is certain; with gaps, trust only pairs that look alike.
    const gaps = pairing.some(([x, y]) => x < 0 || y < 0)
    for (const [x, y] of pairing) {
      if (x >= 0 && y >= 0 && (!gaps || tokenDistance(a[x].text, b[y].text) <= 0.5)) pairs.push([a[x].text, b[y].text])
    }
  }
  return pairs
}
