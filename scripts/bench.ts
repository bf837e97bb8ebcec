/**
 * `npm run bench`: run the benchmarks in `scripts/bench/` and print their tables.
 *
 *   npm run bench                  # all
 *   npm run bench -- text-route    # one, by file name
 */
import {fileURLToPath} from 'node:url'
import {runModules} from './run-modules.js'

await runModules(fileURLToPath(new URL('bench/', import.meta.url)), process.argv.slice(2))
