/**
 * Training corpora: the files under the folders given (and files given
 * directly), the deterministic document hold-out, and the text → id
 * sequences the language model is counted on.
 */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {decodeText} from '../read/decode-text.js'
import {fileSystemError} from '../read/read-error.js'
import {countCodeParts, trimCodeCounts, type CodeCounts} from './codes.js'
import {Class, classCount, classNames, tokenClass} from './classes.js'
import {nearDuplicateGroups} from './near-duplicates.js'
import {learnSpelling, type SpellingModel} from './spelling.js'
import {tokenize} from '../vietnamese/tokenize.js'

/** A corpus document. */
export interface CorpusFile {
  /** Path as found (the folder argument joined with the file's relative path). */
  path: string
  /** Name used by the hold-out rule and recorded in the model: the base name (folders) or the path as given (files). */
  name: string
  /** Whether it came from a folder (only those are subject to the hold-out). */
  fromFolder: boolean
  /** The domain: the base name of the folder argument it was found under (`legal`, `admin`, `wiki`); `files` for files given directly. */
  domain: string
  /** Index of the input (folder or file argument) it came from. */
  input: number
}

/** The hold-out rule, as recorded in the model. */
export const holdoutRule =
  'documents grouped with their near-duplicates (same title, or at least 30% of the word 8-grams of the shorter one shared); ' +
  'a group is held out when the first byte of sha1(base name of its first member by code point order) < 26 (about 10% of the documents found in corpus folders); ' +
  'held-out groups with that byte < 13 are the development half (tuning), the rest the test half'

/** Whether a document or group (by base name) is held out of training for evaluation. */
export function isHeldOut(name: string): boolean {
  return holdoutByte(name) < 26
}

/** Whether a held-out document or group (by base name) is in the development half (used for tuning; the other half is the test). */
export function isDevelopment(name: string): boolean {
  return holdoutByte(name) < 13
}

function holdoutByte(name: string): number {
  return createHash('sha1').update(name).digest()[0]
}

/** The side of the split each document falls on. */
export interface CorpusSplit {
  /** Per file (in the order given): held out of training. */
  heldOut: boolean[]
  /** Per file: in the development half of the held-out documents. */
  development: boolean[]
  /** Number of groups of near-duplicates with more than one member, and the size of the largest. */
  groups: number
  largest: number
}

/**
 * Split documents for training and evaluation: files from folders are grouped with their
 * near-duplicates (`nearDuplicateGroups`), and a group is held out by the name of its first
 * member (`holdoutRule`); files given directly are always trained on. `titles` maps base names
 * (with or without `.txt`) to titles from a source list; other documents' titles are read from
 * their text (`documentTitle`).
 */
export function splitCorpus(files: CorpusFile[], texts: string[], titles: Map<string, string> = new Map()): CorpusSplit {
  const inFolders = files.map((f, i) => i).filter((i) => files[i].fromFolder)
  const docs = inFolders.map((i) => ({
    name: files[i].name,
    title: titles.get(files[i].name) ?? titles.get(files[i].name.replace(/\.txt$/, '')) ?? documentTitle(texts[i]),
    text: texts[i]
  }))
  const group = nearDuplicateGroups(docs)
  const key = new Map<number, string>()
  const size = new Map<number, number>()
  group.forEach((g, d) => {
    const name = docs[d].name
    const k = key.get(g)
    if (k === undefined || name < k) key.set(g, name)
    size.set(g, (size.get(g) ?? 0) + 1)
  })
  const heldOut = new Array<boolean>(files.length).fill(false)
  const development = new Array<boolean>(files.length).fill(false)
  inFolders.forEach((i, d) => {
    const k = key.get(group[d])!
    heldOut[i] = isHeldOut(k)
    development[i] = heldOut[i] && isDevelopment(k)
  })
  let groups = 0
  let largest = 1
  for (const s of size.values()) {
    if (s > 1) groups++
    largest = Math.max(largest, s)
  }
  return {heldOut, development, groups, largest}
}

/** Names of document types that open a title (`QUYẾT ĐỊNH`, `Luật …`, `Văn bản hợp nhất …`). */
const titleTypes =
  /^(?:văn bản hợp nhất|bộ luật|luật|pháp lệnh|hiến pháp|nghị quyết|nghị định|quyết định|thông tư(?: liên tịch)?|chỉ thị|quy chế|quy định|thông cáo|thông báo|hướng dẫn|chương trình|kế hoạch|phương án|đề án|dự án|báo cáo|công điện|công văn|tờ trình)(?![\p{L}])/iu

/**
 * The title of a document as written in it, or null: a line that is a type name in capitals
 * (`QUYẾT ĐỊNH`) with the line after it, else a line in capitals that opens with a type name
 * (`CÔNG ĐIỆN TẬP TRUNG …`), else the first line when it opens with a type name (`Luật Đất đai 2013`).
 * Only the first 15 lines are looked at.
 */
export function documentTitle(text: string): string | null {
  const lines = text.split('\n', 15).map((l) => l.trim())
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '' || line !== line.toUpperCase()) continue
    const type = titleTypes.exec(line)
    if (type === null) continue
    if (type[0].length === line.length) return lines[i + 1] ? `${line} ${lines[i + 1]}` : null
    return line
  }
  return lines[0] && titleTypes.test(lines[0]) ? lines[0] : null
}

