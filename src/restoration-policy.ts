/**
 * When the diacritics stage runs, by route: always on OCR text and on text
 * layers judged bad; never on a good PDF text layer (the text the file
 * states: a cell reading "thi" is "thi"); on clean text only on the lines
 * that lack marks. A
 * text file that an earlier OCR run mangled (no Vietnamese-only letters, as
 * English-model OCR output) is treated as OCR text. And how: what sohoa's
 * own reader OCR'd (the Vietnamese model) gets its marks checked against
 * the language model; everything else is judged line by line.
 */
import type {VFile} from 'vfile'
import type {Options as DiacriticsOptions, RestoreMode} from './diacritics/index.js'
import {textQuality} from './vietnamese/quality.js'
import {minVietnameseLetterShare, vietnameseLetterShare} from './vietnamese/text-layer.js'

/** Which nodes the diacritics stage restores: see the diacritics plugin's `when`. */
export type Restoration = NonNullable<DiacriticsOptions['when']>

/** Decide `when` for a file that `read` (or `parse`) prepared. */
export function restorationFor(file: VFile): Restoration {
  const route = file.data.source?.route ?? 'text'
  if (route === 'ocr' || route === 'ocr-text') return 'always'
  if (route === 'pdf-text') return 'never'
  const text = String(file.value ?? '')
  return textQuality(text).syllables > 0 && vietnameseLetterShare(text) < minVietnameseLetterShare ? 'always' : 'unmarked'
}

/** Decide the restoration mode for a file: `marks` for pages sohoa OCR'd (route `ocr`), else `auto`. */
export function restorationModeFor(file: VFile): RestoreMode {
  return file.data.source?.route === 'ocr' ? 'marks' : 'auto'
}
