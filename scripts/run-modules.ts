/**
 * Run the script modules of a folder: shared by `npm run eval` and `npm run bench`.
 * Each module exports a one-line `title` and `run(args: string[]): Promise<void>`.
 */
import {readdirSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import path from 'node:path'

/** Run the modules of `dir` named in `args` (all when none is named); pass the options on. */
export async function runModules(dir: string, args: string[]): Promise<void> {
  const names: string[] = []
  const options: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg.startsWith('-')) {
      options.push(arg)
      if (!arg.includes('=') && args[i + 1] !== undefined && !args[i + 1].startsWith('-')) options.push(args[++i])
    } else names.push(arg)
  }
  const modules = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .filter((f) => names.length === 0 || names.includes(f.replace(/\.ts$/, '')))
  if (modules.length === 0) throw new Error(`no module in ${dir} matches ${names.join(', ') || '(any)'}`)
  for (const file of modules) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
      title: string
      run: (args: string[]) => Promise<void>
    }
    process.stdout.write(`\n## ${mod.title}\n\n`)
    await mod.run(options)
  }
}
