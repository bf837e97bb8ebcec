/**
 * Vietnamese orthography as code: split a syllable into onset, rhyme and
 * tone, tell valid syllables from the rest, and write a syllable back with
 * one tone-placement convention.
 *
 * Convention (output): the tone stands on the vowel with a quality mark
 * (ươ → ơ); else, when the syllable ends in a consonant, on the last vowel;
 * else on the first of two vowels and the middle of three. So `hòa`, `khỏe`,
 * `thủy`, `mùa`, `ngoài`, `hoàn`, `quý`, `người`: the spelling of the legal
 * corpus and of Nghị định 30/2020 (often called the "old" style; `hoà`,
 * `thuỷ` is the other one). Input in either style is read.
 */
import {letterInfo, markedVowels, stripMarks, withTone, type Tone} from './letters.js'
import {backOnsets, frontOnsets, onsets, rhymes, stopFinals} from './syllable-parts.js'

/** A syllable split into its parts (lowercase, toneless parts). */
export interface Syllable {
  /** Written onset: `ngh`, `qu`, `gi`, `đ`, … or `''`. */
  onset: string
  /** Written rhyme, toneless: `ươi`, `oanh`, `yêt`, … */
  rhyme: string
  tone: Tone
}

/** Split a lowercase toneless spelling (`người` → `ngươi`) into onset and rhyme; null when it is no syllable. */
function splitBase(base: string): {onset: string; rhyme: string} | null {
  for (const onset of onsets) {
    if (!base.startsWith(onset)) continue
    const rhyme = base.slice(onset.length)
    if (!rhymes.has(rhyme)) continue
    const first = rhyme[0]
    const front = first === 'i' || first === 'e' || first === 'ê' || first === 'y'
    if (frontOnsets.has(onset) && !(front && (onset === 'k' || first !== 'y'))) continue
    if (backOnsets.has(onset) && front) continue
    if (onset === 'g' && (first === 'e' || first === 'ê' || first === 'y')) continue
    if (onset === 'qu' && (first === 'u' || first === 'o')) continue
    if (onset === 'gi' && first === 'i') continue
    if (first === 'y' && rhyme.length > 1) {
      // `yê…` stands alone or after qu (yêu, quyết); other `y…` rhymes only after qu (quỳnh, quýt).
      if (rhyme.startsWith('yê') ? onset !== '' && onset !== 'qu' : onset !== 'qu') continue
    }
    if (onset === '' && rhyme.startsWith('iê')) continue
    return {onset, rhyme}
  }
  return null
}

/**
 * Split a syllable (any case, NFC, tone on any vowel) into onset, rhyme and tone; null when it is
 * not a valid Vietnamese syllable (foreign letters, impossible spelling, two tones, a stop final
 * with a tone other than sắc or nặng). Answers are remembered (the object returned is shared: do
 * not change it).
 */
export function decompose(syllable: string): Syllable | null {
  const cached = decomposed.get(syllable)
  if (cached !== undefined) return cached
  const out = decomposeUncached(syllable)
  if (decomposed.size >= memoSize) decomposed.clear()
  decomposed.set(syllable, out)
  return out
}

/** Entries of each memo of this module (a text repeats its words; cleared when full). */
const memoSize = 100_000
const decomposed = new Map<string, Syllable | null>()

function decomposeUncached(syllable: string): Syllable | null {
  let base = ''
  let tone: Tone = 0
  for (const ch of syllable) {
    const info = letterInfo(ch)
    if (info === undefined) return null
    if (info.tone !== 0) {
      if (tone !== 0) return null
      tone = info.tone
    }
    base += info.base
  }
  if (base === '' || base.length > 7) return null
  const parts = splitBase(base)
  if (parts === null) return null
  if (tone !== 1 && tone !== 5 && tone !== 0 && stopFinals.some((f) => parts.rhyme.endsWith(f))) return null
  return {onset: parts.onset, rhyme: parts.rhyme, tone}
}

/** Whether `word` is a valid Vietnamese syllable (any case, either tone-placement style). */
export function isValidSyllable(word: string): boolean {
  const s = decompose(word)
  if (s === null) return false
  if (s.tone === 0) return !stopFinals.some((f) => s.rhyme.endsWith(f))
  return true
}

