/**
 * Open the BullMQ queue of an import: resolve the Redis URL, connect (fast
 * failure when Redis does not answer) and wrap the connection in a `Queue`.
 * Every queue command starts here.
 */
import type {Queue} from 'bullmq'
import type {Redis} from 'ioredis'
import {connectRedis, redisUrlOf} from './connection.js'
import type {JobData, JobResult} from './job.js'
import {bullmq} from './libraries.js'

/** The queue a command works on. */
export interface QueueConnectionOptions {
  /** Redis URL (default: `SOHOA_REDIS_URL`, else `redis://127.0.0.1:6379`). */
  redis?: string
  /** Queue name (default `sohoa`): one import, or several imports that share workers. */
  queue?: string
  /** How long the first connection may take, ms (default 5000). */
  connectTimeoutMs?: number
}

/** The default queue name. */
export const defaultQueueName = 'sohoa'

/** An open queue: the BullMQ `Queue`, its connection, and how to close both. */
export interface OpenQueue {
  queue: Queue<JobData, JobResult>
  connection: Redis
  /** The queue's name. */
  name: string
  /** The Redis URL. */
  url: string
  close(): Promise<void>
}

/** Open the queue of `options`; throws `RedisUnreachableError` when Redis does not answer. */
export async function openQueue(options: QueueConnectionOptions): Promise<OpenQueue> {
  const url = redisUrlOf(options.redis)
  const name = options.queue ?? defaultQueueName
  const connection = await connectRedis(url, {timeoutMs: options.connectTimeoutMs})
  const queue = new bullmq.Queue<JobData, JobResult>(name, {connection})
  queue.on('error', () => {})
  return {
    queue,
    connection,
    name,
    url,
    async close() {
      await queue.close()
      connection.disconnect()
    }
  }
}
