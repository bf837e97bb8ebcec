/**
 * Which Redis to use and how to reach it: the URL from `--redis`, else
 * `SOHOA_REDIS_URL`, else the local default; a first connection that
 * fails fast with an error naming the URL when Redis does not answer, and
 * then a connection that waits out a Redis restart (it reconnects for as
 * long as it takes, and commands wait for it), as a queue worker must.
 */
import type {Redis} from 'ioredis'
import {UsageError} from '../bulk/usage-error.js'
import {ioredis} from './libraries.js'

/** The Redis a queue command uses when none is named. */
export const defaultRedisUrl = 'redis://127.0.0.1:6379'

/** The environment variable that names the Redis URL. */
export const redisUrlVariable = 'SOHOA_REDIS_URL'

/** The Redis URL: `option`, else `SOHOA_REDIS_URL` in `env`, else `redis://127.0.0.1:6379`. Throws `UsageError` when it is not a `redis:` or `rediss:` URL. */
export function redisUrlOf(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = option || env[redisUrlVariable] || defaultRedisUrl
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UsageError(`not a Redis URL: ${url} (expected redis://host:port or rediss://…)`)
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new UsageError(`not a Redis URL: ${redactUrl(url)} (expected redis://host:port or rediss://…)`)
  }
  return url
}

/** `url` with its password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (!parsed.password) return url
    parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}

/** Redis did not answer at the start of a command. */
export class RedisUnreachableError extends Error {
  /** The URL tried (password redacted). */
  readonly url: string

  constructor(url: string, why: string, options?: {cause?: unknown}) {
    super(`cannot reach Redis at ${redactUrl(url)} (${why}); start Redis there, or name another with --redis URL or ${redisUrlVariable}`, options)
    this.name = 'RedisUnreachableError'
    this.url = redactUrl(url)
  }
}

/** Options of `connectRedis`. */
export interface ConnectOptions {
  /** How long the first connection may take before it is given up, ms (default 5000). */
  timeoutMs?: number
}

/**
 * Connect to the Redis at `url`: check once, without retrying, that it
 * answers PING (else reject with `RedisUnreachableError`, within
 * `timeoutMs`), then open the connection to use, which reconnects for as
 * long as Redis is away and holds commands until it is back.
 */
export async function connectRedis(url: string, options: ConnectOptions = {}): Promise<Redis> {
  const timeoutMs = options.timeoutMs ?? 5000
  const probe = new ioredis.Redis(url, {lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: timeoutMs})
  let lastError: Error | undefined
  probe.on('error', (error: Error) => {
    lastError = error
  })
  let timer: NodeJS.Timeout | undefined
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs)
    })
    await Promise.race([probe.connect().then(() => probe.ping()), timeout])
  } catch (error) {
    throw new RedisUnreachableError(url, (lastError ?? (error as Error)).message, {cause: lastError ?? error})
  } finally {
    clearTimeout(timer)
    probe.disconnect()
  }
  // BullMQ needs `maxRetriesPerRequest: null`: a command waits for the connection instead of failing.
  const connection = new ioredis.Redis(url, {maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(250 * times, 2000)})
  connection.on('error', () => {})
  return connection
}
