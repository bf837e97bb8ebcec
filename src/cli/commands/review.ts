/**
 * `sohoa review INPUT -o OUT.html`: one self-contained HTML page to check a
 * parsed scan — page images with the boxes each field came from, coloured
 * by confidence, what to check, and the JSON (`src/outputs/`).
 */
import {InvalidArgumentError, type Command} from 'commander'
import {defaultLimits, parseInput} from '../../bulk/index.js'

/** Register `review` on the program. */
export function register(program: Command): void {
  program
    .command('review')
    .description(
      'write a review page of a document: one HTML file with nothing to fetch (images inlined), each page image with boxes over the lines each field came from (number, date, issuer, title, signer, task rows) coloured by confidence, the doubtful words and diagnostics linked to their place, and the JSON with its fields linked to their boxes; readable on a laptop and printable'
    )
    .argument('<input>', 'the document: PDF, PNG, JPEG, TIFF, WebP or text (recognised by content)')
    .requiredOption('-o, --out <file>', 'where to write the HTML page (written whole or not at all)')
    .option('--dpi <n>', 'resolution of rendered PDF pages (default 100)', positiveNumber)
    .option('-q, --quiet', 'do not print notes')
    .action(async (input: string, options: {out: string; dpi?: number; quiet?: boolean}) => {
      const parsed = await parseInput(input, {limits: defaultLimits})
      const {writeOutputs} = await import('../../outputs/index.js')
      const written = await writeOutputs(parsed.bytes, parsed, {review: options.out, dpi: options.dpi})
      if (!options.quiet) for (const note of written.notes) process.stderr.write(`${input}: ${note}\n`)
    })
}

function positiveNumber(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a positive number is expected')
  return n
}
