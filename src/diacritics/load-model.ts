/**
 * Load a diacritics model file once per path (lazily, on first use) and
 * bundle what restoration needs from it.
 */
import {readFileSync} from 'node:fs'
import {candidateTablePath, readCandidateTable} from './candidate-table.js'
import {StrippedIndex} from './candidates.js'
import {Channel, type ChannelCandidate} from './channel.js'
import {LanguageModel} from './language-model.js'
import type {MarksTable} from './marks-channel.js'
import {readModel} from './model-file.js'
import {packagePath} from '../util/package-root.js'

/** The model shipped with sohoa: `models/diacritics.bin` at the package root. */
export const defaultModelPath = packagePath('models/diacritics.bin')

/** A loaded model with its candidate indexes. */
export interface Restorer {
  path: string
  model: LanguageModel
  stripped: StrippedIndex
  /** The OCR channel, when the model has a confusion table (else OCR mode only restores marks). */
  channel: Channel | null
  /** The marks channel, when the model has one (else `marks` mode leaves text as it is). */
  marks: MarksTable | null
  /** OCR candidates already searched, by lowercase token. */
  ocrCache: Map<string, ChannelCandidate[]>
  /** Milliseconds the load took. */
  loadMs: number
}

const cache = new Map<string, Restorer>()

/** Load (or return the already loaded) model at `path` (default: the shipped model); throws naming the file. */
export function loadModel(path: string = defaultModelPath): Restorer {
  const cached = cache.get(path)
  if (cached) return cached
  const started = performance.now()
  let bytes: Uint8Array
  try {
    bytes = readFileSync(path)
  } catch (error) {
    throw new Error(`${path}: cannot read the diacritics model (${error instanceof Error ? error.message : String(error)})`)
  }
  const model = new LanguageModel(readModel(bytes, path))
  const table = model.header.channel
  // The answers searched ahead of time beside the model file (`x.ocr.bin`), read on the first OCR search.
  const channel = table ? new Channel(table, model, () => readCandidateTable(candidateTablePath(path), model, table)) : null
  const stripped = new StrippedIndex(model, () => channel?.trieAtHand ?? null)
  const restorer: Restorer = {path, model, stripped, channel, marks: model.header.marks ?? null, ocrCache: new Map(), loadMs: 0}
  restorer.loadMs = performance.now() - started
  cache.set(path, restorer)
  return restorer
}
