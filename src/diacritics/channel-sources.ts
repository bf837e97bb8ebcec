/**
 * Where the OCR channel comes from: counts derived from rendered pages
 * (`models/ocr-confusions.json`) and, optionally, real pairs: a gold text
 * and the OCR reading of the same lines.
 */
import {readFileSync} from 'node:fs'
import {wordPairs} from './align.js'
import type {ChannelTable} from './channel-table.js'
import {addCounts, learnCounts, tableFromCounts, type ChannelCounts, type ChannelPair} from './learn-channel.js'
import {fileSystemError} from '../read/read-error.js'
import {packagePath} from '../util/package-root.js'

/** The OCR confusion counts shipped with sohoa (derived by `scripts/ocr-confusions.ts`). */
export const defaultConfusionsPath = packagePath('models/ocr-confusions.json')

/** How many times a real OCR pair counts against a rendered one (chosen by 2-fold cross-validation on seed 002 lines 1–300). */
export const defaultPairsWeight = 10

/** Read a counts file (as written by `scripts/ocr-confusions.ts`); throws naming the file. */
export function readCounts(file: string): ChannelCounts {
  let counts: ChannelCounts
  try {
    counts = JSON.parse(readFileSync(file, 'utf8')) as ChannelCounts
  } catch (error) {
    throw new Error(`${file}: cannot read the OCR confusion counts (${error instanceof Error ? error.message : String(error)})`)
  }
  if (typeof counts.emissions !== 'object' || typeof counts.identity !== 'object') throw new Error(`${file}: not OCR confusion counts`)
  return counts
}

/**
 * Word pairs of a gold text and an OCR reading: the gold's lines against the reading's first as
 * many lines (the rest of the reading is never looked at). Throws naming an unreadable file.
 */
export function readPairs(goldFile: string, readFile: string): ChannelPair[] {
  const read = (file: string) => {
    try {
      return readFileSync(file, 'utf8').normalize('NFC').replace(/\r\n?/g, '\n')
    } catch (error) {
      throw fileSystemError(file, error)
    }
  }
  const gold = read(goldFile).replace(/\n$/, '').split('\n')
  const reading = read(readFile).split('\n').slice(0, gold.length)
  return wordPairs(gold.join('\n'), reading.join('\n'))
}

/**
 * The channel table from base counts and extra real pairs (learned starting from the base's
 * table, then pooled with the base, each pair counting `weight` times). Null without any source.
 */
export function buildChannel(base: ChannelCounts | null, pairs: ChannelPair[], weight: number, description: string): ChannelTable | null {
  if (pairs.length === 0) return base ? tableFromCounts(base) : null
  const extra = learnCounts(pairs, description, {base: base ?? undefined, weight})
  return tableFromCounts(base ? addCounts([{counts: base, weight: 1}, {counts: extra, weight}]) : extra)
}
