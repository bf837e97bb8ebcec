/**
 * Vietnamese letters as data: every vowel with its quality marks (ă â ê ô ơ ư)
 * and its tone, đ, and fast per-character lookups built once at load.
 *
 * Tones are numbered 0 (ngang, none), 1 (sắc ´), 2 (huyền `), 3 (hỏi ̉),
 * 4 (ngã ~), 5 (nặng ̣).
 */

/** A tone number: 0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5

/** The combining mark of each tone (index = tone number; none for 0). */
export const toneMarks = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const

/** Vowels without tone, with their quality marks, lowercase. */
export const baseVowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const

/** Vowels that carry a quality mark (they take the tone first). */
export const markedVowels = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư'])

/** What one character is, for the orthography. */
export interface LetterInfo {
  /** Lowercase letter without tone, with quality marks kept (`ấ` → `â`, `Đ` → `đ`). */
  base: string
  /** Lowercase ASCII letter without any mark (`ấ` → `a`, `đ` → `d`). */
  plain: string
  /** Tone carried by the character. */
  tone: Tone
  /** Whether the character is uppercase. */
  upper: boolean
  /** Whether the character is a vowel. */
  vowel: boolean
}

const table = new Map<string, LetterInfo>()
/** `toned[base][tone]` → lowercase composed character. */
const toned = new Map<string, string[]>()

for (const v of baseVowels) {
  const plain = v.normalize('NFD')[0]
  const forms: string[] = []
  for (let t = 0 as Tone; t <= 5; t = (t + 1) as Tone) {
    const lower = (v + toneMarks[t]).normalize('NFC')
    forms.push(lower)
    table.set(lower, {base: v, plain, tone: t, upper: false, vowel: true})
    table.set(lower.toUpperCase(), {base: v, plain, tone: t, upper: true, vowel: true})
  }
  toned.set(v, forms)
}
for (const c of 'bcdghklmnpqrstvxfjwz') {
  table.set(c, {base: c, plain: c, tone: 0, upper: false, vowel: false})
  table.set(c.toUpperCase(), {base: c, plain: c, tone: 0, upper: true, vowel: false})
}
table.set('đ', {base: 'đ', plain: 'd', tone: 0, upper: false, vowel: false})
table.set('Đ', {base: 'đ', plain: 'd', tone: 0, upper: true, vowel: false})

/** Info on a Vietnamese (or plain Latin) letter; undefined for anything else. */
export function letterInfo(char: string): LetterInfo | undefined {
  return table.get(char)
}

/** The lowercase character for `base` (a toneless vowel like `ô`) with `tone`. */
export function withTone(base: string, tone: Tone): string {
  const forms = toned.get(base)
  if (!forms) throw new Error(`not a vowel: ${base}`)
  return forms[tone]
}

/** Toned vowels that Latin-1 (and so an English OCR model) also has. */
const latin1Toned = new Set([...'áàãéèíìóòõúùý'].flatMap((c) => [c, c.toUpperCase()]))

/**
 * Whether `char` is a letter that an English OCR model does not produce: ă â đ ê ô ơ ư or a
 * vowel with a tone outside Latin-1 (`ả`, `ạ`, `ế`…). Such letters make up about a fifth of the
 * letters of real Vietnamese text and none of English-model OCR output.
 */
export function isVietnameseOnly(char: string): boolean {
  const info = table.get(char)
  if (info === undefined || (info.tone === 0 && info.base === info.plain)) return false
  return !latin1Toned.has(char)
}

/** Whether `char` carries a tone or a quality mark (or is đ). */
export function isMarked(char: string): boolean {
  const info = table.get(char)
  return info !== undefined && (info.tone !== 0 || info.base !== info.plain)
}

/** Remove every mark: tones, quality marks, đ → d (case kept). `Người` → `Nguoi`. */
export function stripMarks(text: string): string {
  let out = ''
  for (const ch of text) {
    const info = table.get(ch)
    if (info === undefined || (info.tone === 0 && info.base === info.plain)) out += ch
    else out += info.upper ? info.plain.toUpperCase() : info.plain
  }
  return out
}

/** Remove tones only, keep quality marks (case kept). `Người` → `Ngươi`. */
export function stripTones(text: string): string {
  let out = ''
  for (const ch of text) {
    const info = table.get(ch)
    if (info === undefined || info.tone === 0) out += ch
    else out += info.upper ? info.base.toUpperCase() : info.base
  }
  return out
}
