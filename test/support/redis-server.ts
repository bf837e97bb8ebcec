/**
 * A real Redis for the queue tests and benchmark: Debian's `redis-server`
 * started on a free loopback port with its files in a folder of the
 * caller's (append-only file on, so a restart keeps the queue), stopped
 * and started again on the same port and folder to play a Redis restart.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {createServer} from 'node:net'

/** A running redis-server. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  url: string
  port: number
  /** Stop it (SIGTERM: it writes its append-only file and exits). */
  stop(): Promise<void>
  /** Start it again on the same port with the same files. */
  start(): Promise<void>
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Start `redis-server` on a free loopback port, keeping its files in `dir`. */
export async function startRedis(dir: string): Promise<RedisServer> {
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    child = await launch(port, dir)
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    async stop() {
      const running = child
      child = undefined
      if (!running || running.exitCode !== null) return
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
      running.kill('SIGTERM')
      await exited
    }
  }
}

/** Spawn redis-server and resolve once it accepts connections. */
function launch(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--daemonize', 'no', '--loglevel', 'notice']
  const child = spawn('redis-server', args, {stdio: ['ignore', 'pipe', 'pipe']})
  return new Promise((resolve, reject) => {
    let log = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`redis-server did not start on port ${port} within 20 s:\n${log}`))
    }, 20_000)
    const onData = (chunk: Buffer) => {
      log += chunk.toString()
      if (/Ready to accept connections/.test(log)) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        child.stdout!.resume()
        resolve(child)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`cannot start redis-server (is Debian's redis-server installed?): ${error.message}`))
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited with ${code} before it was ready:\n${log}`))
    })
  })
}
