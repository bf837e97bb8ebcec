/**
 * The small parts of the queue: job ids, failure reasons in BullMQ's
 * `failedReason`, which failures are retried, the Redis URL, and clearing
 * one output's temporaries in a folder other writers share.
 */
import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {removeTemporariesOf, temporarySuffix, writeFileAtomic} from '../../src/bulk/atomic-write.js'
import {UsageError} from '../../src/bulk/usage-error.js'
import {connectRedis, redactUrl, redisUrlOf, RedisUnreachableError} from '../../src/queue/connection.js'
import {failedReasonOf, failureOf, fileReportOf, isRetryable, jobIdOf, type JobData} from '../../src/queue/job.js'
import {defaultLimits} from '../../src/bulk/limits.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-queue-units-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

describe('queue jobs', () => {
  const sha = 'a'.repeat(64)

  it('an id per input content and output place', () => {
    expect(jobIdOf(sha, '/out/x.json')).toBe(jobIdOf(sha, '/out/x.json'))
    expect(jobIdOf(sha, '/out/x.json')).toMatch(new RegExp(`^${sha}-[0-9a-f]{16}$`))
    expect(jobIdOf(sha, '/out/y.json')).not.toBe(jobIdOf(sha, '/out/x.json'))
    expect(jobIdOf('b'.repeat(64), '/out/x.json')).not.toBe(jobIdOf(sha, '/out/x.json'))
    expect(jobIdOf(null, '/out/x.json')).toMatch(/^unread-[0-9a-f]{16}$/)
    expect(jobIdOf(sha, '/out/x.json')).not.toContain(':')
  })

  it('a failure\'s reason and rule travel in failedReason and come back whole', () => {
    const reason = 'image too large: 20000 × 20000 px = 400 MP (over --max-pixels 100 MP)'
    expect(failureOf(failedReasonOf(reason, 'limits:max-pixels'))).toEqual({reason, rule: 'limits:max-pixels'})
    expect(failureOf(failedReasonOf('corrupt PDF (Invalid PDF structure.)', 'read:unreadable'))).toEqual({
      reason: 'corrupt PDF (Invalid PDF structure.)',
      rule: 'read:unreadable'
    })
    expect(failureOf('job stalled more than allowable limit')).toMatchObject({rule: 'queue:stalled'})
    expect(failureOf('something else')).toEqual({reason: 'something else', rule: 'queue:failed'})
    expect(failureOf(undefined)).toEqual({reason: 'failed', rule: 'queue:failed'})
  })

  it('crashes and failed writes are retried; bad input, limits, timeouts and bugs are not', () => {
    expect(isRetryable('bulk:crashed')).toBe(true)
    expect(isRetryable('bulk:write-failed')).toBe(true)
    for (const rule of ['read:unreadable', 'read:no-text', 'limits:max-bytes', 'limits:max-pixels', 'limits:timeout', 'bulk:out-of-memory', 'parse:internal']) {
      expect(isRetryable(rule)).toBe(false)
    }
  })

  it('a job\'s report entry: parsed with its result, failed with reason and rule, pending otherwise', () => {
    const data: JobData = {version: 1, path: '/in/x.pdf', output: '/out/x.json', sha256: sha, options: {limits: defaultLimits, indent: 2}}
    const diagnostics = {error: 0, warning: 1, info: 2}
    expect(fileReportOf(data, {state: 'completed', result: {status: 'warnings', pages: 3, route: 'ocr', diagnostics, seconds: 4.5}})).toEqual({
      path: '/in/x.pdf',
      output: '/out/x.json',
      status: 'warnings',
      pages: 3,
      route: 'ocr',
      diagnostics,
      seconds: 4.5
    })
    expect(fileReportOf(data, {state: 'failed', failedReason: failedReasonOf('no text: empty', 'read:no-text'), seconds: 0.1})).toEqual({
      path: '/in/x.pdf',
      output: '/out/x.json',
      status: 'failed',
      reason: 'no text: empty',
      rule: 'read:no-text',
      seconds: 0.1
    })
    expect(fileReportOf(data, {state: 'pending'}).status).toBe('pending')
  })
})

describe('Redis URL', () => {
  it('comes from --redis, else SOHOA_REDIS_URL, else the local default', () => {
    expect(redisUrlOf('redis://a:1', {SOHOA_REDIS_URL: 'redis://b:2'})).toBe('redis://a:1')
    expect(redisUrlOf(undefined, {SOHOA_REDIS_URL: 'redis://b:2'})).toBe('redis://b:2')
    expect(redisUrlOf(undefined, {})).toBe('redis://127.0.0.1:6379')
    expect(() => redisUrlOf('http://x', {})).toThrow(UsageError)
    expect(() => redisUrlOf('not a url', {})).toThrow(/^not a Redis URL: not a url/)
  })

  it('never shows a password', () => {
    expect(redactUrl('redis://user:secret@host:6379/0')).toBe('redis://user:***@host:6379/0')
    expect(redactUrl('redis://host:6379')).toBe('redis://host:6379')
  })

  it('unreachable: a clear error naming the URL, without retrying', async () => {
    const error = await connectRedis('redis://:secret@127.0.0.1:1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RedisUnreachableError)
    expect((error as Error).message).toBe(
      'cannot reach Redis at redis://:***@127.0.0.1:1 (connect ECONNREFUSED 127.0.0.1:1); start Redis there, or name another with --redis URL or SOHOA_REDIS_URL'
    )
  })
})

describe('temporaries of one output', () => {
  it('clears a killed writer\'s temporaries of that output only', async () => {
    const folder = path.join(tmp, 'shared')
    mkdirSync(folder, {recursive: true})
    const file = path.join(folder, 'x.json')
    writeFileSync(path.join(folder, `.x.json.123-0a1b2c3d.0${temporarySuffix}`), '{"half')
    writeFileSync(path.join(folder, `.x.json.2.json.77-ffffffff.3${temporarySuffix}`), '{"other')
    writeFileSync(path.join(folder, `.y.json.9-00000000.1${temporarySuffix}`), '{"other')
    expect(await removeTemporariesOf(file)).toBe(1)
    await writeFileAtomic(file, '{}\n')
    expect(readdirSync(folder).sort()).toEqual([`.x.json.2.json.77-ffffffff.3${temporarySuffix}`, `.y.json.9-00000000.1${temporarySuffix}`, 'x.json'])
    expect(await removeTemporariesOf(path.join(tmp, 'missing/x.json'))).toBe(0)
  })
})
