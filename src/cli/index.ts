#!/usr/bin/env node
/**
 * The `sohoa` command: one sub-command per file in `./commands/`.
 * Exit codes: 0 done, 1 a file could not be read or parsed, 2 usage error.
 */
import {CommanderError} from 'commander'
import {program} from './program.js'


program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)
    process.exitCode = done ? 0 : 2
    return
  }
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`sohoa: ${message}\n`)
  process.exitCode = 1
})
