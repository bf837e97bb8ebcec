/**
 * `sohoa train CORPUS_DIR… --out MODEL`: build a diacritics model from corpus folders (every `.txt`
 * below them; about 10% of the documents held out by name) and single text files, with the OCR
 * channel from the shipped confusion counts plus any real OCR pairs given, and the marks channel
 * from the shipped marks counts; beside the model, the OCR candidates of its commonest tokens searched
 * ahead of time (`x.bin` → `x.ocr.bin`, src/diacritics/candidate-table.ts).
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {InvalidArgumentError, type Command} from 'commander'
import {UsageError} from '../../bulk/usage-error.js'
import {fileSystemError} from '../../read/read-error.js'
import {candidateTableOf, candidateTablePath} from '../../diacritics/candidate-table.js'
import {buildChannel, defaultConfusionsPath, defaultPairsWeight, readCounts, readPairs} from '../../diacritics/channel-sources.js'
import type {ChannelCounts, ChannelPair} from '../../diacritics/learn-channel.js'
import {defaultMarksPath, marksTableFromCounts, readMarksCounts} from '../../diacritics/marks-channel.js'
import {placeSyllables} from '../../diacritics/places.js'
import {trainModel} from '../../diacritics/train-model.js'

const collect = (value: string, previous: string[]) => [...previous, value]

function ngramOrder(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 2 || n > 5) throw new InvalidArgumentError('expected 2 to 5')
  return n
}

function positive(value: string): number {
  const n = Number(value)
  if (!(n > 0)) throw new InvalidArgumentError('expected a positive number')
  return n
}

interface TrainCommandOptions {
  out: string
  weights?: string
  titles: string[]
  order: number
  minCounts?: string
  confusions?: string
  ocrPairs: string[]
  ocrPairsWeight: number
  marks?: string
}

/** Comma-separated positive integers; a usage error naming the option. */
function integers(list: string, option: string): number[] {
  const values = list.split(',').map((v) => Number(v.trim()))
  if (values.some((v) => !Number.isInteger(v) || v < 1)) throw new UsageError(`${option}: expected comma-separated positive integers, got ${list}`)
  return values
}

/** The `file` → `title` rows of a TSV source list (header line naming the columns); throws naming the file. */
function readTitles(file: string): Array<[string, string]> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw fileSystemError(file, error)
  }
  const [head, ...rows] = text.split('\n')
  const columns = head.split('\t')
  const fileColumn = columns.indexOf('file')
  const titleColumn = columns.indexOf('title')
  if (fileColumn < 0 || titleColumn < 0) throw new Error(`${file}: expected a header line with "file" and "title" columns`)
  const out: Array<[string, string]> = []
  for (const row of rows) {
    const cells = row.split('\t')
    const title = cells[titleColumn]?.trim()
    if (cells[fileColumn] && title) out.push([cells[fileColumn], title])
  }
  return out
}

/** Register `train` on the program. */
export function register(program: Command): void {
  program
    .command('train')
    .description('train a diacritics model from corpus folders and text files')
    .argument('<corpus...>', 'folders of .txt files (about 10% held out by name) or single .txt files')
    .requiredOption('-o, --out <model>', 'model file to write (and beside it, x.bin → x.ocr.bin, the OCR candidates of its commonest tokens searched ahead of time)')
    .option('--weights <list>', 'count weight of each corpus argument, in order, comma-separated integers 1–255 (domain weighting; default 1 each)')
    .option('--titles <file>', 'TSV with `file` and `title` columns naming documents of the corpus folders (near-duplicates by title; repeatable)', collect, [])
    .option('--order <n>', 'highest n-gram order, 2 to 5', ngramOrder, 4)
    .option('--min-counts <list>', 'smallest weighted count kept per order from 1, comma-separated (default 1,1,1,2)')
    .option('--confusions <file>', 'OCR confusion counts (JSON); default: the shipped ones, "none" for none')
    .option('--ocr-pairs <gold:read>', 'real OCR pairs: a gold text and an OCR reading whose first as many lines it transcribes (repeatable)', collect, [])
    .option('--ocr-pairs-weight <w>', 'how many times each real pair counts against the rendered ones', positive, defaultPairsWeight)
    .option('--marks <file>', 'marks confusion counts of the Vietnamese OCR model (JSON); default: the shipped ones, "none" for none')
    .action((corpus: string[], options: TrainCommandOptions) => {
      const {order, ocrPairsWeight: weight} = options
      const weights = options.weights === undefined ? undefined : integers(options.weights, '--weights')
      if (weights && weights.length !== corpus.length) throw new UsageError(`--weights: expected ${corpus.length} weights (one per corpus argument), got ${weights.length}`)
      const minCounts = options.minCounts === undefined ? undefined : integers(options.minCounts, '--min-counts')
      if (minCounts && minCounts.length !== order) throw new UsageError(`--min-counts: expected ${order} counts (one per order), got ${minCounts.length}`)
      const titles = new Map<string, string>()
      for (const file of options.titles) for (const [name, title] of readTitles(file)) titles.set(name, title)
      let base: ChannelCounts | null = null
      if (options.confusions === undefined) {
        if (existsSync(defaultConfusionsPath)) base = readCounts(defaultConfusionsPath)
      } else if (options.confusions !== 'none') base = readCounts(options.confusions)
      const pairs: ChannelPair[] = []
      for (const spec of options.ocrPairs) {
        const [gold, read] = spec.split(':')
        if (!gold || !read) throw new UsageError(`--ocr-pairs: expected GOLD:READ, got ${spec}`)
        pairs.push(...readPairs(gold, read))
      }
      const names = options.ocrPairs.map((spec) => spec.split(':').map((f) => path.basename(path.dirname(f)) + '/' + path.basename(f)).join(' vs '))
      const channel = buildChannel(base, pairs, weight, `real OCR pairs: ${names.join(', ')}`)
      const log = (line: string) => process.stderr.write(line + '\n')
      const marksFile = options.marks ?? (existsSync(defaultMarksPath) ? defaultMarksPath : 'none')
      const marks = marksFile === 'none' ? null : marksTableFromCounts(readMarksCounts(marksFile))
      const extraVocabulary = placeSyllables()
      const result = trainModel({inputs: corpus, weights, titles, extraVocabulary, order, minCounts, channel, marks, log})
      writeFileSync(options.out, result.bytes)
      log(`wrote ${options.out}: ${(result.bytes.length / 1e6).toFixed(2)} MB, ${result.trained.length} files trained on, ${result.heldOut.length} held out`)
      // The OCR candidates of the commonest tokens, searched ahead of time (src/diacritics/candidate-table.ts).
      const table = candidateTableOf(result.bytes, options.out)
      if (table) {
        writeFileSync(candidateTablePath(options.out), table)
        log(`wrote ${candidateTablePath(options.out)}: ${(table.length / 1e6).toFixed(2)} MB of OCR candidates searched ahead of time`)
      }
    })
}