/** Every `.txt` file under `inputs` (folders, recursively, sorted) plus the files given directly; throws naming a missing input. */
export function listCorpus(inputs: string[]): CorpusFile[] {
  const out: CorpusFile[] = []
  inputs.forEach((input, index) => {
    let stat
    try {
      stat = statSync(input)
    } catch (error) {
      throw fileSystemError(input, error)
    }
    if (stat.isDirectory()) {
      const domain = path.basename(path.resolve(input))
      const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          const full = path.join(dir, entry.name)
          if (entry.isDirectory()) walk(full)
          else if (entry.name.endsWith('.txt')) out.push({path: full, name: entry.name, fromFolder: true, domain, input: index})
        }
      }
      walk(input)
    } else out.push({path: input, name: input.split(path.sep).join('/'), fromFolder: false, domain: 'files', input: index})
  })
  return out
}

/** Read a corpus file as NFC text; throws naming the file when it cannot be read or decoded. */
export function readCorpusFile(file: string): string {
  try {
    return decodeText(readFileSync(file))
  } catch (error) {
    throw new Error(`${file}: cannot read as text (${error instanceof Error ? error.message : String(error)})`)
  }
}

/** A text to count, with the weight its n-grams count with (its domain's). */
export interface WeightedText {
  text: string
  /** Integer count multiplier, 1–255. */
  weight: number
}

/** Syllable counts and the id sequence of a set of texts, with a vocabulary in a deterministic order. */
export interface CountedCorpus {
  /** Syllables by descending weighted count, then by code point order; id = classCount + index. */
  vocabulary: string[]
  /** Every text's ids one after the other, each text opening with the boundary class. */
  sequence: Int32Array
  /** The weight of each position of `sequence` (its text's). */
  weights: Uint8Array
  tokens: number
  /** Tokens of each text. */
  textTokens: number[]
  /** How each class of words kept as written (numbers, codes, acronyms, foreign words, lone letters) spells its members. */
  spelling: Record<string, SpellingModel>
  /** How the texts write the code parts that may hide a Đ (weighted counts). */
  codes: CodeCounts
}

/**
 * Turn texts into one id sequence over a vocabulary of every syllable they contain, plus
 * `extraVocabulary` (syllables to know though never seen, such as the syllables of place names).
 */
export function countCorpus(texts: Iterable<WeightedText>, extraVocabulary: Iterable<string> = []): CountedCorpus {
  const provisional = new Map<string, number>()
  const names: string[] = []
  const counts: number[] = []
  let weight = 1
  const lookup = (key: string) => {
    let id = provisional.get(key)
    if (id === undefined) {
      id = names.length
      provisional.set(key, id)
      names.push(key)
      counts.push(0)
    }
    counts[id] += weight
    return classCount + id
  }
  // Class ids of tokens by spelling: most tokens repeat, and classing one means parsing it as a syllable.
  const classCache = new Map<string, number>()
  let sequence = new Int32Array(1 << 20)
  let weights = new Uint8Array(1 << 20)
  let length = 0
  let tokens = 0
  const textTokens: number[] = []
  const spelled = [Class.number, Class.code, Class.acronym, Class.foreign, Class.letter] as number[]
  const members = new Map<number, Map<string, number>>(spelled.map((c) => [c, new Map()]))
  for (const item of texts) {
    if (!Number.isInteger(item.weight) || item.weight < 1 || item.weight > 255) throw new Error(`corpus weight must be an integer 1–255, got ${item.weight}`)
    weight = item.weight
    const list = tokenize(item.text)
    if (length + list.length + 1 > sequence.length) {
      const size = Math.max(sequence.length * 2, length + list.length + 1)
      const s = new Int32Array(size)
      s.set(sequence.subarray(0, length))
      sequence = s
      const w = new Uint8Array(size)
      w.set(weights.subarray(0, length))
      weights = w
    }
    weights.fill(weight, length, length + list.length + 1)
    sequence[length++] = Class.boundary
    for (const token of list) {
      const cacheKey = token.kind + token.text
      let id = classCache.get(cacheKey)
      if (id === undefined) {
        id = tokenClass(token, lookup)
        if (id < classCount || classCache.size < 1_000_000) classCache.set(cacheKey, id)
      } else if (id >= classCount) counts[id - classCount] += weight
      sequence[length++] = id
      const m = members.get(id)
      if (m) m.set(token.text, (m.get(token.text) ?? 0) + weight)
    }
    tokens += list.length
    textTokens.push(list.length)
  }
  for (const word of extraVocabulary) {
    const key = word.toLowerCase()
    if (!provisional.has(key)) {
      provisional.set(key, names.length)
      names.push(key)
      counts.push(0)
    }
  }
  const spelling: Record<string, SpellingModel> = {}
  for (const [id, m] of members) spelling[classNames[id]] = learnSpelling(m)
  const codes: CodeCounts = {}
  for (const id of [Class.code, Class.acronym]) for (const [text, count] of members.get(id)!) countCodeParts(text, count, codes)
  const order = names.map((_, i) => i).sort((a, b) => counts[b] - counts[a] || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0))
  const remap = new Int32Array(names.length)
  order.forEach((old, i) => (remap[old] = classCount + i))
  const out = sequence.slice(0, length)
  for (let i = 0; i < out.length; i++) if (out[i] >= classCount) out[i] = remap[out[i] - classCount]
  return {vocabulary: order.map((i) => names[i]), sequence: out, weights: weights.slice(0, length), tokens, textTokens, spelling, codes: trimCodeCounts(codes)}
}
