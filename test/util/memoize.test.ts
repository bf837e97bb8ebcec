/**
 * `memoize`: answers remembered by key (undefined and null too), the memory
 * emptied when it holds `max` answers, every memory emptied by `forgetAll`.
 */
import {describe, expect, it} from 'vitest'
import {forgetAll, memoize} from '../../src/util/memoize.js'

describe('memoize', () => {
  it('computes each key once, undefined and null answers included', () => {
    const calls: string[] = []
    const f = memoize((key: string) => {
      calls.push(key)
      return key === 'none' ? undefined : key === 'null' ? null : key.length
    }, 10)
    expect([f('abc'), f('none'), f('null'), f('abc'), f('none'), f('null')]).toEqual([3, undefined, null, 3, undefined, null])
    expect(calls).toEqual(['abc', 'none', 'null'])
  })

  it('empties its memory when full, then remembers again', () => {
    const calls: number[] = []
    const f = memoize((key: number) => {
      calls.push(key)
      return key * 2
    }, 2)
    for (const key of [1, 2, 1, 2, 3, 1, 3]) f(key)
    // 1 and 2 fill it; 3 empties it; 1 is computed again; 3 is still there.
    expect(calls).toEqual([1, 2, 3, 1])
  })

  it('forgets every answer on forgetAll, then remembers again', () => {
    const calls: string[] = []
    const f = memoize((key: string) => calls.push(key), 10)
    const g = memoize((key: string) => calls.push(key.toUpperCase()), 10)
    f('a')
    g('b')
    forgetAll()
    f('a')
    g('b')
    f('a')
    expect(calls).toEqual(['a', 'B', 'a', 'B'])
  })
})
