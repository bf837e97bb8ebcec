/**
 * Bulk import on the job queue against `sohoa parse DIR --out` on the same
 * inputs (N text decisions and M scanned pages, generated as the bulk
 * benchmark makes them): the built CLI (`dist/`; `--sources` runs the
 * sources through tsx), a real redis-server on a free loopback port in a
 * temporary folder, `sohoa queue add`, then W `sohoa worker` processes
 * until the queue is drained. Prints wall time, files/s and pages/s of
 * both and their ratio (from the one run: the machine is shared), and the
 * Redis memory a queued and a finished job take (INFO memory).
 *
 *   npm run bench -- queue [--files 200] [--ocr-pages 20] [--workers 4] [--worker-concurrency 1] [--sources]
 *
 * Each worker parses `--worker-concurrency` files at once with as many OCR
 * workers; `sohoa parse` runs with its defaults (one file and one OCR
 * worker per core).
 */
import {execFileSync, spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {availableParallelism, loadavg, tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {BulkReport} from '../../src/bulk/index.js'
import {openQueue} from '../../src/queue/open-queue.js'
import {statusOf} from '../../src/queue/status.js'
import {startRedis} from '../../test/support/redis-server.js'
import {table} from '../table.js'
import {makeDecisions, makeScans} from './bulk.js'

/** One-line title of this benchmark. */
export const title = 'Queue: N workers over text and scans vs sohoa parse --out, Redis memory per job'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** How to start the CLI: node arguments before the sohoa arguments. */
let command: string[] = []

/** Run the benchmark and print its tables. */
export async function run(args: string[]): Promise<void> {
  const option = (name: string, fallback: number) => {
    const i = args.indexOf(name)
    return i >= 0 ? Number(args[i + 1]) : fallback
  }
  const files = option('--files', 200)
  const ocrPages = option('--ocr-pages', 20)
  const workerCount = option('--workers', 4)
  const perWorker = option('--worker-concurrency', 1)
  if (args.includes('--sources')) command = ['--import', 'tsx', path.join(root, 'src/cli/index.ts')]
  else {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {cwd: root, stdio: 'inherit'})
    command = [path.join(root, 'dist/cli/index.js')]
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-bench-queue-'))
  const loadBefore = loadavg()[0]
  const redisDir = path.join(tmp, 'redis')
  mkdirSync(redisDir)
  const redis = await startRedis(redisDir)
  try {
    const inputs = path.join(tmp, 'inputs')
    makeDecisions(path.join(inputs, 'text'), files)
    makeScans(path.join(inputs, 'scans'), ocrPages)

    // sohoa parse DIR --out: one process, its defaults.
    const bulkStarted = performance.now()
    const bulk = await sohoa(['parse', inputs, '--out', path.join(tmp, 'out-bulk'), '-q'])
    const bulkCpu = bulk.cpuSeconds
    const bulkSeconds = (performance.now() - bulkStarted) / 1000
    const bulkReport = JSON.parse(readFileSync(path.join(tmp, 'out-bulk/report.json'), 'utf8')) as BulkReport

    // The queue: add, then W workers until drained.
    const connection = ['--redis', redis.url, '--queue', 'bench']
    const open = await openQueue({redis: redis.url, queue: 'bench'})
    const memory = async () => Number(/used_memory:(\d+)/.exec(await open.connection.info('memory'))![1])
    const emptyBytes = await memory()
    const addStarted = performance.now()
    const add = await sohoa(['queue', 'add', inputs, '--out', path.join(tmp, 'out-queue'), ...connection])
    const addSeconds = (performance.now() - addStarted) / 1000
    const queued = (await statusOf(open)).waiting
    const queuedBytes = await memory()
    const sample = (await open.queue.getWaiting(0, 49)).map((job) => job.id!)
    const jobBytes = async () => mean(await Promise.all(sample.map(async (id) => Number(await open.connection.call('MEMORY', 'USAGE', `bull:bench:${id}`)))))
    const events = async () => ({length: Number(await open.connection.xlen('bull:bench:events')), bytes: Number(await open.connection.call('MEMORY', 'USAGE', 'bull:bench:events'))})
    const waitingJobBytes = await jobBytes()
    const waitingEvents = await events()

    const queueStarted = performance.now()
    const workerArgs = ['worker', ...connection, '--concurrency', String(perWorker), '--ocr-workers', String(perWorker), '-q']
    const workers = Array.from({length: workerCount}, () => spawn(process.execPath, [...command, ...workerArgs], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']}))
    const workerCpu = cpuSampler(() => workers.map((w) => w.pid))
    const logs = workers.map(() => '')
    workers.forEach((w, i) => w.stderr!.on('data', (chunk: Buffer) => (logs[i] += chunk.toString())))
    let status = await statusOf(open)
    while (!status.drained) {
      if (workers.every((w) => w.exitCode !== null)) throw new Error(`every worker exited:\n${logs.join('\n')}`)
      await new Promise((r) => setTimeout(r, 250))
      status = await statusOf(open)
    }
    const queueSeconds = (performance.now() - queueStarted) / 1000
    workerCpu.stop()
    const finishedBytes = await memory()
    const finishedJobBytes = await jobBytes()
    const finishedEvents = await events()
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve())
            w.kill('SIGTERM')
          })
      )
    )
    const report = await sohoa(['queue', 'report', '--out', path.join(tmp, 'out-queue'), ...connection, '-q'])
    const queueReport = JSON.parse(readFileSync(path.join(tmp, 'out-queue/report.json'), 'utf8')) as BulkReport
    await open.close()

    const rows = [
      row(`sohoa parse DIR --out (${bulkReport.settings.concurrency} at once, ${bulkReport.settings.ocrWorkers} OCR)`, bulk.code, bulkSeconds, bulkCpu, bulkReport),
      row(`${workerCount} × sohoa worker (${perWorker} at once, ${perWorker} OCR each)`, report.code, queueSeconds, workerCpu.total(), queueReport)
    ]
    process.stdout.write(`${files} text decisions and ${ocrPages} scanned pages; wall time from start to the last output (the queue: from starting the workers to drained).\n\n`)
    process.stdout.write(table(rows))
    const ratio = bulkSeconds / queueSeconds
    process.stdout.write(`\nQueue throughput / sohoa parse throughput (wall): ${ratio.toFixed(2)} (${((ratio - 1) * 100).toFixed(1)}%).\n`)
    const queueCpu = workerCpu.total()
    if (bulkCpu && queueCpu) {
      process.stdout.write(`CPU seconds, queue / sohoa parse: ${(queueCpu / bulkCpu).toFixed(2)} (what the queue costs more, whatever the other load on the machine).\n`)
    }
    process.stdout.write(`sohoa queue add: ${queued} jobs in ${addSeconds.toFixed(1)} s (exit ${add.code}, hashing every input).\n\n`)
    process.stdout.write(
      table([
        {'Redis memory': 'empty queue', 'used_memory MB': (emptyBytes / 1e6).toFixed(2), 'per job, all keys': null, 'job hash (MEMORY USAGE)': null, 'event stream': null},
        {
          'Redis memory': `${queued} jobs waiting`,
          'used_memory MB': (queuedBytes / 1e6).toFixed(2),
          'per job, all keys': Math.round((queuedBytes - emptyBytes) / queued),
          'job hash (MEMORY USAGE)': Math.round(waitingJobBytes),
          'event stream': `${waitingEvents.length} events, ${(waitingEvents.bytes / 1e3).toFixed(0)} kB`
        },
        {
          'Redis memory': `${queued} jobs done (results kept)`,
          'used_memory MB': (finishedBytes / 1e6).toFixed(2),
          'per job, all keys': Math.round((finishedBytes - emptyBytes) / queued),
          'job hash (MEMORY USAGE)': Math.round(finishedJobBytes),
          'event stream': `${finishedEvents.length} events, ${(finishedEvents.bytes / 1e3).toFixed(0)} kB`
        }
      ])
    )
    process.stdout.write('\nBytes in bytes. The event stream is capped at 10,000 events by BullMQ: on a large import the job hash (and its place in one sorted set or list) is what each job costs.\n')
    const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`
    process.stdout.write(`\n${availableParallelism()} cores, shared machine (${load}); node ${process.version}; ${args.includes('--sources') ? 'the sources through tsx' : 'the built CLI (dist/)'}.\n`)
  } finally {
    await redis.stop()
    rmSync(tmp, {recursive: true, force: true})
  }
}

/** CPU seconds (user + system, every thread) a process has used so far, from /proc/<pid>/stat (Linux, 100 ticks a second); undefined elsewhere or once it is gone. */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/** Sample the CPU seconds of processes every 100 ms; `total()` sums the last sample of each. */
function cpuSampler(pids: () => Array<number | undefined>): {stop(): void; total(): number | undefined} {
  const last = new Map<number, number>()
  const sample = () => {
    for (const pid of pids()) {
      const seconds = cpuSecondsOf(pid)
      if (pid !== undefined && seconds !== undefined) last.set(pid, seconds)
    }
  }
  const timer = setInterval(sample, 100)
  return {
    stop() {
      sample()
      clearInterval(timer)
    },
    total: () => (last.size ? [...last.values()].reduce((a, b) => a + b, 0) : undefined)
  }
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
}

/** Run the CLI to its end, sampling its CPU time. */
function sohoa(args: string[]): Promise<{code: number | null; stderr: string; cpuSeconds: number | undefined}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, ...args], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
    const cpu = cpuSampler(() => [child.pid])
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      cpu.stop()
      resolve({code, stderr, cpuSeconds: cpu.total()})
    })
  })
}

function row(name: string, code: number | null, seconds: number, cpuSeconds: number | undefined, report: BulkReport): Record<string, string | number | null> {
  const t = report.totals
  return {
    run: name,
    exit: code,
    'wall s': seconds.toFixed(1),
    'CPU s': cpuSeconds?.toFixed(1) ?? null,
    parsed: t.parsed,
    failed: t.failed,
    pages: t.pages,
    'files/s': ((t.parsed + t.failed) / seconds).toFixed(2),
    'pages/s': (t.pages / seconds).toFixed(2),
    'peak RSS MB': t.peakRssMb
  }
}
