/**
 * The OCR channel at run time: log10 P(what OCR read | intended syllable),
 * each intended letter read as 0–3 characters, and a search of the model's
 * vocabulary (as a letter trie) for the syllables most likely to have been
 * read as a given token.
 */
import type {ChannelTable} from './channel-table.js'
import type {LanguageModel} from './language-model.js'
import {maxReading as maxReadingExport, readingLogProb} from './learn-channel.js'

/** Longest reading of a letter (a local copy: hot loops read it). */
const maxReading = maxReadingExport

/** A syllable that may have been read as the token, with log10 P(token | syllable). */
export interface ChannelCandidate {
  id: number
  word: string
  score: number
}

/** Options of `Channel.candidates`. */
export interface SearchOptions {
  /** Lowest channel log10 score kept (default −7). */
  floor?: number
  /** Keep candidates within this many log10 units of the best (default 5). */
  window?: number
  /** At most this many candidates, best by channel score plus unigram (default 12). */
  limit?: number
}

/** The vocabulary as a trie of letters, in flat arrays. */
interface Trie {
  /** The distinct letters of the vocabulary. */
  letters: string[]
  /** Index (in `letters`) of the letter entering each node (node 0 is the root: -1). */
  letter: Int32Array
  /** Children of node i: `children[childStart[i]..childStart[i+1])`. */
  childStart: Int32Array
  children: Int32Array
  /** Syllable id ending at each node, or -1. */
  wordId: Int32Array
  word: string[]
  /** The highest unigram log10 p of the syllables at or below each node. */
  bestUnigram: Float64Array
}

