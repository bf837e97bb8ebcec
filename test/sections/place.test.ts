import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/parse.js'

// The header of a commune's decision (the text of the phone-photo fixture).
const text = readFileSync('fixtures/read/phone-jpeg/expected.txt', 'utf8')

describe('place', () => {
  it('takes the issuer’s spelling of a place OCR read with a letter or marks wrong', async () => {
    for (const misread of ['Chốn Hưng', 'Chấn Hừng']) {
      const {output} = await parse(text.replace('Chấn Hưng, ngày', `${misread}, ngày`))
      expect(output.document?.issuer?.name).toBe('Ủy ban nhân dân xã Chấn Hưng')
      expect(output.document?.place).toBe('Chấn Hưng')
    }
  })

  it('keeps a place that is not the issuer’s', async () => {
    const {output} = await parse(text.replace('Chấn Hưng, ngày', 'Hải Phòng, ngày'))
    expect(output.document?.place).toBe('Hải Phòng')
  })
})
