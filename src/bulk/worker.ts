/**
 * A parse worker (a worker thread): parses the jobs the scheduler sends,
 * one at a time, and reports each outcome with the output serialized.
 * A file that hangs or exhausts the heap takes only this thread down.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {InputError} from './input-error.js'
import type {FromWorker, Job, JobOutcome, ToWorker} from './messages.js'
import {parseInput, toInputError} from './parse-input.js'
import {createRemoteOcrPool} from './remote-ocr.js'

/** What the scheduler passes as `workerData`. */
export interface WorkerData {
  /** Size of the shared OCR pool. */
  ocrWorkers: number
}

const port = parentPort
if (!port) throw new Error('sohoa: src/bulk/worker is a worker thread entry point')
const data = workerData as WorkerData
const ocr = createRemoteOcrPool(port, data.ocrWorkers)
const post = (message: FromWorker) => port.postMessage(message)

port.on('message', (message: ToWorker) => {
  if (message.type === 'job') void run(message.job)
  else ocr.settle(message)
})

async function run(job: Job): Promise<void> {
  // The job's --timeout counts from here: a fresh worker's start-up (loading its modules) is not the file's time.
  post({type: 'started', id: job.id})
  let outcome: JobOutcome
  try {
    const parsed = await parseInput(job.path, {
      limits: job.limits,
      ocr,
      onProgress: ({page, pages}) => post({type: 'page', id: job.id, page, pages})
    })
    const {output, messages} = parsed
    // The PDF and review page first: the JSON, written last, marks the file done for --resume.
    if (job.outputs?.pdf || job.outputs?.review) {
      try {
        // Loaded on first use: a worker that writes only JSON starts without pdf-lib and fontkit.
        const {writeOutputs} = await import('../outputs/write-outputs.js')
        await writeOutputs(parsed.bytes, parsed, job.outputs)
      } catch (error) {
        throw new InputError(job.path, (error as Error).message.split('\n', 1)[0], 'write-failed', {cause: error})
      }
    }
    const count = (fatal: boolean | null | undefined) => messages.filter((m) => m.fatal === fatal).length
    outcome = {
      ok: true,
      json: JSON.stringify(output, null, job.indent || undefined),
      pages: output.source.pages,
      route: output.source.route,
      diagnostics: {error: count(true), warning: count(false), info: messages.length - count(true) - count(false)}
    }
  } catch (error) {
    const e = error instanceof InputError ? error : toInputError(job.path, error, job.limits)
    outcome = {ok: false, reason: e.reason, source: e.source, ruleId: e.ruleId}
  }
  post({type: 'done', id: job.id, outcome})
}
