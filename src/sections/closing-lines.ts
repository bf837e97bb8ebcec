/**
 * Lines of the closing block as OCR reads them in small print and under a
 * signature: the `Nơi nhận:` heading with a letter off (`Xơi nhận:`,
 * `Nơi nhậm:`), or lost altogether (then the list still ends with the
 * filed copy, `- Lưu: VT, …`), the signer's name after the scribble of
 * the signature (`1/07 72297 Leak—— - Trần Hoàng Tuấn`) or before a speck
 * (`Trần Ngọc Căng 3`), and the authority line under a seal (`K1. CHU 1JCH`
 * for `KT. CHỦ TỊCH`).
 */
import {distance} from 'fastest-levenshtein'
import {stripMarks} from '../vietnamese/letters.js'
import {loadGrammar} from '../util/grammar.js'
import {itemBullet} from './markers.js'
import {isNameSyllable, surnameFromTail} from './person-name.js'

/** Whether `text` is the `Nơi nhận:` heading but for a letter or two OCR got wrong. */
export function isRecipientsHeadingLike(text: string): boolean {
  const match = /^(\S{2,5})\s+(\S{3,6}?)\s*[:;.]?\s*-?\s*$/u.exec(text.trim())
  if (!match) return false
  const folded = stripMarks(`${match[1]} ${match[2]}`.toLowerCase()).replace(/[^a-zđ ]/gu, '')
  return distance(folded, 'noi nhan') <= 2
}

/** The filed copy, the last item of a list of recipients (`- Lưu: VT, TTHC.`). */
export function isFiledCopy(text: string): boolean {
  return /^Lưu\s*[:;.,]/u.test(text.replace(itemBullet, ''))
}

/**
 * The person's name a line ends with, after noise the signature left (`1/07 Leak—— - Trần Hoàng
 * Tuấn`): two to four capitalised syllables, the first a known surname. Null when the line has no
 * such end, or is the name alone.
 */
export function nameAtEnd(text: string): string | null {
  const match = /(?:^|[\s\-–—.,:;'`])((?:[\p{Lu}][\p{Ll}]+)(?:\s+[\p{Lu}][\p{Ll}]+){1,3})[.,'`]?\s*$/u.exec(text)
  if (!match || match.index === 0) return null
  const name = match[1]
  const surnames = loadGrammar('person-names').data.surnames as Record<string, number>
  if (!(name.split(/\s+/u)[0] in surnames)) return null
  // The noise before it: no word of Vietnamese prose (a lower-case syllable of two letters or more).
  const before = text.slice(0, match.index + match[0].indexOf(name))
  if (/(?:^|\s)\p{Ll}{2,}(?:\s|$)/u.test(before) && /\p{Ll}{2,}\s+\p{Ll}{2,}/u.test(before)) return null
  // A scrap in lower case right before it is the head of the name the stroke took (`am Văn Nam`): the name is not whole.
  if (/(?:^|\s)\p{Ll}{1,4}\s+$/u.test(before)) return null
  return name
}

/** A signer's name: two to five capitalised syllables. */
const namePattern = /^(?:[\p{Lu}][\p{Ll}]+)(?:\s+[\p{Lu}][\p{Ll}]+){1,4}$/u

/**
 * The signer's name a line holds between the noise a signature or a seal leaves around it: after
 * a scribble (`nameAtEnd`), before a speck or two (`Trần Ngọc Căng 3`, `Phạm Văn Nam ⁄`: pieces of
 * no more than two characters, no two letters in a row, not a capital alone), after a rank or
 * title (`Thiếu tướng Trương Minh Đương`: `splitRank`). The first syllable must be a known
 * surname. Null when the line holds no such name.
 */
export function signerName(text: string): string | null {
  const tokens = splitRank(text).rest.split(/\s+/u)
  let end = tokens.length
  // Up to two specks after the name.
  while (end > 2 && tokens.length - end < 2 && isSpeck(tokens[end - 1])) end--
  const kept = tokens.slice(0, end).join(' ').replace(/[.,'`]$/u, '')
  const surnames = loadGrammar('person-names').data.surnames as Record<string, number>
  if (namePattern.test(kept) && kept.split(/\s+/u)[0] in surnames) return kept
  return nameWithLostHead(kept) ?? nameAtEnd(kept)
}

/**
 * A name whose surname lost its first letters to the stroke of the signature (`rân Ngọc Căng`,
 * `ạ m Trường Thọ`): a scrap in lower case that only one known surname ends, then one to three
 * capitalised syllables of a name (one at least a known middle or given name, a rare given name
 * like `Căng` may follow). The whole line is the name.
 */
function nameWithLostHead(text: string): string | null {
  const match = /^(\p{Ll}{1,4}(?:\s\p{Ll}{1,2})?)\s+((?:[\p{Lu}][\p{Ll}]+)(?:\s+[\p{Lu}][\p{Ll}]+){0,2})$/u.exec(text.trim())
  if (!match) return null
  const rest = match[2].split(/\s+/u)
  if (!rest.some(isNameSyllable) || !rest.every((r) => [...r].length <= 7)) return null
  const surname = surnameFromTail(match[1])
  return surname ? `${surname} ${match[2]}` : null
}

/** A speck: a piece of one or two characters without two letters in a row (`3`, `'`, `⁄a`). */
function isSpeck(token: string): boolean {
  return [...token].length <= 2 && !/\p{L}{2}/u.test(token) && !/^\p{Lu}$/u.test(token)
}

