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

/** The vocabulary as a trie of letters. */
interface Trie {
  /** Letter entering each node (node 0 is the root). */
  letter: string[]
  /** Children of each node. */
  children: number[][]
  /** Syllable id ending at each node, or -1. */
  wordId: Int32Array
  word: string[]
}

function buildTrie(model: LanguageModel): Trie {
  const letter = ['']
  const children: number[][] = [[]]
  const ends: number[] = [-1]
  const words: string[] = ['']
  const entries = [...model.syllables()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  for (const [word, id] of entries) {
    let node = 0
    for (const ch of word) {
      let next = children[node].find((c) => letter[c] === ch)
      if (next === undefined) {
        next = letter.length
        letter.push(ch)
        children.push([])
        ends.push(-1)
        words.push('')
        children[node].push(next)
      }
      node = next
    }
    ends[node] = id
    words[node] = word
  }
  return {letter, children, wordId: Int32Array.from(ends), word: words}
}

/** The OCR channel of a model. */
export class Channel {
  readonly table: ChannelTable
  private readonly trie: Trie
  private readonly model: LanguageModel

  constructor(table: ChannelTable, model: LanguageModel) {
    this.table = table
    this.model = model
    this.trie = buildTrie(model)
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

  /** The syllables most likely read as `read` (lowercase), best first. */
  candidates(read: string, options: SearchOptions = {}): ChannelCandidate[] {
    const floor = options.floor ?? -7
    const window = options.window ?? 5
    const limit = options.limit ?? 30
    const chars = [...read]
    const m = chars.length
    const width = maxReading + 1
    // Every reading a letter may have produced: substrings[j * width + l] = chars[j-l..j).
    const substrings: string[] = new Array((m + 1) * width).fill('')
    for (let j = 0; j <= m; j++) for (let l = 0; l <= maxReading && l <= j; l++) substrings[j * width + l] = chars.slice(j - l, j).join('')
    // Emission scores per letter: emissions.get(letter)[j * width + l] for chars[j-l..j).
    const emissions = new Map<string, Float64Array>()
    const emissionRow = (letter: string): Float64Array => {
      let e = emissions.get(letter)
      if (e) return e
      e = new Float64Array((m + 1) * width).fill(-Infinity)
      for (let j = 0; j <= m; j++) {
        for (let l = 0; l <= maxReading && l <= j; l++) e[j * width + l] = readingLogProb(this.table, letter, substrings[j * width + l])
      }
      emissions.set(letter, e)
      return e
    }
    const found: ChannelCandidate[] = []
    let best = -Infinity
    const rows: Float64Array[] = [new Float64Array(m + 1).fill(-Infinity)]
    rows[0][0] = 0
    const trie = this.trie
    const visit = (node: number, depth: number): void => {
      const parent = rows[depth]
      for (const child of trie.children[node]) {
        const e = emissionRow(trie.letter[child])
        const row = (rows[depth + 1] ??= new Float64Array(m + 1))
        let top = -Infinity
        for (let j = 0; j <= m; j++) {
          let v = -Infinity
          for (let l = 0; l <= maxReading && l <= j; l++) {
            const s = parent[j - l] + e[j * width + l]
            if (s > v) v = s
          }
          row[j] = v
          if (v > top) top = v
        }
        // Readings only ever lower the score: a subtree below the floor has nothing to offer.
        if (top < floor || top < best - window) continue
        const id = trie.wordId[child]
        if (id >= 0 && row[m] >= floor && row[m] >= best - window) {
          found.push({id, word: trie.word[child], score: row[m]})
          if (row[m] > best) best = row[m]
        }
        visit(child, depth + 1)
      }
    }
    visit(0, 0)
    const kept = found.filter((c) => c.score >= best - window)
    kept.sort((a, b) => b.score + this.model.unigram(b.id) - (a.score + this.model.unigram(a.id)) || (a.word < b.word ? -1 : 1))
    return kept.slice(0, limit)
  }
}