function buildTrie(model: LanguageModel): Trie {
  const letter = ['']
  const children: number[][] = [[]]
  const ends: number[] = [-1]
  const words: string[] = ['']
  // Child of each node by letter, while building.
  const childByLetter: Array<Map<string, number>> = [new Map()]
  const entries = [...model.syllables()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  for (const [word, id] of entries) {
    let node = 0
    for (const ch of word) {
      let next = childByLetter[node].get(ch)
      if (next === undefined) {
        next = letter.length
        letter.push(ch)
        children.push([])
        childByLetter.push(new Map())
        ends.push(-1)
        words.push('')
        children[node].push(next)
        childByLetter[node].set(ch, next)
      }
      node = next
    }
    ends[node] = id
    words[node] = word
  }
  const letters = [...new Set(letter.slice(1))].sort()
  const letterIndex = new Map(letters.map((l, i) => [l, i]))
  const childStart = new Int32Array(children.length + 1)
  for (let i = 0; i < children.length; i++) childStart[i + 1] = childStart[i] + children[i].length
  // Children always come after their parent: fill the subtree maxima from the last node back.
  const bestUnigram = new Float64Array(children.length).fill(-Infinity)
  for (let node = children.length - 1; node >= 0; node--) {
    if (ends[node] >= 0) bestUnigram[node] = Math.max(bestUnigram[node], model.unigram(ends[node]))
    for (const child of children[node]) bestUnigram[node] = Math.max(bestUnigram[node], bestUnigram[child])
  }
  return {
    letters,
    letter: Int32Array.from(letter, (l, i) => (i === 0 ? -1 : letterIndex.get(l)!)),
    childStart,
    children: Int32Array.from(children.flat()),
    wordId: Int32Array.from(ends),
    word: words,
    bestUnigram
  }
}

/** Slack on the search's bounds, so that rounding in sums taken in another order never prunes a tie. */
const slack = 1e-9

/** The OCR channel of a model. */
export class Channel {
  readonly table: ChannelTable
  private readonly model: LanguageModel
  private trieCache: Trie | null = null
  /** Per reading: log10 P(reading | letter) for every letter of the trie, in `letters` order. */
  private readonly readingRows = new Map<string, Float64Array>()
  /** Per reading: the best of its row (no letter produces the reading more likely). */
  private readonly bestReadings = new Map<string, number>()

  constructor(table: ChannelTable, model: LanguageModel) {
    this.table = table
    this.model = model
  }

  /** The vocabulary trie, built on first use (only OCR repair needs it). */
  private get trie(): Trie {
    return (this.trieCache ??= buildTrie(this.model))
  }

  /** log10 P(`reading` | letter) for every letter of the trie (remembered). */
  private readingRow(reading: string): Float64Array {
    let row = this.readingRows.get(reading)
    if (row === undefined) {
      const letters = this.trie.letters
      row = new Float64Array(letters.length)
      let best = -Infinity
      for (let i = 0; i < letters.length; i++) {
        row[i] = readingLogProb(this.table, letters[i], reading)
        if (row[i] > best) best = row[i]
      }
      if (this.readingRows.size >= 100_000) this.readingRows.clear()
      this.readingRows.set(reading, row)
      this.bestReadings.set(reading, best)
    }
    return row
  }

  /** log10 P(`read` | `intended`) over the best letter alignment (both lowercase). */
  score(intended: string, read: string): number {
    const letters = [...intended]
    const chars = [...read]
    const m = chars.length
    let row = new Float64Array(m + 1).fill(-Infinity)
    row[0] = 0
    for (const letter of letters) {
      const next = new Float64Array(m + 1).fill(-Infinity)
      for (let j = 0; j <= m; j++) {
        for (let l = 0; l <= maxReading && l <= j; l++) {
          if (row[j - l] === -Infinity) continue
          const s = row[j - l] + readingLogProb(this.table, letter, chars.slice(j - l, j).join(''))
          if (s > next[j]) next[j] = s
        }
      }
      row = next
    }
    return row[m]
  }

  /**
   * The syllables most likely read as `read` (lowercase), best first: those whose channel score is
   * at least `floor` and within `window` of the best, the `limit` best by channel score plus
   * unigram. A depth-first search of the vocabulary trie, one row of alignment scores per node,
   * the most promising child first, pruned by bounds that never drop an answer: what the
   * characters still to read can score at best, and the best unigram below a node once `limit`
   * sure answers beat it.
   */
  candidates(read: string, options: SearchOptions = {}): ChannelCandidate[] {
    const floor = options.floor ?? -7
    const window = options.window ?? 5
    const limit = options.limit ?? 30
    const trie = this.trie
    const model = this.model
    const chars = [...read]
    const m = chars.length
    const w = m + 1
    const width = maxReading + 1
    const letterCount = trie.letters.length
    // Emission scores: emissions[(j * width + l) * letterCount + letter] for chars[j-l..j) (l ≤ j).
    const emissions = new Float64Array(w * width * letterCount).fill(-Infinity)
    // rest[j]: the most any letters can score reading chars[j..m) (readings of no character only lower a score).
    const rest = new Float64Array(w).fill(-Infinity)
    rest[m] = 0
    for (let j = 0; j <= m; j++) {
      for (let l = 0; l <= maxReading && l <= j; l++) emissions.set(this.readingRow(chars.slice(j - l, j).join('')), (j * width + l) * letterCount)
    }
    for (let j = m - 1; j >= 0; j--) {
      for (let l = 1; l <= maxReading && j + l <= m; l++) {
        const s = this.bestReadings.get(chars.slice(j, j + l).join(''))! + rest[j + l]
        if (s > rest[j]) rest[j] = s
      }
    }
    // Per depth: the rows of the children of the node being visited, their bounds and their order.
    const rowsAt: Float64Array[] = []
    const boundsAt: Float64Array[] = []
    const orderAt: Int32Array[] = []
    const root = new Float64Array(w).fill(-Infinity)
    root[0] = 0
    /** Compute the rows and bounds of the children of `node` at `depth`, cells below `cutoff` dropped; returns how many. */
    const expand = (node: number, parent: Float64Array, parentAt: number, depth: number, cutoff: number): number => {
      const from = trie.childStart[node]
      const count = trie.childStart[node + 1] - from
      if (rowsAt.length <= depth) {
        rowsAt.push(new Float64Array(letterCount * w))
        boundsAt.push(new Float64Array(letterCount))
        orderAt.push(new Int32Array(letterCount))
      }
      const rows = rowsAt[depth]
      const bounds = boundsAt[depth]
      const order = orderAt[depth]
      // The parent's live cells (the rest is -Infinity): a child's cell j reads cells j - maxReading..j.
      let first = m + 1
      let last = -1
      for (let j = 0; j <= m; j++) {
        if (parent[parentAt + j] !== -Infinity) {
          if (first > m) first = j
          last = j
        }
      }
      const end = Math.min(m, last + maxReading)
      for (let c = 0; c < count; c++) {
        const letter = trie.letter[trie.children[from + c]]
        let bound = -Infinity
        for (let j = 0; j <= m; j++) {
          if (j < first || j > end) {
            rows[c * w + j] = -Infinity
            continue
          }
          let v = -Infinity
          for (let l = 0; l <= maxReading && l <= j; l++) {
            const s = parent[parentAt + j - l] + emissions[(j * width + l) * letterCount + letter]
            if (s > v) v = s
          }
          // A cell that cannot lead to an answer is dropped.
          if (v + rest[j] < cutoff) v = -Infinity
          rows[c * w + j] = v
          if (v + rest[j] > bound) bound = v + rest[j]
        }
        bounds[c] = bound
        // Most promising first.
        let at = c
        while (at > 0 && bounds[order[at - 1]] < bound) {
          order[at] = order[at - 1]
          at--
        }
        order[at] = c
      }
      return count
    }

    // First the best score of any syllable (branch and bound), so that the window is known from the start.
    let best = -Infinity
    const findBest = (node: number, parent: Float64Array, parentAt: number, depth: number): void => {
      const count = expand(node, parent, parentAt, depth, Math.max(floor, best) - slack)
      const from = trie.childStart[node]
      const rows = rowsAt[depth]
      const bounds = boundsAt[depth]
      const order = orderAt[depth]
      for (let x = 0; x < count; x++) {
        const c = order[x]
        if (bounds[c] < Math.max(floor, best) - slack) break
        const child = trie.children[from + c]
        const score = rows[c * w + m]
        if (trie.wordId[child] >= 0 && score > best && score >= floor) best = score
        findBest(child, rows, c * w, depth + 1)
      }
    }
    findBest(0, root, 0, 0)
    if (best === -Infinity) return []

    // Then the `limit` best syllables (by score + unigram) within the window, best first (A*): a
    // subtree's priority is the most any syllable in it can reach (its bound plus its best
    // unigram), a syllable's its own value; the first `limit` syllables taken are the answer.
    const lowest = Math.max(floor, best - window)
    const cutoff = lowest - slack
    const queue = new SearchQueue((node) => trie.word[node])
    const pool = new RowPool(w)
    queue.push(0, -1, pool.add(root, 0), Infinity)
    const out: ChannelCandidate[] = []
    while (queue.size > 0 && out.length < limit) {
      const {node, word, row} = queue.pop()
      if (word >= 0) {
        out.push({id: trie.wordId[word], word: trie.word[word], score: pool.rows[row + m]})
        continue
      }
      const count = expand(node, pool.rows, row, 0, cutoff)
      const from = trie.childStart[node]
      const rows = rowsAt[0]
      const bounds = boundsAt[0]
      for (let c = 0; c < count; c++) {
        if (bounds[c] < cutoff) continue
        const child = trie.children[from + c]
        const at = pool.add(rows, c * w)
        const id = trie.wordId[child]
        const score = rows[c * w + m]
        if (id >= 0 && score >= lowest) queue.push(child, child, at, score + model.unigram(id))
        if (trie.childStart[child + 1] > trie.childStart[child]) queue.push(child, -1, at, bounds[c] + trie.bestUnigram[child] + slack)
      }
    }
    return out
  }
}

/** Rows of alignment scores of the nodes waiting in the search queue, in one growing array. */
class RowPool {
  rows: Float64Array
  private used = 0

  constructor(private readonly width: number) {
    this.rows = new Float64Array(width * 256)
  }

  /** Store a copy of `source[at..at+width)`; returns where it is. */
  add(source: Float64Array, at: number): number {
    if (this.used + this.width > this.rows.length) {
      const grown = new Float64Array(this.rows.length * 2)
      grown.set(this.rows)
      this.rows = grown
    }
    const out = this.used
    this.rows.set(source.subarray(at, at + this.width), out)
    this.used += this.width
    return out
  }
}

/**
 * The queue of the A* search: subtrees (`word` = -1) and syllables (`word` = their node), highest
 * priority first; at equal priority subtrees first (they may hold a syllable that ties), and
 * syllables in code point order of their spelling (the answer's order for ties).
 */
class SearchQueue {
  size = 0
  private nodes: Int32Array = new Int32Array(256)
  private words: Int32Array = new Int32Array(256)
  private rows: Int32Array = new Int32Array(256)
  private priorities: Float64Array = new Float64Array(256)
  private spellings: string[] = []

  constructor(private readonly spellingOf: (node: number) => string = () => '') {}

  push(node: number, word: number, row: number, priority: number): void {
    if (this.size === this.nodes.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2)
        b.set(a)
        return b
      }
      this.nodes = grow(this.nodes)
      this.words = grow(this.words)
      this.rows = grow(this.rows)
      this.priorities = grow(this.priorities)
    }
    let i = this.size++
    while (i > 0) {
      const up = (i - 1) >> 1
      if (!this.before(word, priority, this.words[up], this.priorities[up], node, this.nodes[up])) break
      this.move(up, i)
      i = up
    }
    this.nodes[i] = node
    this.words[i] = word
    this.rows[i] = row
    this.priorities[i] = priority
  }

  pop(): {node: number; word: number; row: number} {
    const out = {node: this.nodes[0], word: this.words[0], row: this.rows[0]}
    const last = --this.size
    if (last > 0) {
      const node = this.nodes[last]
      const word = this.words[last]
      const row = this.rows[last]
      const priority = this.priorities[last]
      let i = 0
      for (;;) {
        let child = 2 * i + 1
        if (child >= last) break
        if (child + 1 < last && this.before(this.words[child + 1], this.priorities[child + 1], this.words[child], this.priorities[child], this.nodes[child + 1], this.nodes[child])) child++
        if (!this.before(this.words[child], this.priorities[child], word, priority, this.nodes[child], node)) break
        this.move(child, i)
        i = child
      }
      this.nodes[i] = node
      this.words[i] = word
      this.rows[i] = row
      this.priorities[i] = priority
    }
    return out
  }

  private move(from: number, to: number): void {
    this.nodes[to] = this.nodes[from]
    this.words[to] = this.words[from]
    this.rows[to] = this.rows[from]
    this.priorities[to] = this.priorities[from]
  }

  /** Whether entry a comes out before entry b. */
  private before(wordA: number, priorityA: number, wordB: number, priorityB: number, nodeA: number, nodeB: number): boolean {
    if (priorityA !== priorityB) return priorityA > priorityB
    if ((wordA < 0) !== (wordB < 0)) return wordA < 0
    if (wordA < 0) return nodeA < nodeB
    const a = this.spellingOf(wordA)
    const b = this.spellingOf(wordB)
    return a < b
  }
}
