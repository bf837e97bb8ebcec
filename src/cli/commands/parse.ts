/**
 * `sohoa parse FILE`: parse a document and print its JSON (contract v1) on
 * stdout; messages go to stderr like a linter.
 */
import type {Command} from 'commander'
import {parseFile} from '../../parse.js'
import {summarize} from '../../output/summary.js'
import {formatMessages} from '../report.js'

/** Register `parse` on the program. */
export function register(program: Command): void {
  program
    .command('parse')
    .description('parse a document and print its JSON (schema: `sohoa schema`); messages go to stderr')
    .argument('<file>', 'the document: text, PDF, PNG, JPEG, TIFF or WebP (recognised by content)')
    .option('--summary', 'print a short summary instead of the whole JSON')
    .option('--compact', 'print the JSON on one line')
    .option('-q, --quiet', 'do not print messages')
    .action(async (path: string, options: {summary?: boolean; compact?: boolean; quiet?: boolean}) => {
      const {output, messages} = await parseFile(path)
      const value = options.summary ? summarize(output) : output
      process.stdout.write(JSON.stringify(value, null, options.compact ? undefined : 2) + '\n')
      const report = formatMessages(path, messages)
      if (report && !options.quiet) process.stderr.write(report + '\n')
    })
}
