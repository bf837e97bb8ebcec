/**
 * `sohoa` with only the queue commands (`queue …`, `worker`): what
 * `src/cli/index.ts` runs for them, so that a worker's main thread loads
 * the queue and the parse-worker pool, not the parser (its parse threads
 * load that), and starts in a third of the time.
 */
import type {Command} from 'commander'
import {createProgram} from './base-program.js'
import {register as registerQueue} from './commands/queue.js'
import {register as registerWorker} from './commands/worker.js'

/** The sub-commands this program holds. */
export {queueCommands} from './queue-commands.js'

/** Register the queue commands (`queue …`, `worker`) on `program`. */
export function registerQueueCommands(program: Command): void {
  registerQueue(program)
  registerWorker(program)
}

/** A `sohoa` program with the queue commands only. */
export function queueProgram(): Command {
  const program = createProgram()
  registerQueueCommands(program)
  return program
}
