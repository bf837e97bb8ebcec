/**
 * What the benchmarks share to measure sohoa as users run it: `dist/` built
 * (the code the CLI runs), the node arguments that start the CLI, and
 * numeric options.
 */
import {execFileSync} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository's root folder. */
export const root = fileURLToPath(new URL('../../', import.meta.url))

/** Build `dist/` with `tsconfig.build.json` (the TypeScript compiler's output shows). */
export function buildDist(): void {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {cwd: root, stdio: 'inherit'})
}

/** Node arguments before the sohoa arguments: the sources through tsx with `--sources`, else the built CLI (built now). */
export function cliCommand(args: string[]): string[] {
  if (args.includes('--sources')) return ['--import', 'tsx', path.join(root, 'src/cli/index.ts')]
  buildDist()
  return [path.join(root, 'dist/cli/index.js')]
}

/** The number after `name` in `args`, else `fallback`. */
export function numberOption(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
