import {mkdtempSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {classCount} from '../../src/diacritics/classes.js'
import {isHeldOut} from '../../src/diacritics/corpus.js'
import {LanguageModel} from '../../src/diacritics/language-model.js'
import {defaultModelPath, loadModel} from '../../src/diacritics/load-model.js'
import {readModel} from '../../src/diacritics/model-file.js'
import {trainModel} from '../../src/diacritics/train-model.js'

const sentences = [
  'Ủy ban nhân dân xã ban hành kế hoạch cải cách hành chính.',
  'Cải cách thủ tục hành chính là nhiệm vụ trọng tâm của xã.',
  'Kế hoạch thực hiện chương trình tổng thể cải cách hành chính nhà nước.',
  'Các cơ quan, đơn vị tổ chức thực hiện kế hoạch này.',
  'Ủy ban nhân dân thành phố chỉ đạo các xã thực hiện nhiệm vụ.'
]

/** A small corpus folder: 40 documents, some of which the hold-out rule takes. */
function corpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sohoa-corpus-'))
  mkdirSync(path.join(dir, 'sub'))
  for (let i = 0; i < 40; i++) {
    const text = Array.from({length: 6}, (_, j) => sentences[(i + j) % sentences.length]).join('\n')
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
    expect(bytes.length).toBeLessThan(15e6)
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
