import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {isPlausibleSyllable, judgeTextLayer} from '../../src/vietnamese/text-layer.js'
import {root} from '../read/helpers.js'

const seed = (n: string) => readFileSync(`${root}/fixtures/seed-${n}/input.txt`, 'utf8')

describe('judgeTextLayer', () => {
  it('accepts real Vietnamese (seeds 000, 001, 003, 004)', () => {
    for (const n of ['000', '001', '003', '004']) {
      const q = judgeTextLayer(seed(n))
      expect(q.verdict, n).toBe('good')
      expect(q.vietnameseLetterShare, n).toBeGreaterThan(0.12)
    }
  })

  it('rejects English-model OCR of Vietnamese (seed 002, the issue example)', () => {
    expect(judgeTextLayer(seed('002')).verdict).toBe('bad')
    const q = judgeTextLayer('UBND THANH PHO DA NANG CONG Hcok xA HQI CHiJ NGHiA VIVT NAM S6: 15 /KH-UBND ngay A4 thang 9 ndm 2025')
    expect(q.verdict).toBe('bad')
    expect(q.vietnameseLetterShare).toBe(0)
  })

  it('rejects Vietnamese letters scattered in non-syllables', () => {
    expect(judgeTextLayer('Thựhc ơởbn ngưươỉc ấđkk ọpqrsz ươươ đđxxy ưưưw ỏỏbb ĩĩk qưưưz').verdict).toBe('bad')
  })

  it('does not judge a near-empty layer', () => {
    expect(judgeTextLayer('12').verdict).toBe('empty')
    expect(judgeTextLayer('').verdict).toBe('empty')
  })
})

describe('isPlausibleSyllable', () => {
  it.each(['nghiêng', 'Quyết', 'ĐỊNH', 'hoá', 'khuya', 'giữ', 'xoong', 'ước', 'thành', 'a'])('ok: %s', (w) => {
    expect(isPlausibleSyllable(w)).toBe(true)
  })
  it.each(['ndm', 'S', 'Pjc', 'Hcok', 'CHiJ', 'phiic', 'HQI', 'Tw', 'VIVT'])('notOk: %s', (w) => {
    expect(isPlausibleSyllable(w)).toBe(false)
  })
})
