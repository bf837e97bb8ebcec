/**
 * An `OcrPool` for a parse worker that sends each image to the main
 * thread's shared pool and waits for the result: one set of tesseract
 * workers for the whole batch, however many files are in flight.
 */
import type {MessagePort} from 'node:worker_threads'
import type {OcrPool, OcrResult} from '../read/index.js'
import type {FromWorker, ToWorker} from './messages.js'

/** The worker side: a pool of `size` (the shared pool's size) that posts to `port`. */
export interface RemoteOcrPool extends OcrPool {
  /** Settle a request with the main thread's answer. */
  settle(message: Extract<ToWorker, {type: 'ocr-done' | 'ocr-failed'}>): void
}

/** Create the worker side of the shared pool. `terminate` only fails pending requests: the main thread owns the pool. */
export function createRemoteOcrPool(port: MessagePort, size: number): RemoteOcrPool {
  const pending = new Map<number, {resolve: (result: OcrResult) => void; reject: (error: Error) => void}>()
  let next = 0
  let terminated = false
  return {
    size,
    recognize(image, options = {}) {
      if (terminated) return Promise.reject(new Error('OCR: the pool was terminated'))
      const request = next++
      return new Promise<OcrResult>((resolve, reject) => {
        pending.set(request, {resolve, reject})
        // The image is copied (not transferred): the caller may still hold views of its buffer.
        port.postMessage({type: 'ocr', request, image, options} satisfies FromWorker)
      })
    },
    async terminate() {
      terminated = true
      for (const {reject} of pending.values()) reject(new Error('OCR: the pool was terminated'))
      pending.clear()
    },
    settle(message) {
      const waiting = pending.get(message.request)
      if (!waiting) return
      pending.delete(message.request)
      if (message.type === 'ocr-done') waiting.resolve(message.result)
      else waiting.reject(new Error(message.message))
    }
  }
}
