/**
 * Bulk import on the job queue against `sohoa parse DIR --out` on the same
 * inputs (N text decisions and M scanned pages, generated as the bulk
 * benchmark makes them): the built CLI (`dist/`; `--sources` runs the
 * sources through tsx), a real redis-server on a free loopback port in a
 * temporary folder, `sohoa queue add`, then W `sohoa worker` processes
 * until the queue is drained (the machine's job slots at their default,
 * its cores: workers beyond them wait as standbys), and again with no
 * limit (`--host-slots 0`: every worker parses at once); then with one
 * worker set as `sohoa parse` is. Prints wall time, CPU seconds (every process and thread,
 * from /proc on Linux), files/s and pages/s, the throughput and CPU ratios
 * to `sohoa parse` (from the one run: the machine is shared, and CPU
 * seconds hold up better than wall time under other load), and the Redis
 * memory a job takes waiting and done (INFO memory over 10,000 jobs, and
 * MEMORY USAGE of the run's job hashes).
 *
 *   npm run bench -- queue [--files 200] [--ocr-pages 20] [--workers 4] [--worker-concurrency 1] [--skip-unlimited] [--skip-one] [--skip-cores] [--sources]
 *
 * Each of the W workers parses `--worker-concurrency` files at once with
 * as many OCR workers; `sohoa parse` and the single worker run one file
 * and one OCR worker per core. Unless `--skip-cores` (or W is the number
 * of cores), as many such workers as cores run too: they start as many
 * parse threads and OCR workers as `sohoa parse`, so their ratio is the
 * queue's own cost, and W's beyond it the cost of W processes.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {availableParallelism, loadavg, tmpdir} from 'node:os'
import path from 'node:path'
import type {BulkReport} from '../../src/bulk/index.js'
import {Worker} from 'bullmq'
import {openQueue} from '../../src/queue/open-queue.js'
import {statusOf} from '../../src/queue/status.js'
import {startRedis} from '../../test/support/redis-server.js'
import {table} from '../table.js'
import {cliCommand, numberOption, startCli} from './cli.js'
import {makeDecisions, makeScans} from './bulk.js'

/** One-line title of this benchmark. */
export const title = 'Queue: N workers over text and scans vs sohoa parse --out, Redis memory per job'

/** How to start the CLI: node arguments before the sohoa arguments. */
let command: string[] = []

