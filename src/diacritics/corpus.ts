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
import {Class, classCount, classNames, tokenClass} from './classes.js'
import {learnSpelling, type SpellingModel} from './spelling.js'
import {tokenize} from './tokenize.js'

/** A corpus document. */
export interface CorpusFile {
  /** Path as found (the folder argument joined with the file's relative path). */
  path: string
  /** Name used by the hold-out rule and recorded in the model: the base name (folders) or the path as given (files). */
  name: string
  /** Whether it came from a folder (only those are subject to the hold-out). */
  fromFolder: boolean
}

/** The hold-out rule, as recorded in the model. */
export const holdoutRule = 'first byte of sha1(base name) < 26 (about 10% of the documents found in corpus folders)'

/** Whether a document (by base name) is held out of training for evaluation. */
export function isHeldOut(name: string): boolean {
  return createHash('sha1').update(name).digest()[0] < 26
}

/** Every `.txt` file under `inputs` (folders, recursively, sorted) plus the files given directly; throws naming a missing input. */
export function listCorpus(inputs: string[]): CorpusFile[] {
  const out: CorpusFile[] = []
  for (const input of inputs) {
    let stat
    try {
      stat = statSync(input)
    } catch (error) {
      throw fileSystemError(input, error)
    }
    if (stat.isDirectory()) {
      const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          const full = path.join(dir, entry.name)
          if (entry.isDirectory()) walk(full)
          else if (entry.name.endsWith('.txt')) out.push({path: full, name: entry.name, fromFolder: true})
        }
      }
      walk(input)
    } else out.push({path: input, name: input.split(path.sep).join('/'), fromFolder: false})
  }
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

/** Syllable counts and id sequences of a set of texts, with a vocabulary in a deterministic order. */
export interface CountedCorpus {
  /** Syllables by descending count, then by code point order; id = classCount + index. */
  vocabulary: string[]
  /** One id sequence per text, starting with the boundary class. */
  sequences: Int32Array[]
  tokens: number
  /** How each class of words kept as written (numbers, codes, acronyms, foreign words, lone letters) spells its members. */
  spelling: Record<string, SpellingModel>
}

/** Turn texts into id sequences over a vocabulary of every syllable they contain. */
export function countCorpus(texts: Iterable<string>): CountedCorpus {
  const provisional = new Map<string, number>()
  const names: string[] = []
  const counts: number[] = []
  const lookup = (key: string) => {
    let id = provisional.get(key)
    if (id === undefined) {
      id = names.length
      provisional.set(key, id)
      names.push(key)
      counts.push(0)
    }
    counts[id]++
    return classCount + id
  }
  const raw: Int32Array[] = []
  let tokens = 0
  const spelled = [Class.number, Class.code, Class.acronym, Class.foreign, Class.letter] as number[]
  const members = new Map<number, Map<string, number>>(spelled.map((c) => [c, new Map()]))
  for (const text of texts) {
    const list = tokenize(text)
    const ids = new Int32Array(list.length + 1)
    ids[0] = Class.boundary
    for (let i = 0; i < list.length; i++) {
      const id = tokenClass(list[i], lookup)
      ids[i + 1] = id
      const m = members.get(id)
      if (m) m.set(list[i].text, (m.get(list[i].text) ?? 0) + 1)
    }
    tokens += list.length
    raw.push(ids)
  }
  const spelling: Record<string, SpellingModel> = {}
  for (const [id, m] of members) spelling[classNames[id]] = learnSpelling(m)
  const order = names.map((_, i) => i).sort((a, b) => counts[b] - counts[a] || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0))
  const remap = new Int32Array(names.length)
  order.forEach((old, i) => (remap[old] = classCount + i))
  for (const ids of raw) for (let i = 0; i < ids.length; i++) if (ids[i] >= classCount) ids[i] = remap[ids[i] - classCount]
  return {vocabulary: order.map((i) => names[i]), sequences: raw, tokens, spelling}
}
