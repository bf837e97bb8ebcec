/**
 * `npm run bench`: run the benchmarks in `scripts/bench/` and print their tables.
 *
 *   npm run bench                  # all
 *   npm run bench -- text-route    # one, by file name
 *
 * The benchmarks that parse in this process run with the V8 flags the `sohoa`
 * command sets (imported first, as the command does), so that they measure
 * what a user of the command gets; those that spawn the command get them
 * from it.
 */
import '../src/cli/v8-flags.js'
import {fileURLToPath} from 'node:url'
import {runModules} from './run-modules.js'

await runModules(fileURLToPath(new URL('bench/', import.meta.url)), process.argv.slice(2))
