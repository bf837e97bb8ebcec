#!/usr/bin/env node
/**
 * The `sohoa` command: one sub-command per file in `./commands/`.
 */
import {program} from './program.js'

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`sohoa: ${message}\n`)
  process.exitCode = 2
})
