/**
 * `npx tsx scripts/build-ocr-candidates.ts [MODEL]`: write the OCR candidates searched ahead of
 * time for a model file (default: the shipped `models/diacritics.bin` → `models/diacritics.ocr.bin`),
 * as `sohoa train` does after writing a model (src/diacritics/candidate-table.ts). Deterministic:
 * the same model gives the same bytes.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {candidateTableOf, candidateTablePath} from '../src/diacritics/candidate-table.js'
import {defaultModelPath} from '../src/diacritics/load-model.js'

const model = process.argv[2] ?? defaultModelPath
const table = candidateTableOf(readFileSync(model), model)
if (table === null) throw new Error(`${model}: the model has no OCR channel`)
writeFileSync(candidateTablePath(model), table)
process.stdout.write(`wrote ${candidateTablePath(model)}: ${(table.length / 1e6).toFixed(2)} MB\n`)
