/**
 * When the diacritics stage runs, by route (the diacritics plugin decides
 * with it for each file it is given options do not fix): always on OCR text and on text
 * layers judged bad; never on a good PDF text layer (the text the file
 * states: a cell reading "thi" is "thi"); on clean text only on the lines
 * that lack marks. A
 * text file that an earlier OCR run mangled (no Vietnamese-only letters, as
 * English-model OCR output) is treated as OCR text. And how: what sohoa's
 * own reader OCR'd (the Vietnamese model) gets its marks checked against
 * the language model; everything else is judged line by line.
 */
import type {VFile} from 'vfile'
import {textQuality} from '../vietnamese/quality.js'
import {minVietnameseLetterShare, vietnameseLetterShare} from '../vietnamese/text-layer.js'
import type {RestoreMode} from './restore.js'
import '../vfile-data.js'

/** Which nodes the diacritics stage restores: `always` (OCR text, bad text layers, mangled text), `unmarked` (clean text: only paragraphs and cells whose words carry no mark), `never`. */
export type Restoration = 'always' | 'unmarked' | 'never'

/** Decide `when` for a file that `read` (or `parse`) prepared; `text` is what to judge (default: the file's). */
export function restorationFor(file: VFile, text = String(file.value ?? '')): Restoration {
  const route = file.data.source?.route ?? 'text'
  if (route === 'ocr' || route === 'ocr-text') return 'always'
  if (route === 'pdf-text') return 'never'
  // The letter share first: it is cheap, and on text with its marks it decides alone.
  return vietnameseLetterShare(text) < minVietnameseLetterShare && textQuality(text).syllables > 0 ? 'always' : 'unmarked'
}

/** Decide the restoration mode for a file: `marks` for pages sohoa OCR'd (route `ocr`), else `auto`. */
export function restorationModeFor(file: VFile): RestoreMode {
  return file.data.source?.route === 'ocr' ? 'marks' : 'auto'
}
