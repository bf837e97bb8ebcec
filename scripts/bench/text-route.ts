/**
 * Text-route throughput: every `fixtures/seed-*` text through `parse`
 * (no OCR) N times; MB/s of input text and documents/s.
 *
 *   npm run bench -- text-route [--rounds 100] [--restore always|unmarked|never]
 *
 * Without `--restore`, the diacritics stage runs by the route policy (as
 * `parse` does); `--restore never` measures the pipeline without it.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {parseSync} from '../../src/parse.js'
import {table} from '../table.js'

/** One-line title of this benchmark. */
export const title = 'Text route: seeds through parse (no OCR)'

/** Run the benchmark and print its table. */
export async function run(args: string[]): Promise<void> {
  const roundsArg = args.indexOf('--rounds')
  const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 100
  const restoreArg = args.indexOf('--restore')
  const when = restoreArg >= 0 ? (args[restoreArg + 1] as 'always' | 'unmarked' | 'never') : undefined
  const options = when ? {diacritics: {when}} : {}
  const root = new URL('../../fixtures/', import.meta.url)
  const inputs = readdirSync(root)
    .filter((d) => d.startsWith('seed-'))
    .map((d) => ({name: d, bytes: readFileSync(new URL(`${d}/input.txt`, root))}))
  for (const input of inputs) parseSync(input.bytes, options) // warm up (grammars, JIT)
  const rows = []
  let totalBytes = 0
  let totalSeconds = 0
  for (const input of inputs) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < rounds; i++) parseSync(input.bytes, options)
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    totalBytes += input.bytes.length * rounds
    totalSeconds += seconds
    rows.push({
      input: input.name,
      KB: (input.bytes.length / 1024).toFixed(1),
      rounds,
      'ms/doc': ((seconds / rounds) * 1000).toFixed(2),
      'MB/s': (input.bytes.length * rounds / 1e6 / seconds).toFixed(2)
    })
  }
  rows.push({
    input: 'all',
    KB: (inputs.reduce((n, i) => n + i.bytes.length, 0) / 1024).toFixed(1),
    rounds,
    'ms/doc': ((totalSeconds / (rounds * inputs.length)) * 1000).toFixed(2),
    'MB/s': (totalBytes / 1e6 / totalSeconds).toFixed(2)
  })
  process.stdout.write(table(rows))
  process.stdout.write(`\nrestoration: ${when ?? 'by route policy'}`)
  process.stdout.write(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; node ${process.version}\n`)
}
