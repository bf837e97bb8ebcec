/**
 * Warn when a document's text is not Vietnamese at all (an English letter,
 * a German report): the parse goes on, and the warning travels in the
 * output's diagnostics. Text that lost its marks (old OCR) is still
 * Vietnamese by the shape of its syllables and is not flagged.
 */
import type {VFile} from 'vfile'
import {judgeTextLayer, minVietnameseLetterShare, vietnameseLetterShare} from '../vietnamese/text-layer.js'
import {report} from '../rules/report.js'

/** Text with fewer plausible Vietnamese syllables than this share (and almost no Vietnamese letters) is not Vietnamese. */
export const minSyllableShare = 0.5

/** Characters looked at: the start of the document decides. */
const sampleLength = 10_000

/** Add a `language:not-vietnamese` warning to `file` when its text (`value`, default the file's) does not look Vietnamese. */
export function checkLanguage(file: VFile, value = String(file.value ?? '')): void {
  const text = value.slice(0, sampleLength)
  // Fast path: Vietnamese letters enough (real Vietnamese has about 20%); else the syllables decide.
  if (vietnameseLetterShare(text) >= minVietnameseLetterShare) return
  const quality = judgeTextLayer(text)
  if (quality.verdict === 'empty' || quality.syllableShare >= minSyllableShare) return
  const percent = (x: number) => `${(x * 100).toFixed(0)}%`
  report(
    file,
    'not-vietnamese',
    `the text does not look like Vietnamese (${percent(quality.vietnameseLetterShare)} Vietnamese letters, ${percent(quality.syllableShare)} Vietnamese syllables)`
  )
}
