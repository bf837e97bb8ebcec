import {describe, expect, it} from 'vitest'
import {candidateTablePath, readCandidateTable, tableTokens} from '../../src/diacritics/candidate-table.js'
import {buildTrie, Channel} from '../../src/diacritics/channel.js'
import {defaultModelPath, loadModel} from '../../src/diacritics/load-model.js'

describe('stripped candidates', () => {
  it('should offer every vocabulary syllable with the same letters, most frequent first', () => {
    const {stripped} = loadModel()
    const cai = stripped.get('cai')!
    expect(cai.words).toContain('cải')
    expect(cai.words).toContain('cái')
    expect(cai.words).toContain('cai')
    for (const w of cai.words) expect(w.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd')).toBe('cai')
    const duoc = stripped.get('duoc')!
    expect(duoc.words[0]).toBe('được')
    expect(stripped.get('ubnd')).toBeUndefined()
  })
})

describe('OCR candidates', () => {
  it('should find the syllables OCR likely read as a token, from the shipped channel', () => {
    const {channel} = loadModel()
    expect(channel).not.toBeNull()
    const words = (read: string) => channel!.candidates(read).map((c) => c.word)
    expect(words('x4')).toContain('xã')
    expect(words('d6i')).toContain('đối')
    expect(words('s6')).toContain('số')
    expect(words('ndm')).toContain('năm')
    expect(words('ctia')).toContain('của')
    expect(words('1a')).toContain('là')
    expect(words('c}}é')).toContain('chế')
    // Scores are log10 probabilities: reading a syllable as itself is likelier than a confusion.
    const [best] = channel!.candidates('ban')
    expect(best.score).toBeGreaterThan(channel!.score('bản', 'ban') - 1e-9)
    expect(channel!.score('xã', 'x4')).toBeLessThan(channel!.score('xã', 'xa'))
    expect(words('ubnd')).not.toContain('ubnd')
  })

  it('should give the answer of an exhaustive search of the vocabulary, scores and order included', () => {
    const {channel, model} = loadModel()
    const vocabulary = [...model.syllables()]
    for (const read of ['x4', 'd6i', 'hién', 'nguyén', 'thuc', 'tw', '1a', 'c}}é', 'qd']) {
      // Every syllable scored on its own: those within 5 of the best and above -7, the 30 best by score plus unigram.
      const scored = vocabulary.map(([word, id]) => ({id, word, score: channel!.score(word, read)}))
      const best = Math.max(...scored.filter((c) => c.score >= -7).map((c) => c.score))
      const expected = scored
        .filter((c) => c.score >= Math.max(-7, best - 5))
        .sort((a, b) => b.score + model.unigram(b.id) - (a.score + model.unigram(a.id)) || (a.word < b.word ? -1 : 1))
        .slice(0, 30)
      expect(channel!.candidates(read)).toEqual(expected)
    }
  })

  it('should answer from the table searched ahead of time exactly as the live search, and ignore a table of another model', () => {
    const {model, channel} = loadModel()
    const table = channel!.table
    const ahead = readCandidateTable(candidateTablePath(defaultModelPath), model, table)
    expect(ahead).not.toBeNull()
    const live = new Channel(table, model)
    const tokens = tableTokens(model, table)
    expect(tokens).toContain('hién')
    expect(tokens).toContain('nguoi')
    for (const token of tokens.filter((_, i) => i % 40 === 0)) expect(ahead!.get(token)).toEqual(live.candidates(token))
    expect(tokens).toContain('x4')
    expect(ahead!.get('parol')).toBeUndefined()
    expect(ahead!.get('')).toBeUndefined()
    // The stored vocabulary trie is the one the live search builds.
    const built = buildTrie(model)
    for (const key of Object.keys(built) as Array<keyof typeof built>) expect(Array.from(ahead!.trie[key] as ArrayLike<unknown>)).toEqual(Array.from(built[key] as ArrayLike<unknown>))
    // Another channel table (or vocabulary, or unigrams) gives another fingerprint: the file is not used.
    expect(readCandidateTable(candidateTablePath(defaultModelPath), model, {...table, identity: table.identity - 1})).toBeNull()
    expect(readCandidateTable('/nonexistent/model.ocr.bin', model, table)).toBeNull()
  })
})

