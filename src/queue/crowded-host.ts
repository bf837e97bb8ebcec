/**
 * Whether a queue's workers crowd this machine: more worker processes on
 * one host than its cores can keep apart. Each process starts and warms its
 * own parse threads and tesseract workers (V8 shares no optimized code
 * between processes), so N processes on fewer cores spend CPU that one
 * process with `--concurrency` = cores would not (`npm run bench -- queue`;
 * the README's job-queue section has the numbers). A worker says so once,
 * when it is ready.
 */
import type {Redis} from 'ioredis'
import {bullmq} from './libraries.js'

/** What a worker learns about the workers of its queue on its own machine. */
export interface HostCrowd {
  /** Worker processes of the queue on this host, this one included. */
  workers: number
  /** The cores of this host. */
  cores: number
}

/**
 * Count the workers of `queue` named `host:pid` (the default name) for `host`,
 * and return them when they, each parsing `concurrency` files at once, are
 * more than one and ask for more than `cores` at once; null otherwise, and
 * when Redis will not list its clients (a managed Redis may forbid CLIENT LIST).
 */
export async function crowdedHost(connection: Redis, queue: string, host: string, concurrency: number, cores: number): Promise<HostCrowd | null> {
  const reader = new bullmq.Queue(queue, {connection})
  try {
    // A worker's client is named `<prefix>:<queue in base64>:w:<worker name>` (BullMQ gives it as `rawname`).
    const names = (await reader.getWorkers()).map((client) => client.rawname?.split(':w:')[1] ?? '')
    const prefix = `${host}:`
    const workers = names.filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))).length
    return workers > 1 && workers * concurrency > cores ? {workers, cores} : null
  } catch {
    return null
  } finally {
    await reader.close().catch(() => {})
  }
}

/** The notice a worker gives when its host is crowded. */
export function crowdNotice(crowd: HostCrowd, queue: string): string {
  return (
    `${crowd.workers} workers of queue ${queue} run on this machine, which has ${crowd.cores} cores: each process warms its own ` +
    `parser and OCR, so one worker with --concurrency ${crowd.cores} gets more done (README: Bulk import on a job queue)`
  )
}
