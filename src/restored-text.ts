/**
 * The text of a file after restoration, line for line: what `sohoa text`
 * prints. Follows the same policy as the pipeline (`restoration-policy.ts`):
 * everything for OCR and mangled text, only the lines without marks for
 * clean text.
 */
import type {VFile} from 'vfile'
import {restore, textQuality, type RestoreMode} from './diacritics/index.js'
import {restorationFor, restorationModeFor, type Restoration} from './restoration-policy.js'

/** The restored text of `file` (as `read` left it); `when` and `mode` override the policy. */
export function restoredText(file: VFile, when: Restoration = restorationFor(file), mode: RestoreMode = restorationModeFor(file)): string {
  const text = String(file.value ?? '')
  if (when === 'never') return text
  if (when === 'always') return restore(text, {mode}).text
  return text
    .split('\n')
    .map((line) => {
      const quality = textQuality(line)
      return quality.syllables > 0 && quality.markedShare === 0 ? restore(line, {mode}).text : line
    })
    .join('\n')
}
