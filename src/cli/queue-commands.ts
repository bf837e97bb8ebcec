/** The sub-commands of `queue-program.ts`, apart from it so `index.ts` can choose without loading the queue. */
export const queueCommands = ['queue', 'worker']
