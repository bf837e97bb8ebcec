/**
 * The text of a file after restoration, line for line: what `sohoa text`
 * prints. The same parser and diacritics stage as `parse` run on a copy of
 * the file (so the stage decides per file as in the pipeline: the route,
 * the document-wide OCR flag, each paragraph after the one before it), and
 * each restored word is put back where it stands in the text
 * (`restoredPieces`); lines outside paragraphs and cells are printed as read.
 */
import {unified} from 'unified'
import {VFile} from 'vfile'
import diacritics from './diacritics/index.js'
import type {Restoration} from './diacritics/policy.js'
import type {RestoreMode} from './diacritics/restore.js'
import {restoredPieces} from './outputs/restored-words.js'
import parser from './parser/index.js'
import './vfile-data.js'

/** The parser and the diacritics stage, deciding per file (one frozen processor for every call without overrides). */
const shared = unified().use(parser).use(diacritics).freeze()

/** The restored text of `file` (as `read` left it); `when` and `mode` override what the diacritics stage decides. */
export function restoredText(file: VFile, when?: Restoration, mode?: RestoreMode): string {
  const text = String(file.value ?? '')
  if (when === 'never') return text
  const processor = when === undefined && mode === undefined ? shared : unified().use(parser).use(diacritics, {when, mode}).freeze()
  // A copy: the stage's messages stay off `file` (which `parse` may see too).
  const copy = new VFile({path: file.path, value: text, data: file.data})
  const tree = processor.runSync(processor.parse(copy), copy)
  const pieces = restoredPieces(text, tree)
  let out = ''
  for (let i = 0; i < text.length; i++) out += pieces[i] ?? text[i]
  return out
}
