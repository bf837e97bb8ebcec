/**
 * The bare `sohoa` program — name, description, version, how errors exit —
 * without sub-commands, so that a program holding only some of them can
 * start without loading the others.
 */
import {readFileSync} from 'node:fs'
import {Command} from 'commander'
import {packageRoot} from '../util/package-root.js'

const pkg = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as {
  version: string
}

/** A new `sohoa` program with no sub-command. */
export function createProgram(): Command {
  return new Command('sohoa')
    .description('Turn Vietnamese administrative documents into schema-validated JSON.')
    .version(pkg.version)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
}