/** Authorities of a signature block (Nghị định 30/2020, Phụ lục I): on behalf of (TM.), deputy (KT.), by order (TL.), by authorisation (TUQ.), acting (Q.). */
const AUTHORITIES = ['TM', 'KT', 'TL', 'TUQ', 'Q'] as const

/** Glyphs OCR confuses in capitals under a seal: a substitution inside a group costs less than a letter off. */
const CONFUSABLE = ['1IlLT|!JÍÌ', '0OQDƠÔ', '5S', '8B', '2Z', '6G', 'UƯ', 'AĂÂ', 'EÊ']
const confusionGroup = new Map<string, number>()
CONFUSABLE.forEach((group, i) => {
  for (const c of group) confusionGroup.set(c, i)
})

/** Edit distance where a substitution between confusable glyphs costs 0.4. */
function confusableDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  let previous = Array.from({length: y.length + 1}, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    for (let j = 1; j <= y.length; j++) {
      const same = x[i - 1] === y[j - 1]
      const group = confusionGroup.get(x[i - 1])
      const cost = same ? 0 : group !== undefined && group === confusionGroup.get(y[j - 1]) ? 0.4 : 1
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost))
    }
    previous = row
  }
  return previous[y.length]
}

/** Capitals without tone marks, other signs dropped, spaces kept single (`K1. CHU 1JCH` → `K1 CHU 1JCH`). */
function foldCaps(text: string): string {
  return stripMarks(text.toUpperCase())
    .replace(/[^\p{L}\p{N}|!]+/gu, ' ')
    .trim()
}

/** What an authority line says: the authority (`KT.`) and what it stands for (`CHỦ TỊCH`). */
export interface AuthorityLine {
  authority: 'TM.' | 'KT.' | 'TL.' | 'TUQ.' | 'Q.'
  on: string
}

/**
 * The authority line OCR garbled under a seal or a signature (`K1. CHU 1JCH`): the line
 * `<authority>. <on>` it is but for a few glyphs, `on` one of the positions or bodies of
 * `grammars/header.json`. The position under it settles a close call: a deputy (`PHÓ CHỦ TỊCH`)
 * signs for his chief (`KT. CHỦ TỊCH`). A short line, mostly capitals, with a dot after its first
 * piece; null when no reading is clearly the nearest.
 */
export function garbledAuthority(text: string, positionBelow: string | null): AuthorityLine | null {
  const trimmed = text.trim()
  if (!/^\S{1,4}\s*\.\s*\S/u.test(trimmed) || trimmed.length > 40) return null
  const letters = trimmed.match(/\p{L}/gu) ?? []
  if (letters.length < 5 || letters.filter((l) => l === l.toUpperCase()).length < 0.7 * letters.length) return null
  const header = loadGrammar('header').data as {positions: string[]; signatureBodies: string[]}
  const ons = [...new Set([...header.positions.filter((p) => !p.startsWith('PHÓ ')), ...header.signatureBodies])]
  const folded = foldCaps(trimmed)
  const expected = positionBelow?.startsWith('PHÓ ') ? foldCaps(`KT ${positionBelow.slice(4)}`) : null
  const scored = AUTHORITIES.flatMap((authority) => ons.map((on) => ({authority, on, target: foldCaps(`${authority} ${on}`)})))
    .map((c) => ({...c, cost: confusableDistance(folded, c.target)}))
    .sort((a, b) => a.cost - b.cost)
  const [best, second] = scored
  const allowed = (c: (typeof scored)[number]) => c.cost <= 0.25 * [...c.target].length
  // The deputy's chief: a looser bound, the position below says what to expect.
  const fits = (c: (typeof scored)[number]) => expected !== null && c.target === expected && c.cost <= 0.4 * [...c.target].length
  const pick = fits(best) ? best : allowed(best) && (!second || second.cost - best.cost > 0.99) ? best : scored.find(fits)
  return pick ? {authority: `${pick.authority}.` as AuthorityLine['authority'], on: pick.on} : null
}

/** A rank or title before a signer's name (`grammars/header.json` `data.ranks`), and the rest of the line. */
export function splitRank(text: string): {rank: string | null; rest: string} {
  const trimmed = text.trim()
  for (const {rank, pattern} of rankPatterns()) {
    const match = pattern.exec(trimmed)
    if (match) return {rank, rest: trimmed.slice(match[0].length)}
  }
  return {rank: null, rest: trimmed}
}

let ranks: Array<{rank: string; pattern: RegExp}> | undefined

/** Each rank of the grammar and the pattern of a line it starts (made once: they depend on the grammar only). */
function rankPatterns(): Array<{rank: string; pattern: RegExp}> {
  ranks ??= (loadGrammar('header').data.ranks as string[]).map((rank) => {
    // OCR may lower or raise the first letter, and lose the space after a title's dot (`TS.Nguyễn`).
    const head = `[${rank[0].toLowerCase()}${rank[0].toUpperCase()}]`
    return {rank, pattern: new RegExp(`^${head}${rank.slice(1).replace(/\./gu, '\\.\\s*').replace(/\s+/gu, '\\s+')}\\s*(?=\\p{Lu})`, 'u')}
  })
  return ranks
}

/** A bare authority line: the authority alone, what it stands for on the next line (`TL.` / `BỘ TRƯỞNG`). */
export const bareAuthority = /^[.,:;'`·\s]*(?<authority>TM|KT|TL|TUQ|Q)\s*\.\s*$/u
