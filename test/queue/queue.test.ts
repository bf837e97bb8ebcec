/**
 * The queue as users run it: a real redis-server on a free loopback port,
 * `sohoa queue add`, three `sohoa worker` processes, one of them killed
 * with SIGKILL in the middle of a job, `sohoa queue status --wait`,
 * `queue report`, `retry-failed`, `clean`, a worker drained by SIGTERM,
 * Redis stopped and started again under the workers, and the machine's
 * job slots: a worker beyond them waits as a standby and takes over the
 * slot of one that dies or stops. Every good file
 * must end with exactly one whole output, every bad one with the reason
 * and rule `sohoa parse` gives it, and no temporary file may be left.
 */
import {createHash} from 'node:crypto'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {hostname, tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {BulkReport} from '../../src/bulk/index.js'
import {slotKey} from '../../src/queue/host-slots.js'
import {openQueue, type OpenQueue} from '../../src/queue/open-queue.js'
import {enqueue, runWorker, RedisUnreachableError, type QueueStatus, type WorkerEvent} from '../../src/queue/index.js'
import {statusOf} from '../../src/queue/status.js'
import {randomBytes, pngClaiming, root, seed, sohoa, start} from '../bulk/corpus.js'
import {startRedis, type RedisServer} from '../support/redis-server.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-queue-'))
const input = path.join(tmp, 'in')
const out = path.join(tmp, 'out')
let redis: RedisServer
let open: OpenQueue
const workers: Array<ReturnType<typeof start>> = []

/** Good inputs (relative to `input`). */
const good: string[] = []
/** Bad inputs and the reason and rule each must fail with. */
const bad: Record<string, {reason: RegExp | string; rule: string}> = {
  'bad/truncated.pdf': {reason: /^corrupt PDF/, rule: 'read:unreadable'},
  'bad/empty.txt': {reason: 'no text: empty', rule: 'read:no-text'},
  'bad/random.pdf': {reason: /^unsupported format: binary data/, rule: 'read:unreadable'},
  'bad/20000x20000.png': {reason: 'image too large: 20000 × 20000 px = 400 MP (over --max-pixels 100 MP)', rule: 'limits:max-pixels'}
}
/** A good input whose output place is taken by a folder: its write fails, and is retried. */
const blocked = 'good/blocked.txt'

function put(rel: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(path.join(input, rel)), {recursive: true})
  writeFileSync(path.join(input, rel), data)
}

/** A one-page scan: its OCR keeps a worker busy for a second or more, however quick the text stages get. */
const scan = readFileSync(path.join(root, 'fixtures/read/table-png/input.png'))

