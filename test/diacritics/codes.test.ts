import {describe, expect, it} from 'vitest'
import {countCodeParts, restoreCode, restorePart, trimCodeCounts, type CodeCounts} from '../../src/diacritics/codes.js'
import {loadGrammarUnchecked} from '../../src/util/grammar-file.js'
import {loadGrammar} from '../../src/util/grammar.js'

describe('document codes', () => {
  it('should restore the Đ of type and issuer codes the grammar knows', () => {
    expect(restoreCode('3470/QD-UBND', null)).toBe('3470/QĐ-UBND')
    expect(restoreCode('67/2007/ND-CP', null)).toBe('67/2007/NĐ-CP')
    expect(restoreCode('5740/UBND-SGDDT', null)).toBe('5740/UBND-SGDĐT')
    expect(restoreCode('12/KH-SLDTBXH', null)).toBe('12/KH-SLĐTBXH')
    expect(restoreCode('45-NQ/DU', null)).toBe('45-NQ/ĐU')
    expect(restoreCode('HDND', null)).toBe('HĐND')
    expect(restoreCode('TDKT', null)).toBe('TĐKT')
  })

  it('should leave codes that are right, ambiguous, or no document number as they are', () => {
    expect(restoreCode('3470/QĐ-UBND', null)).toBeNull()
    expect(restoreCode('15/HD-UBND', null)).toBeNull() // HD Hướng dẫn, HĐ Hợp đồng
    expect(restoreCode('12/QD-SXD', null)).toBe('12/QĐ-SXD') // XD Xây dựng keeps its D
    expect(restoreCode('15/7/2021', null)).toBeNull()
    expect(restoreCode('UBND', null)).toBeNull()
    expect(restoreCode('DAN', null)).toBeNull() // a syllable in capitals is the language model's
    expect(restoreCode('PDF', null)).toBeNull()
  })

  it('should restore parts the grammar does not know from the corpus counts, when they are clear', () => {
    const counts: CodeCounts = {}
    for (let i = 0; i < 10; i++) countCodeParts('12/QĐ-BQLĐT', 1, counts)
    countCodeParts('12/QĐ-BQLDT', 1, counts)
    const trimmed = trimCodeCounts(counts)
    expect(trimmed.BQLDT).toEqual({BQLDT: 1, BQLĐT: 10})
    expect(restorePart('BQLDT', trimmed)).toBe('BQLĐT')
    expect(restorePart('BQLDT', {BQLDT: {BQLDT: 5, BQLĐT: 10}})).toBe('BQLDT')
    // A part the corpus writes without Đ often enough is a code of its own.
    expect(restorePart('QD', {QD: {QD: 50, QĐ: 100}})).toBe('QD')
    expect(restorePart('QD', {QD: {QD: 2, QĐ: 4000}})).toBe('QĐ')
  })

  it('should read its grammars without zod as the checked load reads them (sohoa restore starts without zod)', () => {
    for (const name of ['document-types', 'document-codes'] as const) {
      const checked = loadGrammar(name)
      const unchecked = loadGrammarUnchecked(name)
      expect(unchecked.data).toEqual(checked.data)
      expect(unchecked.rules.map((r) => [r.id, r.regex.source, r.regex.flags])).toEqual(checked.rules.map((r) => [r.id, r.regex.source, r.regex.flags]))
    }
  })
})

