/**
 * `sohoa train CORPUS_DIR… --out MODEL`: build a diacritics model from corpus folders (every `.txt`
 * below them; about 10% of the documents held out by name) and single text files, with the OCR
 * channel from the shipped confusion counts plus any real OCR pairs given, and the marks channel
 * from the shipped marks counts.
 */
import {existsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {InvalidArgumentError, type Command} from 'commander'
import {UsageError} from '../../bulk/usage-error.js'
import {buildChannel, defaultConfusionsPath, defaultPairsWeight, readCounts, readPairs} from '../../diacritics/channel-sources.js'
import type {ChannelCounts, ChannelPair} from '../../diacritics/learn-channel.js'
import {defaultMarksPath, marksTableFromCounts, readMarksCounts} from '../../diacritics/marks-channel.js'
import {trainModel} from '../../diacritics/train-model.js'

const collect = (value: string, previous: string[]) => [...previous, value]

function ngramOrder(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 2 || n > 4) throw new InvalidArgumentError('expected 2, 3 or 4')
  return n
}

function positive(value: string): number {
  const n = Number(value)
  if (!(n > 0)) throw new InvalidArgumentError('expected a positive number')
  return n
}

/** Register `train` on the program. */
export function register(program: Command): void {
  program
    .command('train')
    .description('train a diacritics model from corpus folders and text files')
    .argument('<corpus...>', 'folders of .txt files (about 10% held out by name) or single .txt files')
    .requiredOption('-o, --out <model>', 'model file to write')
    .option('--order <n>', 'highest n-gram order, 2 to 4', ngramOrder, 4)
    .option('--confusions <file>', 'OCR confusion counts (JSON); default: the shipped ones, "none" for none')
    .option('--ocr-pairs <gold:read>', 'real OCR pairs: a gold text and an OCR reading whose first as many lines it transcribes (repeatable)', collect, [])
    .option('--ocr-pairs-weight <w>', 'how many times each real pair counts against the rendered ones', positive, defaultPairsWeight)
    .option('--marks <file>', 'marks confusion counts of the Vietnamese OCR model (JSON); default: the shipped ones, "none" for none')
    .action((corpus: string[], options: {out: string; order: number; confusions?: string; ocrPairs: string[]; ocrPairsWeight: number; marks?: string}) => {
      const {order, ocrPairsWeight: weight} = options
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
      const result = trainModel({inputs: corpus, order, channel, marks, log})
      writeFileSync(options.out, result.bytes)
      log(`wrote ${options.out}: ${(result.bytes.length / 1e6).toFixed(2)} MB, ${result.trained.length} files trained on, ${result.heldOut.length} held out`)
    })
}
