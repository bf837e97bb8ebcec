/**
 * How to start a parse worker: `worker.js` next to this module when sohoa
 * runs built (`dist/bulk/worker.js` for the compiled library; the bundled
 * command has this code in a chunk beside `dist/bundle/worker.js`), or —
 * when it runs from its TypeScript sources (tests, `tsx`) — a small script
 * that registers tsx in the new thread first and then imports `worker.ts`,
 * since Node 20 does not hand a parent's loader hooks to its worker threads.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {Worker, type WorkerOptions} from 'node:worker_threads'

/** Start a parse worker with `options` (`workerData`, `resourceLimits`, …). */
export function startWorker(options: WorkerOptions): Worker {
  const here = import.meta.url
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), options)
  const worker = new URL('./worker.ts', here).href
  const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}) })`
  return new Worker(code, {...options, eval: true})
}

/** The URL of tsx's ESM API (`tsx/esm/api`), resolved from this package. */
function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api')
  } catch {
    const require = createRequire(import.meta.url)
    return pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href
  }
}
