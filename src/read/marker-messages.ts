/**
 * Tell the file which markers of its OCR'd text were put right
 * (`layout/repair-markers.ts`): one info message each, at the line.
 */
import type {VFile} from 'vfile'
import type {Composed} from './layout/compose.js'
import {report} from '../rules/report.js'

/** Add an info message (`read:ocr-marker`) to `file` for each repair. */
export function reportRepairs(file: VFile, repairs: Composed['repairs']): void {
  for (const r of repairs) {
    report(file, 'ocr-marker', `page ${r.page}: marker read as \`${r.from}\`, taken as \`${r.to}\``, {place: {line: r.line + 1, column: 1}, actual: r.from, expected: [r.to]})
  }
}
