/**
 * `npm run eval`: run the evaluations in `scripts/eval/` and print their tables.
 *
 *   npm run eval                                   # all
 *   npm run eval -- diacritics                     # one, by file name
 *   npm run eval -- --corpus CORPUS_DIR            # options go to every module
 */
import {fileURLToPath} from 'node:url'
import {runModules} from './run-modules.js'

await runModules(fileURLToPath(new URL('eval/', import.meta.url)), process.argv.slice(2))