/** Index, in `onset + rhyme`, of the vowel that carries the tone under the output convention. */
export function tonePosition(onset: string, rhyme: string): number {
  const vowels: number[] = []
  for (let i = 0; i < rhyme.length; i++) {
    if ('aăâeêioôơuưy'.includes(rhyme[i])) vowels.push(i)
    else if (vowels.length > 0) break
  }
  let at = -1
  for (const i of vowels) if (markedVowels.has(rhyme[i])) at = i
  if (at === -1) {
    const last = vowels[vowels.length - 1]
    const closed = last < rhyme.length - 1
    if (closed) at = last
    else if (vowels.length === 3) at = vowels[1]
    else at = vowels[0]
  }
  // `gi` + rhyme without a vowel of its own never happens (see splitBase), so `at` is found.
  return onset.length + at
}

/** Write a syllable from its parts, lowercase, with the output tone placement. */
export function compose(s: Syllable): string {
  const base = s.onset + s.rhyme
  if (s.tone === 0) return base
  const at = tonePosition(s.onset, s.rhyme)
  return base.slice(0, at) + withTone(base[at], s.tone) + base.slice(at + 1)
}

/** Whether `text` is an ASCII capital followed by ASCII lowercase letters (`Dieu`): title case, told without building strings. */
function isAsciiTitle(text: string): boolean {
  const first = text.charCodeAt(0)
  if (!(first >= 65 && first <= 90)) return false
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 97 || code > 122) return false
  }
  return true
}

/** Copy the case of `model` onto `word` character by character (same length), or title/upper case. */
export function applyCase(word: string, model: string): string {
  if (isAsciiTitle(model) && word !== '') return word[0].toUpperCase() + word.slice(1)
  if (model.toLowerCase() === model) return word
  const chars = [...model]
  const out = [...word]
  const upper = chars.filter((c) => c !== c.toLowerCase()).length
  if (upper === 0) return word
  if (upper === chars.length && chars.length > 1) return word.toUpperCase()
  if (chars.length === out.length) return out.map((c, i) => (chars[i] !== chars[i].toLowerCase() ? c.toUpperCase() : c)).join('')
  return chars[0] !== chars[0].toLowerCase() ? out[0].toUpperCase() + out.slice(1).join('') : word
}

/**
 * The canonical form of a syllable: same letters and case, tone moved to the output convention
 * (`hoà` → `hòa`, `THUỶ` → `THỦY`). Words that are not valid syllables come back unchanged.
 * Answers are remembered.
 */
export function canonical(word: string): string {
  let out = canonicalForms.get(word)
  if (out === undefined) {
    const s = decompose(word)
    out = s === null ? word : applyCase(compose(s), word)
    if (canonicalForms.size >= memoSize) canonicalForms.clear()
    canonicalForms.set(word, out)
  }
  return out
}

const canonicalForms = new Map<string, string>()

/** Every valid syllable (lowercase, output convention): the closed set of written Vietnamese syllables. */
export function allSyllables(): string[] {
  const out: string[] = []
  for (const onset of onsets) {
    for (const rhyme of rhymes) {
      for (let t = 0 as Tone; t <= 5; t = (t + 1) as Tone) {
        const word = compose({onset, rhyme, tone: t})
        const back = decompose(word)
        if (back !== null && back.onset === onset && back.rhyme === rhyme && isValidSyllable(word)) out.push(word)
      }
    }
  }
  return out
}

/**
 * The letters of every valid syllable once its marks are removed (`cac`, `nguoi`): what a
 * stripped text shows. Cheaper than stripping `allSyllables()` (no tones, no composing).
 */
export function syllableLetters(): string[] {
  const out = new Set<string>()
  for (const onset of onsets) {
    for (const rhyme of rhymes) {
      const parts = decompose(onset + rhyme)
      if (parts !== null && parts.onset === onset && parts.rhyme === rhyme) out.add(stripMarks(onset + rhyme))
    }
  }
  return [...out]
}
