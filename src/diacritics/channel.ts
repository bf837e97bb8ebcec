/**
 * The OCR channel at run time: log10 P(what OCR read | intended syllable),
 * each intended letter read as 0–3 characters, and a search of the model's
 * vocabulary (as a letter trie) for the syllables most likely to have been
 * read as a given token.
 */
import type {CandidateTable} from './candidate-table.js'
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
  /**
   * At most this many candidates, best by channel score plus unigram (default 30: seed 002's
   * lines 1–300 by 2-fold cross-validation, 99.02% of syllables right; 98.64% with 20, 97.94% with 12).
   */
  limit?: number
}

/** The vocabulary as a trie of letters, in flat arrays. */
export interface Trie {
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

/** The trie of `model`'s vocabulary (nodes in depth-first order of the sorted syllables). */
export function buildTrie(model: LanguageModel): Trie {
  const entries = [...model.syllables()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  // In sorted order a word shares its path with the word before up to their common prefix, and
  // every node after it is new: nodes are numbered in depth-first order, children after parents.
  const letter: string[] = ['']
  const parentOf: number[] = [-1]
  const ends: number[] = [-1]
  const words: string[] = ['']
  /** The nodes and letters of the path of the word before. */
  const path: number[] = [0]
  const pathLetters: string[] = []
  for (const [word, id] of entries) {
    const chars = [...word]
    let depth = 0
    while (depth < chars.length && depth < pathLetters.length && chars[depth] === pathLetters[depth]) depth++
    path.length = depth + 1
    pathLetters.length = depth
    let node = path[depth]
    for (let i = depth; i < chars.length; i++) {
      const next = letter.length
      letter.push(chars[i])
      parentOf.push(node)
      ends.push(-1)
      words.push('')
      path.push(next)
      pathLetters.push(chars[i])
      node = next
    }
    ends[node] = id
    words[node] = word
  }
  const nodes = letter.length
  const letters = [...new Set(letter.slice(1))].sort()
  const letterIndex = new Map(letters.map((l, i) => [l, i]))
  // Children of each node, in the order they were made.
  const childStart = new Int32Array(nodes + 1)
  for (let node = 1; node < nodes; node++) childStart[parentOf[node] + 1]++
  for (let node = 0; node < nodes; node++) childStart[node + 1] += childStart[node]
  const children = new Int32Array(nodes - 1)
  const filled = childStart.slice(0, nodes)
  for (let node = 1; node < nodes; node++) children[filled[parentOf[node]]++] = node
  // Children come after their parent: fill the subtree maxima from the last node back.
  const bestUnigram = new Float64Array(nodes).fill(-Infinity)
  for (let node = nodes - 1; node >= 0; node--) {
    if (ends[node] >= 0) bestUnigram[node] = Math.max(bestUnigram[node], model.unigram(ends[node]))
    if (node > 0) bestUnigram[parentOf[node]] = Math.max(bestUnigram[parentOf[node]], bestUnigram[node])
  }
  return {
    letters,
    letter: Int32Array.from(letter, (l, i) => (i === 0 ? -1 : letterIndex.get(l)!)),
    childStart,
    children,
    wordId: Int32Array.from(ends),
    word: words,
    bestUnigram
  }
}

/** The channel table by reading, for the letters of the trie: rows of `readingLogProb` without a call per letter. */
interface ReadingIndex {
  /** By reading length 0..maxReading: what `readingLogProb` gives each letter for a reading its table lacks. */
  unseen: Float64Array[]
  /** Per reading: the letters (indices) whose log10 P differs from that, with it. */
  known: Map<string, Array<[number, number]>>
}

/** Index `table` by reading for `letters`; every row it gives equals `readingLogProb` letter by letter. */
function indexReadings(table: ChannelTable, letters: string[]): ReadingIndex {
  const unseen = Array.from({length: maxReading + 1}, (_, length) =>
    Float64Array.from(letters, (letter) => (table.emissions[letter] === undefined ? -3 + table.unseenByLength[length] : table.unseen[letter] + table.unseenByLength[length]))
  )
  const known = new Map<string, Array<[number, number]>>()
  const add = (reading: string, letter: number, value: number) => {
    let list = known.get(reading)
    if (list === undefined) known.set(reading, (list = []))
    list.push([letter, value])
  }
  letters.forEach((letter, i) => {
    const readings = table.emissions[letter]
    if (readings === undefined) {
      // A letter the table lacks is read as itself half the time.
      if (letter.length <= maxReading) add(letter, i, Math.log10(0.5))
      return
    }
    for (const [reading, value] of Object.entries(readings)) if (reading.length <= maxReading) add(reading, i, value)
  })
  return {unseen, known}
}

/** Cells of -Infinity before cell 0 of a row of the search, so that a cell reads the maxReading cells before it without a test. */
const pad = 3
if (maxReading !== pad) throw new Error('the search reads readings of 0 to 3 characters')

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
  /** The buffers of the search (`scratch`). */
  private search: Search | null = null
  /** The table by reading (`indexReadings`), built on first use. */
  private readingIndex: ReadingIndex | null = null

  /** Answers searched ahead of time (`candidate-table.ts`), read on first use; null: none. */
  private ahead: CandidateTable | null | undefined

  /**
   * The channel of `table` over the vocabulary of `model`; `precomputed`, when given, reads the
   * answers searched ahead of time for this model and table (called once, on the first search).
   */
  constructor(
    table: ChannelTable,
    model: LanguageModel,
    private readonly precomputed: () => CandidateTable | null = () => null
  ) {
    this.table = table
    this.model = model
  }

  /** The vocabulary trie, on first use (only OCR repair needs it): the one stored with the answers searched ahead of time, else built. */
  get trie(): Trie {
    return (this.trieCache ??= this.aheadTable()?.trie ?? buildTrie(this.model))
  }

  /** The vocabulary trie if it is at hand already (read with the table, or built), else null: nothing is read or built. */
  get trieAtHand(): Trie | null {
    return this.trieCache ?? (this.ahead ? this.ahead.trie : null)
  }

  /** The answers searched ahead of time, read on first use. */
  private aheadTable(): CandidateTable | null {
    return this.ahead === undefined ? (this.ahead = this.precomputed()) : this.ahead
  }

  /** The buffers of a search for a token of `m` characters (one set per channel, grown as needed). */
  private scratch(m: number): Search {
    const letters = this.trie.letters.length
    if (this.search === null || this.search.capacity < m + 1) {
      const capacity = Math.max(m + 1, 12)
      this.search = {
        m,
        capacity,
        letters,
        emissions: new Float64Array(letters * capacity * (maxReading + 1)),
        rest: new Float64Array(capacity),
        letterBest: new Float64Array(letters),
        letterOf: this.trie.letter,
        childStart: this.trie.childStart,
        children: this.trie.children,
        bestUnigram: this.trie.bestUnigram,
        rowsAt: [],
        boundsAt: [],
        orderAt: [],
        wordId: this.trie.wordId,
        word: this.trie.word,
        model: this.model,
        // Fields that hold fractions start as one (a field first holding an integer would change
        // the object's shape when it gets a fraction, and optimized code reading it would be thrown away).
        rw: 0,
        floor: -Infinity,
        window: -Infinity,
        limit: 0,
        best: -Infinity,
        enough: -Infinity,
        lowest: -Infinity,
        cutoff: -Infinity,
        found: [],
        values: [],
        scores: [],
        worst: -Infinity
      }
    }
    this.search.m = m
    return this.search
  }

  /** log10 P(`reading` | letter) for every letter of the trie (remembered). */
  private readingRow(reading: string): Float64Array {
    return this.readingRows.get(reading) ?? this.newReadingRow(reading)
  }

  /** `readingRow` of a reading not met before (kept apart: the look-up is what runs hot). */
  private newReadingRow(reading: string): Float64Array {
    const letters = this.trie.letters
    const index = (this.readingIndex ??= indexReadings(this.table, letters))
    let row: Float64Array
    if (reading.length <= maxReading) {
      // The letter's share of unseen readings of this length, unless the table knows the reading.
      row = index.unseen[reading.length].slice()
      for (const [letter, value] of index.known.get(reading) ?? []) row[letter] = value
    } else {
      row = Float64Array.from(letters, (letter) => readingLogProb(this.table, letter, reading))
    }
    let best = -Infinity
    for (let i = 0; i < row.length; i++) if (row[i] > best) best = row[i]
    if (this.readingRows.size >= 100_000) this.readingRows.clear()
    this.readingRows.set(reading, row)
    this.bestReadings.set(reading, best)
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
   * unigram (ties in code unit order of their spelling). Two depth-first searches of the
   * vocabulary trie, one row of alignment scores per node, the most promising child first, pruned
   * by bounds that never drop an answer: the first finds the best channel score (what the
   * characters still to read can score at best bounds a subtree), the second the answers (a
   * subtree is left once `limit` answers beat its bound plus the best unigram below it). Without
   * options, the answer of a token searched ahead of time (`candidate-table.ts`) is taken as stored.
   */
  candidates(read: string, options?: SearchOptions): ChannelCandidate[] {
    if (options === undefined) {
      // With the default options the answer may have been searched ahead of time.
      const known = this.aheadTable()?.get(read)
      if (known !== undefined) return known
      options = {}
    }
    const floor = options.floor ?? -7
    const window = options.window ?? 5
    const limit = options.limit ?? 30
    const trie = this.trie
    const chars = [...read]
    const m = chars.length
    // The characters chars[from..to) as a string (a slice of `read` when each is one code unit).
    const part = m === read.length ? (from: number, to: number) => read.slice(from, to) : (from: number, to: number) => chars.slice(from, to).join('')
    const w = m + 1
    const width = maxReading + 1
    const letterCount = trie.letters.length
    const search = this.scratch(m)
    // Emission scores, letter by letter: emissions[(letter * w + j) * width + l] for chars[j-l..j) (l ≤ j).
    const emissions = search.emissions
    emissions.fill(-Infinity, 0, letterCount * w * width)
    // rest[j]: the most any letters can score reading chars[j..m) (readings of no character only lower a score).
    const rest = search.rest
    rest.fill(-Infinity, 0, w)
    rest[m] = 0
    for (let j = m - 1; j >= 0; j--) {
      for (let l = 1; l <= maxReading && j + l <= m; l++) {
        const reading = part(j, j + l)
        this.readingRow(reading)
        const s = this.bestReadings.get(reading)! + rest[j + l]
        if (s > rest[j]) rest[j] = s
      }
    }
    // letterBest[letter]: the most a cell of that letter can add to its parent's best cell, rest included.
    const letterBest = search.letterBest
    letterBest.fill(-Infinity, 0, letterCount)
    for (let j = 0; j <= m; j++) {
      for (let l = 0; l <= maxReading && l <= j; l++) {
        fillEmissions(search, this.readingRow(l === 0 ? '' : part(j - l, j)), j * width + l, w * width, rest[j], letterCount)
      }
    }
    // Rows of alignment scores: `pad` cells of -Infinity, then cells 0..m.
    const rw = w + pad
    const root = new Float64Array(rw).fill(-Infinity)
    root[pad] = 0
    search.rw = rw
    search.floor = floor
    search.window = window
    search.limit = limit
    // First the best score of any syllable (branch and bound), so that the window is known from the
    // start. Only a best whose window reaches above `floor` moves the window's low end, so only
    // syllables scoring above `floor + window` are looked for (a badly read token, whose best is
    // lower, is then searched once, from `floor`); none found: the low end is `floor`.
    search.best = -Infinity
    search.enough = window >= 0 ? floor + window : -Infinity
    findBest(search, 0, root, 0, 0)
    if (limit <= 0) return []
    // Then the `limit` best syllables (by score + unigram) within the window (no syllable at or
    // above `floor`: none is found).
    search.lowest = search.best === -Infinity ? floor : Math.max(floor, search.best - window)
    search.cutoff = search.lowest - slack
    search.found = []
    search.values = []
    search.scores = []
    search.worst = -Infinity
    collect(search, 0, root, 0, 0)
    const {found, scores} = search
    // Pushed: a packed array, as the table's answers are.
    const out: ChannelCandidate[] = []
    for (let i = 0; i < found.length; i++) out.push({id: trie.wordId[found[i]], word: trie.word[found[i]], score: scores[i]})
    return out
  }
}

/**
 * Write a reading's row (log10 P per letter) into the search's emissions, letter by letter from
 * `at` in steps of `step`, and raise each letter's best by it plus `rest` (what the characters after
 * it can score at best).
 */
function fillEmissions(search: Search, row: Float64Array, at: number, step: number, rest: number, letterCount: number): void {
  const emissions = search.emissions
  const letterBest = search.letterBest
  for (let x = 0; x < letterCount; x++, at += step) {
    emissions[at] = row[x]
    const b = row[x] + rest
    if (b > letterBest[x]) letterBest[x] = b
  }
}

/** The first walk of a search: the best channel score of any syllable above `enough` into `search.best`. */
function findBest(search: Search, node: number, parent: Float64Array, parentAt: number, depth: number): void {
  const count = expandNode(search, node, parent, parentAt, depth, Math.max(search.floor, search.best, search.enough) - slack, true)
  const from = search.childStart[node]
  const rows = search.rowsAt[depth]
  const bounds = search.boundsAt[depth]
  const order = search.orderAt[depth]
  const rw = search.rw
  const m = search.m
  const floor = search.floor
  const window = search.window
  const wordId = search.wordId
  const children = search.children
  for (let x = 0; x < count; x++) {
    const c = order[x]
    if (bounds[c] < Math.max(floor, search.best, search.enough) - slack) break
    const child = children[from + c]
    const score = rows[c * rw + pad + m]
    if (wordId[child] >= 0 && score > search.best && score >= floor && (window < 0 || score - window > floor)) search.best = score
    findBest(search, child, rows, c * rw, depth + 1)
  }
}

/**
 * The second walk: the `limit` best syllables (by score + unigram) scoring at least `lowest`, kept
 * in order in `found` (nodes), `values` and `scores`; a subtree whose bound plus best unigram falls
 * below the last of `limit` of them holds no answer (at a tie it is searched: it may hold a
 * syllable spelt before).
 */
function collect(search: Search, node: number, parent: Float64Array, parentAt: number, depth: number): void {
  const count = expandNode(search, node, parent, parentAt, depth, search.cutoff, false)
  const childStart = search.childStart
  const from = childStart[node]
  const rows = search.rowsAt[depth]
  const bounds = search.boundsAt[depth]
  const order = search.orderAt[depth]
  const children = search.children
  const bestUnigram = search.bestUnigram
  const wordId = search.wordId
  const word = search.word
  const rw = search.rw
  const m = search.m
  const lowest = search.lowest
  const limit = search.limit
  const found = search.found
  const values = search.values
  const scores = search.scores
  for (let x = 0; x < count; x++) {
    const c = order[x]
    const child = children[from + c]
    if (bounds[c] + bestUnigram[child] + slack < search.worst) continue
    const id = wordId[child]
    const score = rows[c * rw + pad + m]
    if (id >= 0 && score >= lowest) {
      const value = score + search.model.unigram(id)
      if (found.length < limit || value > search.worst || (value === search.worst && word[child] < word[found[found.length - 1]])) {
        let at = found.length < limit ? found.length : limit - 1
        while (at > 0 && (values[at - 1] < value || (values[at - 1] === value && word[found[at - 1]] > word[child]))) {
          found[at] = found[at - 1]
          values[at] = values[at - 1]
          scores[at] = scores[at - 1]
          at--
        }
        found[at] = child
        values[at] = value
        scores[at] = score
        if (found.length === limit) search.worst = values[limit - 1]
      }
    }
    if (childStart[child + 1] > childStart[child]) collect(search, child, rows, c * rw, depth + 1)
  }
}

/** The state of one search of `Channel.candidates`. */
interface Search {
  /** Characters of the token. */
  m: number
  /** Cells a row of the buffers holds (at least m + 1). */
  capacity: number
  /** Distinct letters of the vocabulary (the most children a node has). */
  letters: number
  /** Emission scores, letter by letter: emissions[(letter * (m + 1) + j) * (maxReading + 1) + l] for chars[j-l..j). */
  emissions: Float64Array
  /** rest[j]: the most any letters can score reading chars[j..m). */
  rest: Float64Array
  /** Per letter: the most a cell of the letter adds to the best cell of its parent (rest included). */
  letterBest: Float64Array
  letterOf: Int32Array
  childStart: Int32Array
  children: Int32Array
  bestUnigram: Float64Array
  /** Per depth: the rows of the children of the node being visited, their bounds, and the list of those that can still lead to an answer. */
  rowsAt: Float64Array[]
  boundsAt: Float64Array[]
  orderAt: Int32Array[]
  /** The trie's syllable id and spelling per node, and the model (unigrams). */
  wordId: Int32Array
  word: string[]
  model: LanguageModel
  /** Of the current search: cells per row (with the pad), options, the best score so far and the score it must beat. */
  rw: number
  floor: number
  window: number
  limit: number
  best: number
  enough: number
  /** Of the second walk: the lowest score kept, it less the slack, the answers so far and the value of the last of `limit`. */
  lowest: number
  cutoff: number
  found: number[]
  values: number[]
  scores: number[]
  worst: number
}

/**
 * Compute the rows and bounds of the children of `node` at `depth` of a search, cells below
 * `cutoff` dropped (a child whose letter cannot reach it from the parent's best cell is not
 * computed); list those whose bound reaches `cutoff` in `orderAt[depth]` (`sorted`: highest bound
 * first, else in trie order); returns how many are listed.
 */
function expandNode(search: Search, node: number, parent: Float64Array, parentAt: number, depth: number, cutoff: number, sorted: boolean): number {
  const m = search.m
  const w = m + 1
  const width = maxReading + 1
  const stride = w * width
  const emissions = search.emissions
  const rest = search.rest
  const letterOf = search.letterOf
  const children = search.children
  const bestUnigram = search.bestUnigram
  const from = search.childStart[node]
  const count = search.childStart[node + 1] - from
  if (search.rowsAt.length <= depth) {
    const size = search.letters
    search.rowsAt.push(new Float64Array(size * (search.capacity + pad)))
    search.boundsAt.push(new Float64Array(size))
    search.orderAt.push(new Int32Array(size))
  }
  const rows = search.rowsAt[depth]
  const bounds = search.boundsAt[depth]
  const order = search.orderAt[depth]
  // The parent's live cells (the rest is -Infinity): a child's cell j reads cells j - maxReading..j.
  let first = m + 1
  let last = -1
  let top = -Infinity
  const parentCells = parentAt + pad
  for (let j = 0; j <= m; j++) {
    const v = parent[parentCells + j]
    if (v !== -Infinity) {
      if (first > m) first = j
      last = j
      if (v > top) top = v
    }
  }
  const letterBest = search.letterBest
  // A child whose letter cannot reach the cutoff from the parent's best cell is not computed.
  const hopeless = cutoff - top - slack
  const end = Math.min(m, last + maxReading)
  let ordered = 0
  for (let c = 0; c < count; c++) {
    const child = children[from + c]
    const letter = letterOf[child]
    if (letterBest[letter] < hopeless) {
      bounds[c] = -Infinity
      continue
    }
    const base = letter * stride
    const at = c * (w + pad)
    let bound = -Infinity
    for (let j = 0; j < pad + first; j++) rows[at + j] = -Infinity
    const cells = at + pad
    for (let j = first; j <= end; j++) {
      // The best of the four readings (0–3 characters) ending at j; before cell 0 the pad and the
      // emissions of readings longer than j are -Infinity.
      const e = base + j * width
      const p = parentCells + j
      let v = parent[p] + emissions[e]
      let s = parent[p - 1] + emissions[e + 1]
      if (s > v) v = s
      s = parent[p - 2] + emissions[e + 2]
      if (s > v) v = s
      s = parent[p - 3] + emissions[e + 3]
      if (s > v) v = s
      // A cell that cannot lead to an answer is dropped.
      const b = v + rest[j]
      if (b < cutoff) v = -Infinity
      else if (b > bound) bound = b
      rows[cells + j] = v
    }
    for (let j = end + 1; j <= m; j++) rows[cells + j] = -Infinity
    bounds[c] = bound
    if (bound < cutoff) continue
    if (!sorted) {
      order[ordered++] = c
      continue
    }
    // Most promising first.
    let x = ordered++
    while (x > 0 && bounds[order[x - 1]] < bound) {
      order[x] = order[x - 1]
      x--
    }
    order[x] = c
  }
  return ordered
}
