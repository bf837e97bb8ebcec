/**
 * `sohoa pdf INPUT -o OUT.pdf`: a searchable PDF of a scan — its pages as
 * they are, an invisible text layer of the restored text on the OCR word
 * boxes, and the document's metadata (`src/outputs/`).
 */
import type {Command} from 'commander'
import {defaultLimits, parseInput} from '../../bulk/index.js'

/** Register `pdf` on the program. */
export function register(program: Command): void {
  program
    .command('pdf')
    .description(
      'write a searchable PDF of a scanned document: the original pages (JPEG streams and PDF pages copied as they are) with an invisible text layer of the restored text placed word by word on the OCR boxes (Liberation Serif, subset), and the title, trích yếu, keywords, number and date in the PDF information and XMP metadata. A PDF whose every page already has a good text layer is copied unchanged.'
    )
    .argument('<input>', 'the scan: PDF, PNG, JPEG, TIFF or WebP (recognised by content)')
    .requiredOption('-o, --out <file>', 'where to write the PDF (written whole or not at all)')
    .option('-q, --quiet', 'do not print notes')
    .action(async (input: string, options: {out: string; quiet?: boolean}) => {
      const parsed = await parseInput(input, {limits: defaultLimits})
      const {writeOutputs} = await import('../../outputs/index.js')
      const written = await writeOutputs(parsed.bytes, parsed, {pdf: options.out})
      if (!written.pdf) throw new Error(`${input}: ${written.notes.join('; ')}`)
      if (!options.quiet) for (const note of written.notes) process.stderr.write(`${input}: ${note}\n`)
    })
}
