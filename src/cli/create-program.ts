/**
 * The bare `sohoa` program (name, description, version, error handling), before any command is
 * registered: `program.ts` adds every command, `index.ts` only `restore` when that is what runs.
 */
import {readFileSync} from 'node:fs'
import {Command} from 'commander'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

/** A new `sohoa` program without commands. */
export function createProgram(): Command {
  return new Command('sohoa')
    .description('Turn Vietnamese administrative documents into schema-validated JSON.')
    .version(pkg.version)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
}