/** A text of about `mb` MB. */
function bigText(mb: number, n: number): string {
  const text = seed(0) + `\n<!-- ${n} -->\n`
  return text.repeat(Math.ceil((mb * 1e6) / Buffer.byteLength(text)))
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const outputOf = (rel: string) => path.join(out, rel.replace(/\.[^.]+$/, '.json'))

/** Files under `dir` (recursive), relative. */
function walk(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort()
}

async function until<T>(look: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 120_000, what = 'a condition'): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await look()
    if (value) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const connection = () => ['--redis', redis.url, '--queue', 'main']

/**
 * Start a `sohoa worker` (one file at a time, a 3 s stall interval, two
 * job slots on the machine whatever its cores) and wait until it is ready. A loaded machine can hold up a live worker's lock
 * renewal past 3 s, and the job then runs again: the tests allow that
 * (at-least-once), and allow it often enough that no good file fails as
 * `queue:stalled` for it.
 */
async function startWorker(): Promise<ReturnType<typeof start>> {
  const worker = start(['worker', ...connection(), '--concurrency', '1', '--ocr-workers', '1', '--host-slots', '2', '--stall', '3', '--max-stalls', '10'])
  workers.push(worker)
  await until(() => worker.stderr().includes(' ready: '), 120_000, 'a worker to be ready')
  return worker
}

const nameOf = (worker: ReturnType<typeof start>) => `${hostname()}:${worker.child.pid}`

/** The queue's status, as `sohoa queue status --json` prints it. */
const status = (): Promise<QueueStatus> => statusOf(open)

/** Every good file has exactly one whole output, recording its sha256; nothing else and no temporary file is in `out`. */
function checkOutputs(goodFiles: string[], extra: string[] = []): void {
  const expected = [...goodFiles.map((rel) => path.relative(out, outputOf(rel))), ...extra].sort()
  expect(walk(out)).toEqual(expected)
  for (const rel of goodFiles) {
    const output = JSON.parse(readFileSync(outputOf(rel), 'utf8')) as {source: {path: string; sha256: string}}
    expect(output.source).toMatchObject({path: path.join(input, rel), sha256: sha256(path.join(input, rel))})
  }
}

beforeAll(async () => {
  mkdirSync(path.join(tmp, 'redis'))
  redis = await startRedis(path.join(tmp, 'redis'))
  for (let i = 0; i < 12; i++) {
    const rel = `good/d${i % 3}/qd-${i}.txt`
    put(rel, seed(3 + (i % 2)).replace(/năm 20\d\d/, `năm ${1950 + i}`))
    good.push(rel)
  }
  // Four one-page scans, queued last: OCR keeps a worker busy for a second or more on any machine (text got too quick to count on).
  for (const name of ['table-0.png', 'table-1.png', 'table-2.png', 'table.png']) {
    put(`scans/${name}`, scan)
    good.push(`scans/${name}`)
  }
  put(blocked, seed(1))
  const pdf = readFileSync(path.join(root, 'fixtures/read/text-layer-pdf/input.pdf'))
  put('bad/truncated.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.6)))
  put('bad/empty.txt', '')
  put('bad/random.pdf', randomBytes(4096))
  put('bad/20000x20000.png', pngClaiming(20000, 20000))
  // The blocked input's output place is a folder: renaming the output into place fails.
  mkdirSync(outputOf(blocked), {recursive: true})
  open = await openQueue({redis: redis.url, queue: 'main'})
})

afterAll(async () => {
  for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL')
  await open?.close()
  await redis?.stop()
  rmSync(tmp, {recursive: true, force: true})
})

describe('queue: many workers, nothing lost', () => {
  it('queue add enqueues one job per input, and adding again is a no-op', async () => {
    const json = await sohoa(['queue', 'status', '--json', ...connection()])
    expect(JSON.parse(json.stdout)).toMatchObject({queue: 'main', url: redis.url, total: 0, workers: 0, drained: true})
    const files = good.length + 1 + Object.keys(bad).length
    const first = await sohoa(['queue', 'add', input, '--out', out, ...connection(), '--backoff', '0.2'])
    expect(first.code).toBe(0)
    expect(first.stderr).toContain(`sohoa: ${files} inputs: ${files} added, 0 skipped (output up to date), 0 already in the queue; queue main at ${redis.url}`)
    const again = await sohoa(['queue', 'add', input, '--out', out, ...connection()])
    expect(again.stderr).toContain(`sohoa: ${files} inputs: 0 added, 0 skipped (output up to date), ${files} already in the queue`)
    expect(await status()).toMatchObject({waiting: files, active: 0, done: 0, failed: 0, total: files, workers: 0, drained: false})
  })

  it('three workers drain the queue, two at once; one killed mid-job loses nothing: its job runs again elsewhere after the stall interval, and the standby takes its slot', async () => {
    // Paused while the workers start, so the first one cannot drain the queue before the others are up.
    // Two job slots: the first two workers take them, the third waits as a standby.
    await open.queue.pause()
    const [victim, , standby] = [await startWorker(), await startWorker(), await startWorker()]
    await until(() => standby.stderr().includes('sohoa: standby: other workers of queue main hold all 2 job slots of this machine'), 30_000, 'the standby notice')
    await open.queue.resume()
    const victimName = nameOf(victim)
    const killedJob = await until(
      // A good scan's job: a bad one would fail with its reason wherever it ran, and a text one can end
      // (in tens of ms) between this look and the kill, leaving nothing to run again.
      async () => {
        const active = await open.queue.getActive()
        // The standby takes nothing while the two hold their slots.
        expect(active.map((job) => job.processedBy)).not.toContain(nameOf(standby))
        return active.find((job) => job.processedBy === victimName && good.some((rel) => rel.startsWith('scans/') && job.data.path === path.join(input, rel)))
      },
      120_000,
      'the victim to hold a good scan\'s job'
    )
    victim.child.kill('SIGKILL')
    expect((await victim.exit).signal).toBe('SIGKILL')
    // The victim's slot frees when its lease (the stall interval) runs out; the standby takes it.
    await until(() => standby.stderr().includes('sohoa: took over a free job slot: 1 file(s) at once'), 30_000, 'the standby to take the slot')

    const wait = await sohoa(['queue', 'status', '--wait', '--interval', '0.5', ...connection()])
    expect(wait.code).toBe(1)
    expect(wait.stdout).toMatch(/0 waiting, 0 active, 0 to retry, \d+ done, 5 failed \(\d+ jobs\); 2 worker\(s\); .*; drained/)

    // The killed worker's job was taken again by another worker and completed.
    const again = await open.queue.getJob(killedJob.id!)
    expect({state: await again!.getState(), failedReason: again!.failedReason}).toMatchObject({state: 'completed'})
    expect(again!.stalledCounter).toBeGreaterThanOrEqual(1)
    expect(again!.processedBy).not.toBe(victimName)

    // One whole output per good file, nothing half written, no temporary file (the blocked output is a folder).
    checkOutputs(good)
    expect(walk(out).some((f) => f.includes('.sohoa-tmp'))).toBe(false)
  })

  it('bad input fails once with the reason and rule sohoa parse gives it; a failed write is retried, then fails', async () => {
    const failed = await open.queue.getFailed()
    const byFile = new Map(failed.map((job) => [path.relative(input, job.data.path), job]))
    expect([...byFile.keys()].sort()).toEqual([...Object.keys(bad), blocked].sort())
    for (const rel of Object.keys(bad)) expect(byFile.get(rel)!.attemptsMade).toBe(1)
    expect(byFile.get(blocked)!.attemptsMade).toBe(3)

    const run = await sohoa(['queue', 'report', '--out', out, ...connection()])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(new RegExp(`^sohoa: ${good.length + 5} files in [\\d.]+ s: ${good.length} parsed \\(\\d+ with warnings\\), 5 failed$`, 'm'))
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BulkReport
    expect(report).toMatchObject({version: 1, out, jsonl: null, queue: {name: 'main'}})
    expect(report.queue!.workers).toBeGreaterThanOrEqual(2)
    expect(report.totals).toMatchObject({files: good.length + 5, parsed: good.length, failed: 5, pages: 4})
    const failures = new Map(report.failures.map((f) => [path.relative(input, f.path), f]))
    for (const [rel, {reason, rule}] of Object.entries(bad)) {
      expect(failures.get(rel)!.reason).toMatch(reason)
      expect(failures.get(rel)!.rule).toBe(rule)
    }
    expect(failures.get(blocked)).toMatchObject({reason: expect.stringMatching(/^cannot write the output: /), rule: 'bulk:write-failed'})
    expect(report.files.find((f) => f.path.endsWith('table.png'))).toMatchObject({status: expect.stringMatching(/parsed|warnings/), route: 'ocr', pages: 1})

    // The same bad files through `sohoa parse --out`: the same reasons and rules.
    const bulk = await sohoa(['parse', path.join(input, 'bad'), '--out', path.join(tmp, 'bulk-out'), '-q'])
    expect(bulk.code).toBe(1)
    const bulkReport = JSON.parse(readFileSync(path.join(tmp, 'bulk-out/report.json'), 'utf8')) as BulkReport
    const reasons = (failures: BulkReport['failures']) => failures.map((f) => [path.basename(f.path), f.reason, f.rule]).sort()
    expect(reasons(report.failures.filter((f) => f.path.includes(`${path.sep}bad${path.sep}`)))).toEqual(reasons(bulkReport.failures))
  })

  it('SIGTERM drains a worker: it finishes its job and takes no new one; retry-failed puts failures back', async () => {
    rmSync(outputOf(blocked), {recursive: true})
    rmSync(path.join(out, 'report.json'))
    const retried = await sohoa(['queue', 'retry-failed', ...connection()])
    expect(retried.stderr).toContain('sohoa: 5 failed job(s) back in the queue')
    put('more/scan-3.png', scan)
    const added = await sohoa(['queue', 'add', path.join(input, 'more'), '--out', path.join(out, 'more'), ...connection()])
    expect(added.stderr).toContain('1 added')
    const running = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null)
    const scanJob = await until(async () => (await open.queue.getActive()).find((job) => job.data.path.endsWith('scan-3.png')), 120_000, 'a worker to take scan-3')
    const drained = running.find((w) => nameOf(w) === scanJob.processedBy)!
    drained.child.kill('SIGTERM')
    const exit = await drained.exit
    expect(exit.code).toBe(0)
    expect(drained.stderr()).toMatch(/^sohoa: stopping: waiting up to 30 s for 1 file\(s\) in progress/m)
    expect(drained.stderr()).toMatch(/^sohoa: worker \S+ stopped after [\d.]+ s: /m)
    const job = await open.queue.getJob(scanJob.id!)
    expect(await job!.getState()).toBe('completed')
    expect(job!.processedBy).toBe(nameOf(drained))

    const wait = await sohoa(['queue', 'status', '--wait', '--interval', '0.5', ...connection()])
    expect(wait.code).toBe(1)
    expect(wait.stdout).toMatch(/ 4 failed .*; 1 worker\(s\); .*drained/)
    checkOutputs([...good, blocked, 'more/scan-3.png'])
  })

  it('queue clean forgets the run; adding the inputs again skips those whose output is up to date', async () => {
    const cleaned = await sohoa(['queue', 'clean', ...connection()])
    expect(cleaned.stderr).toMatch(/^sohoa: removed \d+ done and 4 failed job\(s\)$/m)
    expect(await status()).toMatchObject({total: 0, pages: 0, drained: true})
    const files = good.length + 1 + Object.keys(bad).length
    const again = await sohoa(['queue', 'add', input, '--out', out, ...connection()])
    expect(again.stderr).toContain(`sohoa: ${files + 1} inputs: 4 added, ${good.length + 2} skipped (output up to date), 0 already in the queue`)
    // The live worker takes the four (bad) inputs again; `clean --all` refuses while jobs run, so let them end first.
    await until(async () => (await status()).drained, 120_000, 'the queue to drain')
    const cleanedAll = await sohoa(['queue', 'clean', '--all', ...connection()])
    expect(cleanedAll.code).toBe(0)
    expect(await status()).toMatchObject({total: 0})
  })

  it('Redis stopped and started again mid-run: the workers wait, reconnect, and every job ends', async () => {
    const restartIn = path.join(tmp, 'restart')
    const restartOut = path.join(tmp, 'restart-out')
    const files: string[] = []
    mkdirSync(restartIn, {recursive: true})
    for (let i = 0; i < 16; i++) {
      const file = path.join(restartIn, `qd-${i}.txt`)
      writeFileSync(file, i % 4 === 0 ? bigText(0.5, 10 + i) : seed(3 + (i % 2)).replace(/năm 20\d\d/, `năm ${1800 + i}`))
      files.push(file)
    }
    // Two scans, queued last, keep the worker busy while Redis is away.
    for (const name of ['scan-a.png', 'scan-b.png']) {
      writeFileSync(path.join(restartIn, name), scan)
      files.push(path.join(restartIn, name))
    }
    const add = await sohoa(['queue', 'add', restartIn, '--out', restartOut, ...connection()])
    expect(add.stderr).toContain('18 added')
    await until(async () => (await open.queue.getCompletedCount()) >= 3, 120_000, 'three jobs done')
    await redis.stop()
    await new Promise((r) => setTimeout(r, 1500))
    await redis.start()
    const wait = await sohoa(['queue', 'status', '--wait', '--interval', '0.5', ...connection()])
    expect(wait.code).toBe(0)
    expect(wait.stdout).toMatch(/ 18 done, 0 failed \(18 jobs\)/)
    const outputName = (file: string) => path.basename(file).replace(/\.[^.]+$/, '.json')
    for (const file of files) {
      const output = JSON.parse(readFileSync(path.join(restartOut, outputName(file)), 'utf8')) as {source: {sha256: string}}
      expect(output.source.sha256).toBe(sha256(file))
    }
    expect(walk(restartOut)).toEqual(files.map(outputName).sort())
    const live = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null)
    expect(live).toHaveLength(1)
    expect(live[0].stderr()).toContain('sohoa: lost the connection to Redis at')
    expect(live[0].stderr()).toContain('sohoa: reconnected to Redis at')
    live[0].child.kill('SIGTERM')
    expect((await live[0].exit).code).toBe(0)
  })

  it('runWorker: stop and abandon given before it is ready act in that order and hand back a job it took meanwhile', async () => {
    const dir = path.join(tmp, 'early')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'scan.png'), scan)
    const connection = {redis: redis.url, queue: 'early'}
    await enqueue({...connection, inputs: [dir], out: path.join(tmp, 'early-out')})
    const stop = new AbortController()
    const abandon = new AbortController()
    const events: WorkerEvent[] = []
    const running = runWorker({...connection, concurrency: 1, ocrWorkers: 1, stallSeconds: 3, signal: stop.signal, abandonSignal: abandon.signal, onEvent: (e) => events.push(e)})
    stop.abort()
    abandon.abort()
    await running
    // Whether or not the job was taken before the signals were heard, it is handed back untried.
    expect(events.map((e) => e.type)).toEqual(['ready', 'stopping', 'abandoning'])
    const other = await openQueue(connection)
    try {
      expect(await other.queue.getJobCounts('waiting', 'active', 'failed', 'completed')).toEqual({waiting: 1, active: 0, failed: 0, completed: 0})
      expect((await other.queue.getWaiting())[0].attemptsMade).toBe(0)
    } finally {
      await other.queue.obliterate({force: true})
      await other.close()
    }
  })

  it('runWorker: a second signal hands the running job back to the queue at once, its tries untouched', async () => {
    const dir = path.join(tmp, 'abandon')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'scan.png'), scan)
    const connection = {redis: redis.url, queue: 'abandon'}
    const added = await enqueue({...connection, inputs: [dir], out: path.join(tmp, 'abandon-out')})
    expect(added).toMatchObject({files: 1, added: 1})
    const stop = new AbortController()
    const abandon = new AbortController()
    const events: WorkerEvent[] = []
    const running = runWorker({...connection, concurrency: 1, ocrWorkers: 1, stallSeconds: 3, signal: stop.signal, abandonSignal: abandon.signal, onEvent: (e) => events.push(e)})
    const other = await openQueue(connection)
    try {
      await until(async () => (await other.queue.getActiveCount()) === 1, 120_000, 'the job to start')
      stop.abort()
      abandon.abort()
      const summary = await running
      expect(summary).toMatchObject({files: 0, parsed: 0, failed: 0})
      expect(events.map((e) => e.type)).toEqual(['ready', 'stopping', 'abandoning'])
      const [job] = await other.queue.getWaiting()
      expect(job.attemptsMade).toBe(0)
      expect(await other.queue.getJobCounts('active', 'failed', 'completed')).toEqual({active: 0, failed: 0, completed: 0})
      expect(walk(tmp).filter((f) => f.startsWith('abandon-out'))).toEqual([])
    } finally {
      await other.queue.obliterate({force: true})
      await other.close()
    }
  })

  it('queue add --pdf --review: workers write the searchable PDF and the review page beside the JSON; adding again skips only when all three are there', async () => {
    const dir = path.join(tmp, 'digitize')
    const outDir = path.join(tmp, 'digitize-out')
    mkdirSync(dir)
    copyFileSync(path.join(root, 'fixtures/read/table-png/input.png'), path.join(dir, 'scan.png'))
    const connection = {redis: redis.url, queue: 'digitize'}
    expect(await enqueue({...connection, inputs: [dir], out: outDir, pdf: true, review: true})).toMatchObject({files: 1, added: 1})
    const stop = new AbortController()
    const events: WorkerEvent[] = []
    const running = runWorker({...connection, concurrency: 1, ocrWorkers: 1, stallSeconds: 30, signal: stop.signal, onEvent: (e) => events.push(e)})
    try {
      await until(() => events.some((e) => e.type === 'file'), 180_000, 'the scan to be parsed')
    } finally {
      stop.abort()
    }
    expect(await running).toMatchObject({files: 1, parsed: 1, failed: 0})
    expect(walk(outDir)).toEqual(['scan.html', 'scan.json', 'scan.pdf'])
    expect(readFileSync(path.join(outDir, 'scan.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
    expect(readFileSync(path.join(outDir, 'scan.html'), 'utf8')).toMatch(/^<!doctype html>/i)
    const other = await openQueue(connection)
    try {
      await other.queue.obliterate({force: true})
      expect(await enqueue({...connection, inputs: [dir], out: outDir, pdf: true, review: true})).toMatchObject({added: 0, skipped: 1})
      rmSync(path.join(outDir, 'scan.html'))
      expect(await enqueue({...connection, inputs: [dir], out: outDir, pdf: true, review: true})).toMatchObject({added: 1, skipped: 0})
      await other.queue.obliterate({force: true})
    } finally {
      await other.close()
    }
  })

  it('runWorker: a worker beyond the machine\'s job slots starts nothing, and takes the slot of one that stops', async () => {
    const dir = path.join(tmp, 'slots')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'qd.txt'), seed(3))
    const connection = {redis: redis.url, queue: 'slots', hostSlots: 1, concurrency: 2, ocrWorkers: 1, stallSeconds: 3}
    const stopA = new AbortController()
    const stopB = new AbortController()
    const a: WorkerEvent[] = []
    const b: WorkerEvent[] = []
    const runningA = runWorker({...connection, name: 'a', signal: stopA.signal, onEvent: (e) => a.push(e)})
    await until(() => a.length >= 2, 30_000, 'worker a to be ready')
    const other = await openQueue(connection)
    try {
      // Two files at once asked for, one slot on the machine: one at once, and it says so.
      expect(a).toEqual([
        {type: 'ready', name: 'a', queue: 'slots', url: redis.url, concurrency: 2, ocrWorkers: 1, hostSlots: 1},
        {type: 'slots', queue: 'slots', held: 1, concurrency: 2, hostSlots: 1}
      ])
      expect(await other.connection.get(slotKey('slots', hostname(), 0))).toMatch(/^a\//)
      const runningB = runWorker({...connection, name: 'b', signal: stopB.signal, onEvent: (e) => b.push(e)})
      await until(() => b.length >= 2, 30_000, 'worker b to be ready')
      expect(b[1]).toEqual({type: 'slots', queue: 'slots', held: 0, concurrency: 2, hostSlots: 1})

      // The standby takes no job; the holder does.
      await enqueue({...connection, inputs: [dir], out: path.join(tmp, 'slots-out')})
      await until(() => a.some((e) => e.type === 'file'), 60_000, 'worker a to parse the file')
      expect(b.map((e) => e.type)).toEqual(['ready', 'slots'])
      expect((await other.queue.getCompleted())[0].processedBy).toBe('a')

      // a stops and lets its slot go at once: b takes it within a second or so, not after the lease.
      stopA.abort()
      await runningA
      const stopped = Date.now()
      await until(() => b.length >= 3, 10_000, 'worker b to take the slot')
      expect(Date.now() - stopped).toBeLessThan(2500)
      expect(b[2]).toEqual({type: 'slots', queue: 'slots', held: 1, concurrency: 2, hostSlots: 1})
      expect(await other.connection.get(slotKey('slots', hostname(), 0))).toMatch(/^b\//)
      stopB.abort()
      expect(await runningB).toMatchObject({files: 0})
      expect(await other.connection.exists(slotKey('slots', hostname(), 0))).toBe(0)
    } finally {
      stopA.abort()
      stopB.abort()
      await other.queue.obliterate({force: true})
      await other.close()
    }
  })

  it('says which Redis it cannot reach, at once', async () => {
    const run = await sohoa(['queue', 'status', '--redis', 'redis://127.0.0.1:1'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^sohoa: cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(connect ECONNREFUSED 127\.0\.0\.1:1\); start Redis there, or name another with --redis URL or SOHOA_REDIS_URL$/m)
    const worker = await runWorker({redis: 'redis://127.0.0.1:1'}).catch((e: unknown) => e)
    expect(worker).toBeInstanceOf(RedisUnreachableError)
  })
})
