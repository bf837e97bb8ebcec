/**
 * `sohoa text FILE`: print the document's text as the pipeline sees it —
 * after diacritics restoration, or before it with `--raw`.
 */
import {Option, type Command} from 'commander'
import {read} from '../../read/index.js'
import {restoredText} from '../../restored-text.js'

/** Register `text` on the program. */
export function register(program: Command): void {
  program
    .command('text')
    .description(
      'print the text of a document as the pipeline sees it: text files decoded (NFC, LF; legacy Vietnamese encodings converted), Word files with their list numbers and tables, PDFs from their text layer or OCR, images OCR\'d; then diacritics restored (for pages sohoa OCR\'d the marks of every word are checked against the language model; mangled text is repaired throughout; clean text only on lines without marks)'
    )
    .argument('<file>', 'the document: text (UTF-8, UTF-16, Windows-1258, TCVN3, VNI), PDF, PNG, JPEG, TIFF, WebP, DOCX or DOC (recognised by content)')
    .option('--raw', 'print the text before restoration')
    .addOption(new Option('--restore <when>', 'override when to restore').choices(['always', 'unmarked', 'never']))
    .action(async (path: string, options: {raw?: boolean; restore?: 'always' | 'unmarked' | 'never'}) => {
      const file = await read(path)
      const when = options.raw ? 'never' : options.restore
      process.stdout.write(restoredText(file, when))
    })
}
