import {mkdtempSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {classCount} from '../../src/diacritics/classes.js'
import {isHeldOut} from '../../src/diacritics/corpus.js'
import {LanguageModel} from '../../src/diacritics/language-model.js'
import {defaultModelPath, loadModel} from '../../src/diacritics/load-model.js'
import {readModel, writeModel, type ModelParts} from '../../src/diacritics/model-file.js'
import {buildTrie} from '../../src/diacritics/ngram-trie.js'
import {trainModel} from '../../src/diacritics/train-model.js'
import {inLettersOrder, renumberByLetters} from '../../src/diacritics/vocabulary-order.js'
import {stripMarks} from '../../src/vietnamese/letters.js'

const sentences = [
  'Ủy ban nhân dân xã ban hành kế hoạch cải cách hành chính.',
  'Cải cách thủ tục hành chính là nhiệm vụ trọng tâm của xã.',
  'Kế hoạch thực hiện chương trình tổng thể cải cách hành chính nhà nước.',
  'Các cơ quan, đơn vị tổ chức thực hiện kế hoạch này.',
  'Ủy ban nhân dân thành phố chỉ đạo các xã thực hiện nhiệm vụ.'
]

/** A small corpus folder: 40 distinct documents, some of which the hold-out rule takes. */
function corpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sohoa-corpus-'))
  mkdirSync(path.join(dir, 'sub'))
  for (let i = 0; i < 40; i++) {
    // The document's number every few words keeps the documents apart (no shared 8-grams to group them).
    const text = Array.from({length: 6}, (_, j) =>
      sentences[(i + j) % sentences.length]
        .split(' ')
        .map((w, k) => (k % 5 === 4 ? `${w} số ${i}` : w))
        .join(' ')
    ).join('\n')
    writeFileSync(path.join(dir, i % 2 ? 'sub' : '', `doc-${i}.txt`), text)
  }
  return dir
}

describe('training', () => {
  it('should be deterministic: same corpus, same bytes', () => {
    const dir = corpus()
    const a = trainModel({inputs: [dir], order: 3})
    const b = trainModel({inputs: [dir], order: 3})
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true)
  })

  it('should hold documents out by name and record the split', () => {
    const dir = corpus()
    const result = trainModel({inputs: [dir], order: 3})
    const {header} = readModel(result.bytes, 'test')
    const held = header.training.holdout.files
    expect(held.length).toBeGreaterThan(0)
    for (const name of held) expect(isHeldOut(name)).toBe(true)
    for (const name of header.training.files) expect(isHeldOut(name)).toBe(false)
    expect(held.length + header.training.files.length).toBe(40)
  })

  it('should estimate normalised probabilities (Kneser-Ney in back-off form)', () => {
    const dir = corpus()
    const model = new LanguageModel(readModel(trainModel({inputs: [dir], order: 3}).bytes, 'test'))
    const xa = model.id('xã')!
    const ids = [model.id('nhân')!, model.id('dân')!, 0]
    for (const history of [[xa], [ids[0], ids[1]], [model.id('kế')!, model.id('hoạch')!]]) {
      let sum = 0
      const scratch = [...history, 0]
      for (let id = 0; id < model.size; id++) {
        scratch[history.length] = id
        sum += 10 ** model.score(scratch, 0, scratch.length)
      }
      // One-byte quantisation costs a few percent at most.
      expect(sum).toBeGreaterThan(0.9)
      expect(sum).toBeLessThan(1.1)
    }
    // What the corpus says most often wins.
    const scratch = [model.id('nhân')!, model.id('dân')!, 0]
    const next = (id: number) => ((scratch[2] = id), model.score(scratch, 0, 3))
    expect(next(model.id('xã')!)).toBeGreaterThan(next(model.id('thủ')!))
  })

  it('should name the file when a corpus input is missing', () => {
    expect(() => trainModel({inputs: ['/nonexistent/corpus']})).toThrow('read: /nonexistent/corpus: no such file')
  })
})

