import {describe, expect, it} from 'vitest'
import {endsWithWordHyphen} from '../../src/normalize/word-hyphen.js'

describe('endsWithWordHyphen', () => {
  it('answers as /\\S-$/u does', () => {
    const texts = ['', '-', 'a-', 'Văn hoá-', 'a -', 'a\u00a0-', 'x\n-', '--', ' --', '𝐀-', '\ud835-', '\udc00-', 'a-b', 'a- ', '\u2028-', '\u3000-']
    for (const text of texts) expect(endsWithWordHyphen(text), JSON.stringify(text)).toBe(/\S-$/u.test(text))
    expect(endsWithWordHyphen('Văn hoá-')).toBe(true)
    expect(endsWithWordHyphen('Văn hoá -')).toBe(false)
  })
})
