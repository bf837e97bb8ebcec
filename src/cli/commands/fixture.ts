/**
 * `sohoa fixture INPUT --out DIR`: make a synthetic scan (image-only PDF and
 * page PNGs) of a document text or a plan JSON, with its expected JSON.
 */
import {InvalidArgumentError, type Command} from 'commander'
import {checkOutputFolder} from '../../bulk/output-places.js'
import {NOISE_LEVELS, type NoiseLevel} from '../../fixture/noise-levels.js'

function integer(name: string) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be an integer`)
    return Number(value)
  }
}

function noiseLevel(value: string): NoiseLevel {
  if (!(NOISE_LEVELS as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${NOISE_LEVELS.join(', ')}`)
  return value as NoiseLevel
}

function pageFormat(value: string): 'png' | 'jpeg' {
  if (value !== 'png' && value !== 'jpeg') throw new InvalidArgumentError('expected png or jpeg')
  return value
}

/** Register `fixture` on the program. */
export function register(program: Command): void {
  program
    .command('fixture')
    .description('make a synthetic scan (input.pdf, page-N.png) and its expected.json from a document text or a plan JSON')
    .argument('<input>', 'document text (like the seeds) or plan JSON (the output contract)')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('--noise <level>', `noise: ${NOISE_LEVELS.join('|')}`, noiseLevel, 'light' as NoiseLevel)
    .option('--seed <n>', 'seed of the noise (same seed, same bytes)', integer('seed'), 1)
    .option('--dpi <n>', 'resolution of the page images', integer('dpi'), 300)
    .option('--grey', 'greyscale pages (smaller files)', false)
    .option('--page-format <format>', 'page images: png, or jpeg (the scan\'s own JPEG, smaller)', pageFormat, 'png' as 'png' | 'jpeg')
    .action(async (input: string, options: {out: string; noise: NoiseLevel; seed: number; dpi: number; grey: boolean; pageFormat: 'png' | 'jpeg'}) => {
      await checkOutputFolder(options.out, '--out')
      // The generator (pdf-lib, fonts) is loaded only when it runs: other commands start without it.
      const {writeFixture} = await import('../../fixture/index.js')
      const {fixture, files} = await writeFixture(input, options.out, options)
      process.stdout.write(`${fixture.pages.length} page(s), ${files.length} files in ${options.out}\n`)
    })
}
