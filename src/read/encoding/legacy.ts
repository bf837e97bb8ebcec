/**
 * The legacy Vietnamese encodings of the 1990s–2000s, TCVN3 (ABC, fonts
 * `.VnTime`, `.VnArial` …) and VNI-Windows (fonts `VNI-Times` …), as they
 * reach us: bytes read as Windows-1252, which is how Word stores the text of
 * a run in such a font, how a PDF text layer without a Unicode map reads,
 * and how we read a text file byte by byte. The tables are data
 * (`data/encodings/*.json`, with examples that run as tests).
 */
import {readFileSync} from 'node:fs'
import {memoize} from '../../util/memoize.js'
import {packageRoot} from '../../util/package-root.js'

/** A legacy encoding we convert from. */
export type LegacyEncoding = 'tcvn3' | 'vni'

/** The legacy encodings, in the order they are tried. */
export const legacyEncodings: readonly LegacyEncoding[] = ['tcvn3', 'vni']

/** A conversion table as written in `data/encodings/`. */
export interface LegacyTableSource {
  name: LegacyEncoding
  description: string
  /** Font names (pattern, case kept) whose text is in this encoding. */
  fonts: string
  /** Font names (pattern, case kept) that draw lowercase codes as capitals (`.VnTimeH`). */
  capitalFonts?: string
  /** TCVN3: byte (hex) → Unicode. */
  characters?: Record<string, string>
  /** TCVN3: the capitals VN2 adds (byte → Unicode). */
  vn2?: Record<string, string>
  /** VNI: a letter and its mark, as Windows-1252 characters → Unicode. */
  sequences?: Record<string, string>
  /** Legacy text (as Windows-1252 characters) and its Unicode: run as tests. */
  examples: Array<{legacy: string; unicode: string}>
}

interface LegacyTable {
  source: LegacyTableSource
  fonts: RegExp
  capitalFonts: RegExp | undefined
  /** Single characters (TCVN3 bytes; VNI letters standing alone) → Unicode. */
  single: Map<string, string>
  /** VNI: two-character sequences → Unicode. */
  pairs: Map<string, string>
}

const dataFolder = new URL('data/encodings/', packageRoot)
const tables = new Map<LegacyEncoding, LegacyTable>()

/** The table of `encoding` as written (for tests and docs). */
export function legacyTableSource(encoding: LegacyEncoding): LegacyTableSource {
  return tableOf(encoding).source
}

function tableOf(encoding: LegacyEncoding): LegacyTable {
  let table = tables.get(encoding)
  if (table) return table
  const source = JSON.parse(readFileSync(new URL(`${encoding}.json`, dataFolder), 'utf8')) as LegacyTableSource
  const single = new Map<string, string>()
  const pairs = new Map<string, string>()
  for (const [hex, ch] of Object.entries({...source.characters, ...source.vn2})) single.set(String.fromCharCode(parseInt(hex, 16)), ch)
  for (const [sequence, ch] of Object.entries(source.sequences ?? {})) {
    if ([...sequence].length === 1) single.set(sequence, ch)
    else pairs.set(sequence, ch)
  }
  table = {
    source,
    fonts: new RegExp(source.fonts, 'u'),
    capitalFonts: source.capitalFonts ? new RegExp(source.capitalFonts, 'u') : undefined,
    single,
    pairs
  }
  tables.set(encoding, table)
  return table
}

/** The legacy encoding a font's text is in (from its name), and whether it draws capitals only. */
export function legacyFont(font: string | undefined): {encoding: LegacyEncoding; capitals: boolean} | undefined {
  return font ? fontOf(font) : undefined
}

/** `legacyFont` of a named font, remembered (a document names few fonts, on every run). */
const fontOf = memoize((font: string): {encoding: LegacyEncoding; capitals: boolean} | undefined => {
  const name = font.replace(/^[A-Z]{6}\+/u, '').trim()
  let found: {encoding: LegacyEncoding; capitals: boolean} | undefined
  for (const encoding of legacyEncodings) {
    const table = tableOf(encoding)
    if (table.fonts.test(name)) {
      found = {encoding, capitals: table.capitalFonts?.test(name) ?? false}
      break
    }
  }
  return found
}, 1000)

/** Symbol-font characters (U+F000–U+F0FF, as Word stores the text of a symbol-charset font) as the byte's Windows-1252 character. */
function unSymbol(text: string): string {
  return text.replace(/[\uf020-\uf0ff]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf000))
}

/**
 * Convert text in `encoding` (its bytes as Windows-1252 characters) to
 * Unicode (NFC). `capitals`: the text was drawn in a capitals-only font
 * (`.VnTimeH`), so it is upper-cased.
 */
export function fromLegacy(text: string, encoding: LegacyEncoding, options: {capitals?: boolean} = {}): string {
  const table = tableOf(encoding)
  const chars = [...unSymbol(text)]
  let out = ''
  for (let i = 0; i < chars.length; i++) {
    if (i + 1 < chars.length && table.pairs.size > 0) {
      // The mark in the case of its letter: typists mix them (`Uûy` for `UÛy`).
      const base = chars[i]
      const mark = base === base.toLowerCase() ? chars[i + 1].toLowerCase() : chars[i + 1].toUpperCase()
      const pair = table.pairs.get(base + mark)
      if (pair !== undefined) {
        out += pair
        i++
        continue
      }
    }
    out += table.single.get(chars[i]) ?? chars[i]
  }
  out = out.normalize('NFC')
  return options.capitals ? out.toLocaleUpperCase('vi') : out
}
