/**
 * `sohoa schema`: print the JSON Schema of the output.
 */
import type {Command} from 'commander'
import {jsonSchema} from '../../output/json-schema.js'

/** Register `schema` on the program. */
export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the output (generated from the zod schema)')
    .action(() => {
      process.stdout.write(JSON.stringify(jsonSchema(), null, 2) + '\n')
    })
}
