#!/usr/bin/env node
/**
 * The `sohoa` command: one sub-command per file in `./commands/`.
 * Exit codes: 0 done, 1 a file could not be read or parsed, 2 usage error.
 */
import {CommanderError} from 'commander'
import {queueCommands, queueProgram} from './queue-program.js'

// The queue commands start without loading the parser (a worker runs it in its threads).
const program = queueCommands.includes(process.argv[2]) ? queueProgram() : (await import('./program.js')).program

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
