import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/diacritics/load-model.js'
import {learnSpelling, spellingLogProb} from '../../src/diacritics/spelling.js'

describe('class spelling models', () => {
  it('should make a class likely to spell what it is made of', () => {
    const model = learnSpelling(new Map([['UBND', 50], ['HĐND', 20], ['TTHC', 10], ['PAR', 2]]))
    expect(spellingLogProb(model, 'UBND')).toBeGreaterThan(spellingLogProb(model, 'xyzq'))
    expect(spellingLogProb(model, 'HĐND')).toBeGreaterThan(spellingLogProb(model, 'HĐNDHĐNDHĐND'))
  })

  it('should tell, in the shipped model, an acronym or a number from OCR junk', () => {
    const {spelling} = loadModel().model.header
    expect(spellingLogProb(spelling['<acr>'], 'UBND')).toBeGreaterThan(spellingLogProb(spelling['<acr>'], 'NGUYEN'))
    expect(spellingLogProb(spelling['<num>'], '2025')).toBeGreaterThan(spellingLogProb(spelling['<foreign>'], 'khéac'))
    expect(spellingLogProb(spelling['<foreign>'], 'of')).toBeGreaterThan(spellingLogProb(spelling['<foreign>'], 'cbng'))
  })
})
