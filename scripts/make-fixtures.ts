/**
 * Regenerate the committed synthetic scans in `fixtures/generated/<name>/`:
 *
 *   npx tsx scripts/make-fixtures.ts            # all
 *   npx tsx scripts/make-fixtures.ts plan-small # one, by name
 *
 * Each fixture is small (a page or two, greyscale, 200 dpi, JPEG pages) for the OCR
 * tests. A text fixture's `source.txt` is cut from a seed by line range and
 * written next to it; a plan fixture's `plan.json` is kept as committed.
 * Output files: source, input.pdf, page-N.jpg, expected.json, truth.json, truth.txt.
 */
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeFixture, type FixtureOptions} from '../src/fixture/index.js'

/** One committed fixture. */
interface Recipe {
  name: string
  /** Text cut from a seed (1-based inclusive line range), or a committed plan JSON in the fixture folder. */
  source: {seed: string; lines: [number, number]} | {plan: string}
  options: FixtureOptions
  about: string
}

/** The committed fixtures. */
export const RECIPES: Recipe[] = [
  {
    name: 'decision-light',
    source: {seed: 'fixtures/seed-000/input.txt', lines: [1, 51]},
    options: {noise: 'light', seed: 1, dpi: 200, grey: true, pageFormat: 'jpeg'},
    about: 'seed 000, the decision: two-column header, title, bases, articles, Nơi nhận and signature with a stamp'
  },
  {
    name: 'appendix-light',
    source: {seed: 'fixtures/seed-000/input.txt', lines: [269, 283]},
    options: {noise: 'light', seed: 2, dpi: 200, grey: true, pageFormat: 'jpeg'},
    about: 'seed 000, the appendix: landscape ruled task table with wrapped cells and a group row (tasks 1–6)'
  },
  {
    name: 'plan-small',
    source: {plan: 'plan.json'},
    options: {noise: 'heavy', seed: 3, dpi: 200, grey: true, pageFormat: 'jpeg'},
    about: 'a plan JSON: Kế hoạch with sections, signature and stamp, and a five-task appendix; heavy noise'
  },
  {
    name: 'sample',
    source: {plan: 'plan.json'},
    options: {noise: 'light', seed: 7, dpi: 200, grey: true, pageFormat: 'jpeg'},
    about: 'the sample `npm start` parses: the plan of plan-small with light noise (two pages, five tasks)'
  }
]

const root = fileURLToPath(new URL('../', import.meta.url))

/** Make one fixture; returns the files written. */
export async function make(recipe: Recipe): Promise<string[]> {
  const dir = path.join(root, 'fixtures/generated', recipe.name)
  await mkdir(dir, {recursive: true})
  // Drop stale page images (a fixture may have had more pages before).
  for (const file of await readdir(dir).catch(() => [] as string[])) {
    if (/^page-\d+\.(?:png|jpg)$/.test(file)) await rm(path.join(dir, file))
  }
  let input: string
  if ('seed' in recipe.source) {
    const [from, to] = recipe.source.lines
    const text = (await readFile(path.join(root, recipe.source.seed), 'utf8')).split('\n').slice(from - 1, to).join('\n') + '\n'
    input = path.join(dir, 'source.txt')
    await writeFile(input, text)
  } else {
    input = path.join(dir, recipe.source.plan)
  }
  const {files} = await writeFixture(input, dir, recipe.options)
  return files
}

const wanted = process.argv.slice(2)
const recipes = RECIPES.filter((r) => wanted.length === 0 || wanted.includes(r.name))
if (recipes.length === 0) throw new Error(`no fixture named ${wanted.join(', ')} (have ${RECIPES.map((r) => r.name).join(', ')})`)
for (const recipe of recipes) {
  const files = await make(recipe)
  process.stdout.write(`${recipe.name}: ${files.map((f) => path.basename(f)).join(', ')}\n`)
}
