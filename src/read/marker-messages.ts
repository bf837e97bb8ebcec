/**
 * Tell the file which markers of its OCR'd text were put right
 * (`layout/repair-markers.ts`): one info message each, at the line.
 */
import type {VFile} from 'vfile'
import type {Composed} from './layout/compose.js'

/** Add an info message (`read:ocr-marker`) to `file` for each repair. */
export function reportRepairs(file: VFile, repairs: Composed['repairs']): void {
  for (const r of repairs) {
    const message = file.message(`page ${r.page}: marker read as \`${r.from}\`, taken as \`${r.to}\``, {
      place: {line: r.line + 1, column: 1},
      source: 'read',
      ruleId: 'ocr-marker'
    })
    message.fatal = null
  }
}
