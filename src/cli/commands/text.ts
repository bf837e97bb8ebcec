/**
 * `sohoa text FILE`: print the document's text as the pipeline sees it.
 */
import type {Command} from 'commander'
import {read} from '../../read/index.js'

/** Register `text` on the program. */
export function register(program: Command): void {
  program
    .command('text')
    .description('print the text of a document as the pipeline sees it: text files decoded (NFC, LF), PDFs from their text layer or OCR, images OCR\'d')
    .argument('<file>', 'the document: text, PDF, PNG, JPEG, TIFF or WebP (recognised by content)')
    .action(async (path: string) => {
      const file = await read(path)
      process.stdout.write(String(file.value))
    })
}
