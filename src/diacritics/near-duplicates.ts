/**
 * Groups of near-duplicate documents, so that a hold-out split puts every
 * copy of a text on the same side: two documents belong together when they
 * have the same title, or when at least 30% of the word 8-grams of the
 * shorter one are also in the other (re-issued decisions, consolidated and
 * amended texts, the same article in two Wikipedia snapshots). Groups are
 * closed under both relations (union-find).
 */

/** A document as the grouping sees it. */
export interface GroupedDocument {
  /** Name the group is keyed by (the smallest name of a group keys it). */
  name: string
  /** Title when known (normalised by the grouping: case, spacing), else null. */
  title: string | null
  /** The text. */
  text: string
}

/** Options of `nearDuplicateGroups`. */
export interface NearDuplicateOptions {
  /** Word n-gram length (default 8). */
  n?: number
  /** Share of the shorter document's n-grams found in the other that makes two documents one group (default 0.3). */
  share?: number
  /** n-grams found in more documents than this are boilerplate (`Căn cứ Luật Tổ chức chính quyền địa phương`) and not compared (default 64). */
  maxDocuments?: number
  /** Documents with fewer distinct n-grams than this are grouped by title only (default 20). */
  minNgrams?: number
}

/**
 * For each document, the index of its group's first member (in the order given): documents with
 * equal results are near-duplicates of each other, directly or through others.
 */
export function nearDuplicateGroups(docs: GroupedDocument[], options: NearDuplicateOptions = {}): Int32Array {
  const n = options.n ?? 8
  const share = options.share ?? 0.3
  const maxDocuments = options.maxDocuments ?? 64
  const minNgrams = options.minNgrams ?? 20
  const parent = Int32Array.from(docs, (_, i) => i)
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]]
      x = parent[x]
    }
    return x
  }
  const union = (a: number, b: number) => {
    const x = find(a)
    const y = find(b)
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y)
  }

  // Same title.
  const byTitle = new Map<string, number>()
  docs.forEach((doc, i) => {
    const title = doc.title === null ? '' : normaliseTitle(doc.title)
    if (title.length < 12) return
    const first = byTitle.get(title)
    if (first === undefined) byTitle.set(title, i)
    else union(first, i)
  })

  // Shared word n-grams: one key per (n-gram hash, document), sorted, so that equal hashes meet.
  const docBits = Math.max(1, Math.ceil(Math.log2(docs.length + 1)))
  if (docBits > 20) throw new Error(`near-duplicate grouping: too many documents (${docs.length})`)
  const hashSpace = 2 ** Math.min(40, 53 - docBits)
  const docSpace = 2 ** docBits
  const keys: number[] = []
  let all = new Float64Array(1 << 20)
  let used = 0
  docs.forEach((doc, d) => {
    const words = wordHashes(doc.text)
    keys.length = 0
    for (let i = 0; i + n <= words.length; i++) {
      let a = 0x9e3779b9 ^ n
      let b = 0x85ebca6b
      for (let j = i; j < i + n; j++) {
        a = Math.imul(a ^ words[j], 0x01000193)
        a ^= a >>> 15
        b = Math.imul(b ^ words[j], 0x5bd1e995)
        b ^= b >>> 13
      }
      keys.push(((((b >>> 0) * 0x100000000 + (a >>> 0)) % hashSpace) * docSpace) + d)
    }
    if (used + keys.length > all.length) {
      const bigger = new Float64Array(Math.max(all.length * 2, used + keys.length))
      bigger.set(all.subarray(0, used))
      all = bigger
    }
    for (const k of keys) all[used++] = k
  })
  const sorted = all.subarray(0, used).sort()
  const distinct = new Int32Array(docs.length)
  const pairs = new Map<number, number>()
  const members: number[] = []
  let i = 0
  while (i < sorted.length) {
    const hash = Math.floor(sorted[i] / docSpace)
    members.length = 0
    let j = i
    while (j < sorted.length && Math.floor(sorted[j] / docSpace) === hash) {
      const d = sorted[j] % docSpace
      if (members.length === 0 || members[members.length - 1] !== d) members.push(d)
      j++
    }
    for (const d of members) distinct[d]++
    if (members.length > 1 && members.length <= maxDocuments) {
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const key = members[x] * docSpace + members[y]
          pairs.set(key, (pairs.get(key) ?? 0) + 1)
        }
      }
    }
    i = j
  }
  for (const [key, shared] of pairs) {
    const a = Math.floor(key / docSpace)
    const b = key % docSpace
    const smaller = Math.min(distinct[a], distinct[b])
    if (smaller >= minNgrams && shared >= share * smaller) union(a, b)
  }
  return Int32Array.from(docs, (_, d) => find(d))
}

/** A title as compared: lower case, one space between words, no surrounding punctuation. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** 32-bit hashes of the lower-case words (letter and digit runs) of a text. */
function wordHashes(text: string): Int32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
  const out = new Int32Array(words.length)
  words.forEach((word, i) => {
    let h = 0x811c9dc5
    for (let c = 0; c < word.length; c++) h = Math.imul(h ^ word.charCodeAt(c), 0x01000193)
    out[i] = h ^ (h >>> 16)
  })
  return out
}
