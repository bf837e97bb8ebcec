/**
 * The commander program with the sub-commands a run needs. Each command
 * lives in `./commands/<name>.ts` and exports `register(program)`. The queue
 * commands (`queue-program.ts`) are registered only when the run may need
 * them (help, or a command not listed here), so that parsing a file does not
 * load BullMQ and ioredis (~270 CommonJS modules).
 */
import type {Command} from 'commander'
import {createProgram} from './base-program.js'
import {register as registerParse} from './commands/parse.js'
import {register as registerRestore} from './commands/restore.js'
import {register as registerSchema} from './commands/schema.js'
import {register as registerText} from './commands/text.js'
import {register as registerTrain} from './commands/train.js'
import {register as registerFixture} from './commands/fixture.js'
import {register as registerPdf} from './commands/pdf.js'
import {register as registerReview} from './commands/review.js'

/** The sub-commands besides the queue's, in the order help lists them. */
const commands: Record<string, (program: Command) => void> = {
  parse: registerParse,
  text: registerText,
  schema: registerSchema,
  restore: registerRestore,
  train: registerTrain,
  fixture: registerFixture,
  pdf: registerPdf,
  review: registerReview
}

/** The `sohoa` program for a run whose first argument is `command`: every sub-command, the queue's included unless `command` is one of the others. */
export async function programFor(command: string | undefined): Promise<Command> {
  const program = createProgram()
  for (const register of Object.values(commands)) register(program)
  if (command === undefined || !Object.hasOwn(commands, command)) (await import('./queue-program.js')).registerQueueCommands(program)
  return program
}
