/**
 * `sohoa text FILE`: print the document's text as the pipeline sees it.
 */
import {readFile} from 'node:fs/promises'
import type {Command} from 'commander'
import {decodeText} from '../../read/decode-text.js'

/** Register `text` on the program. */
export function register(program: Command): void {
  program
    .command('text')
    .description('print the text of a document as the pipeline sees it (decoded, NFC, LF line endings)')
    .argument('<file>', 'the document: text (UTF-8 or UTF-16 with BOM)')
    .action(async (path: string) => {
      process.stdout.write(decodeText(await readFile(path)))
    })
}