describe('the shipped model', () => {
  it('should be compact, record its split, and load fast', () => {
    const bytes = readFileSync(defaultModelPath)
    // Files over 20 MB are flagged by the house checks.
    expect(bytes.length).toBeLessThan(20e6)
    const restorer = loadModel()
    const {header} = restorer.model
    expect(header.order).toBeGreaterThanOrEqual(3)
    expect(header.training.holdout.files.length).toBeGreaterThan(10)
    expect(header.training.files).not.toContain('fixtures/seed-002/input.txt')
    expect(header.vocabulary.length + classCount).toBe(restorer.model.size)
    expect(restorer.loadMs).toBeLessThan(2000)
  })

  it('should reject a file that is not a model, naming it', () => {
    expect(() => readModel(new TextEncoder().encode('hello world, not a model'), 'x.bin')).toThrow('x.bin: not a sohoa diacritics model')
  })
})

describe('vocabulary order', () => {
  it('should number syllables with the same letters next to each other, and score every n-gram as before', () => {
    const dir = corpus()
    const parts = readModel(trainModel({inputs: [dir], order: 3}).bytes, 'test')
    // Training writes the model in letters order already.
    expect(inLettersOrder(parts)).toBe(true)
    const words = parts.header.vocabulary
    const keys = words.map((w) => stripMarks(w))
    // Each group of letters is one run of ids.
    for (let i = 1; i < keys.length; i++) if (keys[i] !== keys[i - 1]) expect(keys.slice(i + 1)).not.toContain(keys[i - 1])
    // Renumbered from a shuffled order, the model scores every trigram of the corpus the same.
    const shuffled = readModel(writeModel(shuffle(parts)), 'shuffled')
    expect(inLettersOrder(shuffled)).toBe(false)
    const a = new LanguageModel(shuffled)
    const b = new LanguageModel(renumberByLetters(shuffled))
    let checked = 0
    for (const sentence of sentences) {
      const syllables = sentence.toLowerCase().match(/\p{L}+/gu)!
      const idsA = syllables.map((s) => a.id(s) ?? 0)
      const idsB = syllables.map((s) => b.id(s) ?? 0)
      for (let i = 0; i < syllables.length; i++) {
        for (let from = Math.max(0, i - 2); from <= i; from++) {
          expect(b.score(idsB, from, i + 1)).toBe(a.score(idsA, from, i + 1))
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
  })

  it('should be the order of the shipped model', () => {
    expect(inLettersOrder(readModel(readFileSync(defaultModelPath), 'shipped'))).toBe(true)
  })
})

/** `parts` with its syllable ids in reverse order (the same model numbered otherwise). */
function shuffle(parts: ModelParts): ModelParts {
  const words = parts.header.vocabulary
  const reversed = words.map((_, j) => words.length - 1 - j)
  const V = classCount + words.length
  const newId = (id: number) => (id < classCount ? id : classCount + (words.length - 1 - (id - classCount)))
  const probs = new Float32Array(V)
  const backoffs = new Float32Array(V)
  for (let id = 0; id < V; id++) {
    probs[newId(id)] = parts.unigramLogProbs[id]
    backoffs[newId(id)] = parts.unigramLogBackoffs[id]
  }
  // Rebuild the trie from every n-gram, renumbered.
  const grams: Array<{ids: Int32Array; probCodes: Uint8Array; backoffCodes: Uint8Array | null}> = []
  const tuples: number[][][] = []
  parts.trie.orders.forEach((o, x) => {
    const k = x + 2
    const list: number[][] = []
    if (k === 2) {
      for (let u = 0; u < V; u++) for (let g = parts.trie.unigramFirst[u]; g < parts.trie.unigramFirst[u + 1]; g++) list[g] = [u, o.words[g]]
    } else {
      const first = parts.trie.orders[x - 1].first!
      tuples[x - 1].forEach((prefix, p) => {
        for (let g = first[p]; g < first[p + 1]; g++) list[g] = [...prefix, o.words[g]]
      })
    }
    tuples.push(list)
    const entries = list.map((ids, g) => ({ids: ids.map(newId), g}))
    entries.sort((p, q) => {
      for (let y = 0; y < k; y++) if (p.ids[y] !== q.ids[y]) return p.ids[y] - q.ids[y]
      return 0
    })
    grams.push({
      ids: Int32Array.from(entries.flatMap((e) => e.ids)),
      probCodes: Uint8Array.from(entries, (e) => o.probs[e.g]),
      backoffCodes: o.backoffs ? Uint8Array.from(entries, (e) => o.backoffs![e.g]) : null
    })
  })
  return {
    header: {...parts.header, vocabulary: reversed.map((j) => words[j])},
    unigramLogProbs: probs,
    unigramLogBackoffs: backoffs,
    trie: buildTrie(V, grams)
  }
}
