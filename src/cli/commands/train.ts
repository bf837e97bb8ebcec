/**
 * `sohoa train CORPUS_DIR… --out MODEL`: build a diacritics model from corpus folders (every `.txt`
 * below them; about 10% of the documents held out by name) and single text files.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {Command} from 'commander'
import type {ChannelTable} from '../../diacritics/channel-table.js'
import {trainModel} from '../../diacritics/train-model.js'

/** The OCR confusion statistics shipped with sohoa (derived by `scripts/ocr-pairs.ts`). */
export const defaultConfusionsPath = fileURLToPath(new URL('../../../models/ocr-confusions.json', import.meta.url))

/** Read a confusion table; throws naming the file. */
export function readConfusions(file: string): ChannelTable {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ChannelTable
  } catch (error) {
    throw new Error(`${file}: cannot read the OCR confusion table (${error instanceof Error ? error.message : String(error)})`)
  }
}

/** Register `train` on the program. */
export function register(program: Command): void {
  program
    .command('train')
    .description('train a diacritics model from corpus folders and text files')
    .argument('<corpus...>', 'folders of .txt files (about 10% held out by name) or single .txt files')
    .requiredOption('-o, --out <model>', 'model file to write')
    .option('--order <n>', 'highest n-gram order', '4')
    .option('--confusions <file>', 'OCR confusion table (JSON) to embed; default: the shipped one, "none" for none')
    .action((corpus: string[], options: {out: string; order: string; confusions?: string}) => {
      const order = Number(options.order)
      if (!Number.isInteger(order) || order < 2 || order > 5) throw new Error(`--order: expected 2..5, got ${options.order}`)
      let channel: ChannelTable | null = null
      if (options.confusions === undefined) {
        if (existsSync(defaultConfusionsPath)) channel = readConfusions(defaultConfusionsPath)
      } else if (options.confusions !== 'none') channel = readConfusions(options.confusions)
      const log = (line: string) => process.stderr.write(line + '\n')
      const result = trainModel({inputs: corpus, order, channel, log})
      writeFileSync(options.out, result.bytes)
      log(`wrote ${options.out}: ${(result.bytes.length / 1e6).toFixed(2)} MB, ${result.trained.length} files trained on, ${result.heldOut.length} held out`)
    })
}
