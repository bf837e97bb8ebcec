import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {checkLanguage} from '../../src/diacritics/language.js'
import {vietnameseness} from '../../src/read/encoding/decode.js'
import {restorationFor} from '../../src/diacritics/policy.js'
import {stripEmphasis} from '../../src/vietnamese/emphasis.js'
import {stripTones} from '../../src/vietnamese/letters.js'
import {judgeTextLayer, measureText, minVietnameseLetterShare, vietnameseLetterShare} from '../../src/vietnamese/text-layer.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Every `.ts` file under `dir`, relative to the repository, with its text. */
function sources(dir: string): Array<{file: string; text: string}> {
  return readdirSync(path.join(root, dir), {withFileTypes: true}).flatMap((entry) => {
    const relative = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(relative)
    return entry.name.endsWith('.ts') ? [{file: relative, text: readFileSync(path.join(root, relative), 'utf8')}] : []
  })
}

const src = sources('src')

describe('one Vietnamese-text layer (src/vietnamese)', () => {
  it('defines stripTones, stripEmphasis and the letter threshold once', () => {
    const defining = (name: string) => src.filter(({text}) => new RegExp(`function ${name}\\b|const ${name}\\b`, 'u').test(text)).map(({file}) => file)
    expect(defining('stripTones')).toEqual([path.join('src', 'vietnamese', 'letters.ts')])
    expect(defining('stripEmphasis')).toEqual([path.join('src', 'vietnamese', 'emphasis.ts')])
    expect(defining('minVietnameseLetterShare')).toEqual([path.join('src', 'vietnamese', 'text-layer.ts')])
    // No stage writes the 5% threshold of Vietnamese-only letters again.
    const again = src.filter(({file, text}) => /(?:Share|share|Below|below)\w*\s*(?:[<>]=?|:|=)\s*0\.05\b|>= 0\.05\b/u.test(text) && !file.endsWith('text-layer.ts'))
    expect(again.map(({file}) => file)).toEqual([])
  })

  it('imports no stage, and read imports nothing of diacritics', () => {
    const stages = /from '\.\.\/(?:read|parser|diacritics|sections|tasks|bulk|output|outputs|cli)\//u
    expect(sources(path.join('src', 'vietnamese')).filter(({text}) => stages.test(text)).map(({file}) => file)).toEqual([])
    expect(sources(path.join('src', 'read')).filter(({text}) => /from '(?:\.\.\/)+diacritics\//u.test(text)).map(({file}) => file)).toEqual([])
  })

  it('gives the text-layer judge, the language check, the encoding guesser and the restoration policy one measure', () => {
    const mangled = 'UBND THANH PHO DA NANG CONG HOA XA HOI CHU NGHIA VIET NAM Doc lap Tu do Hanh phuc ke hoach cai cach hanh chinh nam 2026'
    const real = 'Ủy ban nhân dân thành phố Đà Nẵng ban hành Kế hoạch cải cách hành chính nhà nước năm 2026'
    for (const text of [mangled, real]) {
      const share = vietnameseLetterShare(text)
      expect(judgeTextLayer(text).vietnameseLetterShare).toBeCloseTo(share, 10)
      expect(vietnameseness(text).vietnameseLetterShare).toBeCloseTo(share, 10)
      expect(measureText(text).vietnameseLetterShare).toBeCloseTo(share, 10)
      const file = new VFile({value: text})
      file.data.source = {path: null, sha256: '0'.repeat(64), mediaType: 'text/plain', pages: 1, route: 'text'}
      expect(restorationFor(file)).toBe(share < minVietnameseLetterShare ? 'always' : 'unmarked')
      checkLanguage(file)
      expect(file.messages).toEqual([])
    }
    expect(vietnameseLetterShare(mangled)).toBe(0)
    expect(vietnameseLetterShare(real)).toBeGreaterThan(0.15)
    expect(judgeTextLayer(mangled).verdict).toBe('bad')
    const english = new VFile({value: 'The quick brown fox jumps over the lazy dog while the committee reviews the annual budget report.'})
    checkLanguage(english)
    expect(english.messages.map((m) => m.ruleId)).toEqual(['not-vietnamese'])
  })

  it('strips tones and emphasis the one way', () => {
    expect(stripTones('Người Việt')).toBe('Ngươi Viêt')
    expect(stripEmphasis('- Cơ quan chủ trì: **Phòng Văn hóa - Xã hội.**')).toBe('- Cơ quan chủ trì: Phòng Văn hóa - Xã hội.')
    expect(stripEmphasis('(*viết tắt là KSTTHC*)')).toBe('(viết tắt là KSTTHC)')
    expect(stripEmphasis('Phòng**\nVăn hóa')).toBe('Phòng\nVăn hóa')
    expect(stripEmphasis('* Nội dung')).toBe('* Nội dung')
  })
})
