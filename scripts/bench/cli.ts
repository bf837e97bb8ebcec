/**
 * What the benchmarks share to measure sohoa as users run it: `dist/` built
 * (the code the CLI runs), the node arguments that start the CLI, and
 * numeric options.
 */
import {execFileSync, spawn, type ChildProcess} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository's root folder. */
export const root = fileURLToPath(new URL('../../', import.meta.url))

/** Build `dist/` with `npm run build` (the library, then the bundled command; a compiler error shows). */
export function buildDist(): void {
  execFileSync('npm', ['run', '--silent', 'build'], {cwd: root, stdio: ['ignore', 'ignore', 'inherit']})
}

/** Node arguments before the sohoa arguments: the sources through tsx with `--sources`, else the bundled command (built now). */
export function cliCommand(args: string[]): string[] {
  if (args.includes('--sources')) return ['--import', 'tsx', path.join(root, 'src/cli/index.ts')]
  buildDist()
  return [path.join(root, 'dist/bundle/sohoa.js')]
}

/** The number after `name` in `args`, else `fallback`. */
export function numberOption(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : fallback
}

/** A CLI process the benchmarks started: the child, its standard error so far, and its exit code once it ends. */
export interface StartedCli {
  child: ChildProcess
  stderr(): string
  exit: Promise<number | null>
}

/** Start `node …command …args` in the repository's root, standard output ignored and standard error kept. */
export function startCli(command: string[], args: string[]): StartedCli {
  const child = spawn(process.execPath, [...command, ...args], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => resolve(code))
  })
  return {child, stderr: () => stderr, exit}
}
