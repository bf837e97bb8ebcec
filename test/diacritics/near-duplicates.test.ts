import {describe, expect, it} from 'vitest'
import {documentTitle, splitCorpus, type CorpusFile} from '../../src/diacritics/corpus.js'
import {nearDuplicateGroups} from '../../src/diacritics/near-duplicates.js'

/** A text of `n` distinct words from a seed (no two seeds share an 8-gram). */
function words(seed: number, n: number): string {
  return Array.from({length: n}, (_, i) => `w${seed}x${i}`).join(' ')
}

describe('near-duplicate groups', () => {
  it('should group documents that share at least 30% of their word 8-grams, or a title', () => {
    const a = words(1, 200)
    const docs = [
      {name: 'a', title: null, text: a},
      // Shares 100 of its ~200 8-grams with a.
      {name: 'b', title: null, text: a.split(' ').slice(0, 107).join(' ') + ' ' + words(2, 100)},
      // Shares 30 of ~200: not enough.
      {name: 'c', title: null, text: a.split(' ').slice(0, 37).join(' ') + ' ' + words(3, 170)},
      {name: 'd', title: 'Luật Đất đai 2013', text: words(4, 200)},
      {name: 'e', title: 'LUẬT ĐẤT ĐAI 2013', text: words(5, 200)},
      {name: 'f', title: null, text: words(6, 200)}
    ]
    const group = nearDuplicateGroups(docs)
    expect(group[1]).toBe(group[0])
    expect(group[2]).not.toBe(group[0])
    expect(group[4]).toBe(group[3])
    expect(new Set(group).size).toBe(4)
  })

  it('should read a title from the document when no source list gives one', () => {
    expect(documentTitle('ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 12/KH-UBND\nKẾ HOẠCH\nPhát động thi đua\nCăn cứ')).toBe('KẾ HOẠCH Phát động thi đua')
    expect(documentTitle('Luật Đất đai 2013\nQUỐC HỘI')).toBe('Luật Đất đai 2013')
    expect(documentTitle('Jeans là một loại quần.')).toBeNull()
  })

  it('should hold every member of a group out together', () => {
    const files: CorpusFile[] = []
    const texts: string[] = []
    for (let i = 0; i < 60; i++) {
      // Documents in pairs of near-duplicates.
      files.push({path: `d${i}.txt`, name: `d${i}.txt`, fromFolder: true, domain: 'x', input: 0})
      texts.push(words(Math.floor(i / 2), 100))
    }
    const split = splitCorpus(files, texts)
    expect(split.groups).toBe(30)
    for (let i = 0; i < 60; i += 2) expect(split.heldOut[i]).toBe(split.heldOut[i + 1])
    expect(split.heldOut.some(Boolean)).toBe(true)
    expect(split.heldOut.every(Boolean)).toBe(false)
  })
})