/** Run the benchmark and print its tables. */
export async function run(args: string[]): Promise<void> {
  const option = (name: string, fallback: number) => numberOption(args, name, fallback)
  const files = option('--files', 200)
  const ocrPages = option('--ocr-pages', 20)
  const cores = availableParallelism()
  const workerCount = option('--workers', 4)
  const perWorker = option('--worker-concurrency', 1)
  command = cliCommand(args)
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
    const bulkSeconds = (performance.now() - bulkStarted) / 1000
    const bulkReport = JSON.parse(readFileSync(path.join(tmp, 'out-bulk/report.json'), 'utf8')) as BulkReport

    // The queue: add, then W workers until drained; then one per core (unless W is that); then one worker with the settings of sohoa parse.
    const many = await queueRun(redis.url, 'bench', inputs, path.join(tmp, 'out-queue'), workerCount, perWorker)
    const unlimited = args.includes('--skip-unlimited')
      ? undefined
      : await queueRun(redis.url, 'bench-unlimited', inputs, path.join(tmp, 'out-queue-unlimited'), workerCount, perWorker, ['--host-slots', '0'])
    const perCore =
      args.includes('--skip-cores') || workerCount === cores ? undefined : await queueRun(redis.url, 'bench-cores', inputs, path.join(tmp, 'out-queue-cores'), cores, perWorker)
    const one = args.includes('--skip-one') ? undefined : await queueRun(redis.url, 'bench-one', inputs, path.join(tmp, 'out-queue-one'), 1, cores)
    const memory = await memoryPerJob(redis.url, many.sample, 10_000)

    // Each queue run: its row's label, and its name in the ratio lines (skipped runs are undefined).
    const runs = [
      {label: `${workerCount} × sohoa worker (${perWorker} at once, ${perWorker} OCR each; ${cores} job slots)`, name: `${workerCount} workers`, run: many},
      {label: `${workerCount} × sohoa worker (the same, --host-slots 0)`, name: `${workerCount} workers, no slot limit`, run: unlimited},
      {label: `${cores} × sohoa worker (${perWorker} at once, ${perWorker} OCR each)`, name: `${cores} workers`, run: perCore},
      {label: `1 × sohoa worker (${cores} at once, ${cores} OCR)`, name: '1 worker', run: one}
    ].filter((r): r is typeof r & {run: QueueRun} => r.run !== undefined)
    const rows = [
      row(`sohoa parse DIR --out (${bulkReport.settings.concurrency} at once, ${bulkReport.settings.ocrWorkers} OCR)`, bulk.code, bulkSeconds, bulk.cpuSeconds, bulkReport),
      ...runs.map(({label, run}) => row(label, run.code, run.seconds, run.cpuSeconds, run.report))
    ]
    process.stdout.write(`${files} text decisions and ${ocrPages} scanned pages; wall time from start to the last output (the queue: from starting the workers to drained).\n\n`)
    process.stdout.write(table(rows))
    process.stdout.write('\n')
    for (const {name, run} of runs) {
      const ratio = bulkSeconds / run.seconds
      const cpu = bulk.cpuSeconds && run.cpuSeconds ? `; CPU seconds ${(run.cpuSeconds / bulk.cpuSeconds).toFixed(2)} × sohoa parse's` : ''
      process.stdout.write(`${name}: throughput ${ratio.toFixed(2)} × sohoa parse's (${((ratio - 1) * 100).toFixed(1)}%)${cpu}.\n`)
    }
    const busy = many.report.queue?.workers ?? 0
    process.stdout.write(`${workerCount} workers: ${busy} took jobs, ${workerCount - busy} stayed standbys.\n`)
    process.stdout.write(`sohoa queue add: ${many.queued} jobs in ${many.addSeconds.toFixed(1)} s (hashing every input).\n\n`)
    process.stdout.write(
      table([
        {'Redis memory': `${memory.jobs} jobs waiting (used_memory, beyond the empty queue)`, 'bytes per job': Math.round(memory.waiting)},
        {'Redis memory': `the same jobs done, results kept`, 'bytes per job': Math.round(memory.done)},
        {'Redis memory': `one job's hash waiting (MEMORY USAGE, mean of ${many.sample.length} from the run)`, 'bytes per job': Math.round(many.jobBytes.waiting)},
        {'Redis memory': 'one job\'s hash done', 'bytes per job': Math.round(many.jobBytes.done)}
      ])
    )
    process.stdout.write(
      `\nThe ${memory.jobs} jobs carry the data of the run's first job under new ids (paths as long); BullMQ's event stream, capped at 10,000 events, is counted in.\n`
    )
    const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`
    process.stdout.write(`\n${availableParallelism()} cores, shared machine (${load}); node ${process.version}; ${args.includes('--sources') ? 'the sources through tsx' : 'the built CLI (dist/)'}.\n`)
  } finally {
    await redis.stop()
    rmSync(tmp, {recursive: true, force: true})
  }
}

/** What one queue run measured. */
interface QueueRun {
  code: number | null
  seconds: number
  cpuSeconds: number | undefined
  report: BulkReport
  queued: number
  addSeconds: number
  /** Ids of the first jobs, and the mean MEMORY USAGE of their hashes waiting and done. */
  sample: string[]
  jobBytes: {waiting: number; done: number}
}

/** `sohoa queue add` the inputs, start `workers` × `sohoa worker`, wait until drained, stop them, `sohoa queue report`. */
async function queueRun(url: string, queue: string, inputs: string, out: string, workers: number, perWorker: number, extra: string[] = []): Promise<QueueRun> {
  const connection = ['--redis', url, '--queue', queue]
  const open = await openQueue({redis: url, queue})
  try {
    const addStarted = performance.now()
    const add = await sohoa(['queue', 'add', inputs, '--out', out, ...connection])
    if (add.code !== 0) throw new Error(`sohoa queue add exited ${add.code}:\n${add.stderr}`)
    const addSeconds = (performance.now() - addStarted) / 1000
    const queued = (await statusOf(open)).waiting
    const sample = (await open.queue.getWaiting(0, 49)).map((job) => job.id!)
    const jobBytes = async () => mean(await Promise.all(sample.map(async (id) => Number(await open.connection.call('MEMORY', 'USAGE', `bull:${queue}:${id}`)))))
    const waitingBytes = await jobBytes()

    const started = performance.now()
    const args = ['worker', ...connection, '--concurrency', String(perWorker), '--ocr-workers', String(perWorker), ...extra, '-q']
    const runs = Array.from({length: workers}, () => startCli(command, args))
    const cpu = cpuSampler(() => runs.map((w) => w.child.pid))
    while (!(await statusOf(open)).drained) {
      if (runs.every((w) => w.child.exitCode !== null)) throw new Error(`every worker exited:\n${runs.map((w) => w.stderr()).join('\n')}`)
      await new Promise((r) => setTimeout(r, 250))
    }
    const seconds = (performance.now() - started) / 1000
    cpu.stop()
    const doneBytes = await jobBytes()
    for (const w of runs) w.child.kill('SIGTERM')
    await Promise.all(runs.map((w) => w.exit))
    const report = await sohoa(['queue', 'report', '--out', out, ...connection, '-q'])
    return {
      code: report.code,
      seconds,
      cpuSeconds: cpu.total(),
      report: JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as BulkReport,
      queued,
      addSeconds,
      sample,
      jobBytes: {waiting: waitingBytes, done: doneBytes}
    }
  } finally {
    await open.close()
  }
}

/**
 * Redis memory per job at scale: `jobs` copies of a sampled job (its data,
 * new ids) added to an empty queue, then marked done with a result like a
 * worker's; used_memory beyond the empty queue, per job.
 */
async function memoryPerJob(url: string, sample: string[], jobs: number): Promise<{jobs: number; waiting: number; done: number}> {
  const source = await openQueue({redis: url, queue: 'bench'})
  const open = await openQueue({redis: url, queue: 'bench-memory'})
  try {
    const model = (await source.queue.getJob(sample[0]))!
    const memory = async () => Number(/used_memory:(\d+)/.exec(await open.connection.info('memory'))![1])
    await open.queue.waitUntilReady()
    const empty = await memory()
    for (let start = 0; start < jobs; start += 1000) {
      await open.queue.addBulk(
        Array.from({length: Math.min(1000, jobs - start)}, (_, i) => ({
          name: model.name,
          data: {...model.data, path: model.data.path.replace(/\d+(\.\w+)$/, `${start + i}$1`)},
          opts: {...model.opts, jobId: `${'0'.repeat(48)}${String(start + i).padStart(16, '0')}-${'f'.repeat(16)}`}
        }))
      )
    }
    const waiting = ((await memory()) - empty) / jobs
    const result = model.returnvalue
    const connection = open.connection.duplicate()
    const worker = new Worker(open.name, async () => result, {connection, concurrency: 50})
    while ((await open.queue.getCompletedCount()) < jobs) await new Promise((r) => setTimeout(r, 100))
    await worker.close()
    connection.disconnect()
    const done = ((await memory()) - empty) / jobs
    await open.queue.obliterate({force: true})
    return {jobs, waiting, done}
  } finally {
    await source.close()
    await open.close()
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
async function sohoa(args: string[]): Promise<{code: number | null; stderr: string; cpuSeconds: number | undefined}> {
  const run = startCli(command, args)
  const cpu = cpuSampler(() => [run.child.pid])
  const code = await run.exit.finally(() => cpu.stop())
  return {code, stderr: run.stderr(), cpuSeconds: cpu.total()}
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
