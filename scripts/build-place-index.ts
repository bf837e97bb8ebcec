/**
 * `npx tsx scripts/build-place-index.ts`: write `models/place-names.json`, the gazetteer's names
 * spelt as syllables by the letters of their first syllable, made from `data/`'s unit lists
 * (src/diacritics/place-index.ts). Run it after changing those lists: restoration then reads the
 * index instead of making it (a run with lists the file was not made from makes it itself).
 * Deterministic: the same lists give the same bytes.
 */
import {writeFileSync} from 'node:fs'
import {placeIndexFile, placeIndexPath} from '../src/diacritics/place-index.js'

const text = placeIndexFile()
writeFileSync(placeIndexPath, text)
process.stdout.write(`wrote ${placeIndexPath}: ${(text.length / 1e3).toFixed(0)} kB\n`)
