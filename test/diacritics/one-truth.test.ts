import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseSync} from '../../src/parse.js'
import {createProcessor} from '../../src/pipeline.js'
import {read} from '../../src/read/index.js'
import {restoredText} from '../../src/restored-text.js'
import {restoredPieces} from '../../src/outputs/restored-words.js'
import type {Root} from '../../src/tree/types.js'

/** A fresh copy of `file` (parse adds messages and data to the one it is given). */
function copy(file: VFile): VFile {
  return new VFile({path: file.path, value: file.value, data: structuredClone(file.data)})
}

/** The text of `file` with the words the pipeline restored put back in place. */
function pipelineText(file: VFile): string {
  const value = String(file.value)
  const pieces = restoredPieces(value, parseSync(copy(file)).tree)
  return [...value].map((ch, i) => pieces[i] ?? ch).join('')
}

describe('restoration: one policy, inside the diacritics stage', () => {
  it('gives `sohoa text` what parse restored (a mangled OCR text file: every paragraph; a clean one: only paragraphs without marks)', async () => {
    const mangled = await read('fixtures/seed-002/input.txt')
    const clean = String((await read('fixtures/seed-000/input.txt')).value)
    const mixed = await read(new TextEncoder().encode(clean + '\nCac phong ban thuc hien nghiem tuc ke hoach nay.\n'))
    for (const file of [mangled, mixed]) {
      const text = restoredText(file)
      expect(text).not.toBe(String(file.value))
      expect(text).toBe(pipelineText(file))
      expect(file.messages).toEqual([])
    }
    expect(restoredText(mixed)).toBe(clean + '\nCác phòng ban thực hiện nghiêm túc kế hoạch này.\n')
  })

  it('decides per file in createProcessor() alone as in parse (route and text, not defaults)', async () => {
    const clean = await read('fixtures/seed-000/input.txt')
    const ocr = await read('fixtures/seed-002/input.txt')
    ocr.data.source!.route = 'ocr'
    for (const file of [clean, ocr]) {
      const processor = createProcessor()
      const alone = copy(file)
      const tree = processor.runSync(processor.parse(alone), alone) as Root
      const output = processor.stringify(tree, alone)
      expect(output).toEqual(parseSync(copy(file)).output)
    }
  })

  it('checks the language in parse, not only in bulk', () => {
    const english = parseSync('The quick brown fox jumps over the lazy dog while the committee reviews the annual budget report.\n')
    expect(english.messages.map((m) => `${m.source}:${m.ruleId}`)).toContain('language:not-vietnamese')
    expect(parseSync('Kế hoạch cải cách hành chính nhà nước năm 2026 của Ủy ban nhân dân xã.\n').messages.map((m) => m.ruleId)).not.toContain('not-vietnamese')
  })
})
