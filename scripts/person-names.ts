/**
 * `npx tsx scripts/person-names.ts CORPUS_DIR… [--out grammars/person-names.json]`:
 * count the syllables of Vietnamese personal names by their place (surname,
 * middle, given name) in a corpus of texts, for the signer's name check
 * (`src/sections/person-name.ts`). Only counts are written, never text.
 *
 * A name is taken where a text writes one for sure: a line that is a name
 * alone (a signature block) or a name after `ông`, `bà`, `đồng chí`. It
 * starts with one of the surnames listed in the output file's `surnames`
 * seed (kept), and every syllable is a valid syllable. Each distinct full
 * name counts once, however often a text repeats it.
 */
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {isValidSyllable} from '../src/vietnamese/orthography.js'

const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const out = outIndex >= 0 ? args[outIndex + 1] : 'grammars/person-names.json'
const dirs = args.filter((a, i) => a !== '--out' && i !== outIndex + 1)
if (dirs.length === 0) throw new Error('usage: tsx scripts/person-names.ts CORPUS_DIR… [--out FILE]')

const existing = JSON.parse(readFileSync(out, 'utf8')) as {data: {surnameSeed: string[]}; [key: string]: unknown}
const seed = existing.data.surnameSeed
const syllable = '[\\p{Lu}][\\p{Ll}]+'
const name = `(?:${seed.join('|')})(?: ${syllable}){1,3}`
const alone = new RegExp(`^((?:${seed.join('|')})(?: ${syllable}){2,3})$`, 'u')
const titled = new RegExp(`(?:^|[\\s(])(?:ông|bà|Ông|Bà|đồng chí|Đồng chí)\\s+(${name})(?=$|[\\s,.;:)])`, 'gu')

const names = new Set<string>()
for (const dir of dirs) {
  const files = statSync(dir).isDirectory() ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => path.join(dir, f)) : [dir]
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const text = line.trim()
      const whole = alone.exec(text)
      if (whole) names.add(whole[1])
      for (const match of text.matchAll(titled)) names.add(match[1])
    }
  }
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
const surnames = new Map<string, number>()
const middle = new Map<string, number>()
const given = new Map<string, number>()
let kept = 0
for (const full of names) {
  const parts = full.split(' ')
  if (!parts.every((p) => isValidSyllable(p.toLowerCase()))) continue
  kept++
  count(surnames, parts[0])
  for (const p of parts.slice(1, -1)) count(middle, p)
  count(given, parts[parts.length - 1])
}
const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
const data = {...existing.data, names: kept, surnames: sorted(surnames), middle: sorted(middle), given: sorted(given)}
writeFileSync(out, JSON.stringify({...existing, data}, null, 2) + '\n')
process.stdout.write(`${kept} distinct names: ${surnames.size} surnames, ${middle.size} middle names, ${given.size} given names → ${out}\n`)
