/**
 * Put right the abbreviations OCR misreads in the small print of a list of
 * recipients (`Lưu: VI` → `Lưu: VT`, `TI. HĐND xã` → `TT. HĐND xã`,
 * `BCĐ CCHOC xã` → `BCĐ CCHC xã`), with the known abbreviations and the
 * misreadings of `grammars/abbreviations.json`.
 */
import {loadGrammar} from '../util/grammar.js'

/** One abbreviation put right. */
export interface AbbreviationRepair {
  from: string
  to: string
}

interface Tables {
  /** What a word in capitals looks like (the grammar's `word` rule). */
  word: RegExp
  known: Set<string>
  /** Letters that may have been read as other characters: `[letter, readings]`; `''`: a character OCR put in. */
  misread: Array<[string, string[]]>
}

let tables: Tables | undefined

function load(): Tables {
  if (!tables) {
    const grammar = loadGrammar('abbreviations')
    const data = grammar.data
    tables = {word: grammar.rule('word').regex, known: new Set(data.known), misread: Object.entries(data.misread)}
  }
  return tables
}

/** The known abbreviation `word` is a misreading of (by one character), or null. */
export function repairAbbreviation(word: string): string | null {
  const {word: capitals, known, misread} = load()
  if (known.has(word) || !capitals.test(word)) return null
  const chars = [...word]
  for (let i = 0; i < chars.length; i++) {
    for (const [letter, readings] of misread) {
      if (!readings.includes(chars[i])) continue
      // A character put in never stands first or last.
      if (letter === '' && (i === 0 || i === chars.length - 1)) continue
      const candidate = [...chars.slice(0, i), letter, ...chars.slice(i + 1)].join('')
      if (known.has(candidate)) return candidate
    }
  }
  return null
}

/** `item` with its misread abbreviations put right, and what changed. */
export function repairAbbreviations(item: string): {text: string; repairs: AbbreviationRepair[]} {
  const repairs: AbbreviationRepair[] = []
  const text = item.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const to = repairAbbreviation(word)
    if (to === null) return word
    repairs.push({from: word, to})
    return to
  })
  return {text, repairs}
}
