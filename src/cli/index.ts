#!/usr/bin/env node
/**
 * The `sohoa` command: one sub-command per file in `./commands/`.
 * Exit codes: 0 done, 1 a file could not be read or parsed, 2 usage error.
 * A file that cannot be read prints as every failure does, one line:
 * `file  error  reason  stage:rule`; a usage error that commander finds
 * (an unknown option, a missing argument, a bad value) prints with the
 * command's usage, one that a command finds (`UsageError`) as one line.
 * Output piped to a reader that stops early ends the command quietly.
 */
import './v8-flags.js'
import {CommanderError} from 'commander'
import {InputError} from '../bulk/input-error.js'
import {UsageError} from '../bulk/usage-error.js'
import {failureLine} from '../output/message-line.js'
import {ReadError} from '../read/read-error.js'
import {queueCommands} from './queue-commands.js'

// The queue commands start without loading the parser (a worker runs it in its threads), and
// `restore` without the readers: each loads only what it runs.
async function load() {
  const command = process.argv[2]
  if (queueCommands.includes(command)) return (await import('./queue-program.js')).queueProgram()
  if (command === 'restore') return (await import('./restore-program.js')).restoreProgram()
  return (await import('./program.js')).programFor(command)
}

// A reader that stops early (`sohoa parse … | head`) closes the pipe: the command ends there,
// quietly, as commands killed by SIGPIPE do (outputs already written are whole: each is renamed
// into place). Any other failure to write stays an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit()
  })
}

const program = await load()

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    const done = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)
    process.exitCode = done ? 0 : 2
    return
  }
  if (error instanceof UsageError) {
    process.stderr.write(`sohoa: ${error.message}\n`)
    process.exitCode = 2
    return
  }
  if (error instanceof ReadError || error instanceof InputError) {
    process.stderr.write(failureLine(error) + '\n')
  } else {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`sohoa: ${message}\n`)
  }
  process.exitCode = 1
})
