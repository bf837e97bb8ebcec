/**
 * `sohoa` with only the `restore` command: what `src/cli/index.ts` runs for it, so that restoring
 * text loads the diacritics model, not the readers, OCR and PDF libraries of the other commands
 * (a short run's start-up CPU ~1.0 s → ~0.35 s).
 */
import type {Command} from 'commander'
import {createProgram} from './base-program.js'
import {register as registerRestore} from './commands/restore.js'

/** A `sohoa` program with the `restore` command only. */
export function restoreProgram(): Command {
  const program = createProgram()
  registerRestore(program)
  return program
}
