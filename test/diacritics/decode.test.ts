import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {ascendingOrder} from '../../src/diacritics/decode.js'

describe('ascendingOrder (the decoder visits a slot’s candidates by ascending id)', () => {
  it('should give the order of a stable sort by id, for short and long candidate lists', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({min: 0, max: 50}), {maxLength: 100}), (ids) => {
        const stable = ids.map((_, c) => c).sort((a, b) => ids[a] - ids[b] || a - b)
        expect(Array.from(ascendingOrder(ids))).toEqual(stable)
        expect(Array.from(ascendingOrder(Int32Array.from(ids)))).toEqual(stable)
      }),
      {numRuns: 500}
    )
  })
})
