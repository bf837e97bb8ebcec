/**
 * The commander program with every sub-command registered.
 * Each command lives in `./commands/<name>.ts` and exports `register(program)`.
 */
import {createProgram} from './base-program.js'
import {register as registerParse} from './commands/parse.js'
import {register as registerRestore} from './commands/restore.js'
import {register as registerSchema} from './commands/schema.js'
import {register as registerText} from './commands/text.js'
import {register as registerTrain} from './commands/train.js'
import {register as registerFixture} from './commands/fixture.js'
import {register as registerPdf} from './commands/pdf.js'
import {register as registerReview} from './commands/review.js'
import {register as registerQueue} from './commands/queue.js'
import {register as registerWorker} from './commands/worker.js'

/** The `sohoa` program. */
export const program = createProgram()

registerParse(program)
registerText(program)
registerSchema(program)
registerRestore(program)
registerTrain(program)
registerFixture(program)
registerPdf(program)
registerReview(program)
registerQueue(program)
registerWorker(program)
