/**
 * Warn when a document's text is not Vietnamese at all (an English letter,
 * a German report): the parse goes on, and the warning travels in the
 * output's diagnostics. Text that lost its marks (old OCR) is still
 * Vietnamese by the shape of its syllables and is not flagged.
 */
import type {VFile} from 'vfile'
import {isVietnameseOnlyLetter, judgeTextLayer} from '../read/text-layer-quality.js'
import {report} from '../rules/report.js'

/** Text with fewer plausible Vietnamese syllables than this share (and almost no Vietnamese letters) is not Vietnamese. */
export const minSyllableShare = 0.5

/** Characters looked at: the start of the document decides. */
const sampleLength = 10_000

/** Add a `language:not-vietnamese` warning to `file` when its text does not look Vietnamese. */
export function checkLanguage(file: VFile): void {
  const text = String(file.value ?? '').slice(0, sampleLength)
  if (hasVietnameseLetters(text)) return
  const quality = judgeTextLayer(text)
  if (quality.verdict === 'empty') return
  if (quality.syllableShare >= minSyllableShare || quality.vietnameseLetterShare >= 0.05) return
  const percent = (x: number) => `${(x * 100).toFixed(0)}%`
  report(
    file,
    'not-vietnamese',
    `the text does not look like Vietnamese (${percent(quality.vietnameseLetterShare)} Vietnamese letters, ${percent(quality.syllableShare)} Vietnamese syllables)`
  )
}

/** Fast path: at least 5% of the letters are Vietnamese-only letters (real Vietnamese has about 20%). */
function hasVietnameseLetters(text: string): boolean {
  let letters = 0
  let vietnamese = 0
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue
    letters++
    if (isVietnameseOnlyLetter(ch)) vietnamese++
  }
  return letters > 0 && vietnamese / letters >= 0.05
}
