/**
 * The spacing helpers of `normalize/fold.ts`: their fast paths (a test
 * before any copy) answer as the plain replace-and-trim does.
 */
import {describe, expect, it} from 'vitest'
import {collapseSpaces, collapseWhitespace} from '../../src/normalize/fold.js'

const texts = ['', ' ', 'a', ' a ', 'a b', 'a  b', 'a\tb', 'a\u00a0b', 'a \u00a0 b', 'a\nb', 'a \n b', ' a\n\nb ', '\t\tVăn hoá\t', 'x  ', 'x\r\ny', 'a\u2003b']

describe('collapseSpaces', () => {
  it('collapses spaces, tabs and no-break spaces and trims, keeping line breaks', () => {
    for (const text of texts) expect(collapseSpaces(text), JSON.stringify(text)).toBe(text.replace(/[ \t\u00a0]+/g, ' ').trim())
    expect(collapseSpaces(' Sở \t Nội\u00a0vụ \n')).toBe('Sở Nội vụ \n'.trim())
    expect(collapseSpaces('a  \nb')).toBe('a \nb')
  })
})

describe('collapseWhitespace', () => {
  it('collapses every run of white space, line breaks included, and trims', () => {
    for (const text of texts) expect(collapseWhitespace(text), JSON.stringify(text)).toBe(text.replace(/\s+/gu, ' ').trim())
  })
})
