import {describe, expect, it} from 'vitest'
import {dropLeadingSpecks} from '../../src/read/ocr-page.js'
import type {LayoutWord} from '../../src/read/types.js'

/** Words side by side on one line, 20 pixels high, a space apart. */
function line(...texts: string[]): LayoutWord[] {
  let x = 0
  return texts.map((text) => {
    const w = {text, confidence: 0.9, bbox: {x0: x, y0: 0, x1: x + 12 * text.length, y1: 20}}
    x = w.bbox.x1 + 8
    return w
  })
}

describe('dropLeadingSpecks', () => {
  it('drops specks read as punctuation before a line', () => {
    expect(dropLeadingSpecks(line('.', 'CHỦ', 'TỊCH')).map((w) => w.text)).toEqual(['CHỦ', 'TỊCH'])
    expect(dropLeadingSpecks(line(':', '-', 'Như', 'Điều', '3;')).map((w) => w.text)).toEqual(['-', 'Như', 'Điều', '3;'])
  })

  it('takes a speck off the capital it was run into, and keeps real opening quotes and brackets', () => {
    expect(dropLeadingSpecks(line("'Căn", 'cứ', 'Luật')).map((w) => w.text)).toEqual(['Căn', 'cứ', 'Luật'])
    expect(dropLeadingSpecks(line('“Điều', '5.')).map((w) => w.text)).toEqual(['“Điều', '5.'])
    expect(dropLeadingSpecks(line('(Kèm', 'theo)')).map((w) => w.text)).toEqual(['(Kèm', 'theo)'])
    expect(dropLeadingSpecks(line("'a", 'b')).map((w) => w.text)).toEqual(["'a", 'b'])
  })
})
