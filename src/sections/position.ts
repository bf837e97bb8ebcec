/**
 * A signer's position line (`PHÓ CHỦ TỊCH`) as OCR read it under a seal or
 * a signature: marks lost, a letter off (`PHO CHỦ TịcH`, `PHÓ CHỦ TỊC]`).
 * A short line in capitals that is one of the positions of
 * `grammars/header.json` (`data.positions`) but for its marks and a letter
 * or two is that position.
 */
import {distance} from 'fastest-levenshtein'
import {stripMarks} from '../vietnamese/letters.js'
import {loadGrammar} from '../util/grammar.js'

/** Letters only, upper case, without marks (Đ stays apart from D). */
function fold(text: string): string {
  return stripMarks(text.toUpperCase()).replace(/[^\p{L}]+/gu, ' ').trim()
}

/**
 * The position `text` is, written as the grammar writes it, or null. A line OCR ran on into the
 * signature's scrawl (`PHO CHỦ TịcH wuaw—`) is the position when its words but the last one or two
 * are, and those are no capitals (a second position line, `UBND TỈNH`, is not scrawl).
 */
export function matchPosition(text: string): string | null {
  const whole = matchWhole(text)
  if (whole) return whole
  const words = text.trim().split(/\s+/u)
  for (let cut = 1; cut <= 2 && cut < words.length; cut++) {
    const rest = words.slice(-cut)
    if (rest.some((w) => /\p{Lu}{2}/u.test(w))) break
    const found = matchWhole(words.slice(0, -cut).join(' '))
    if (found) return found
  }
  return null
}

function matchWhole(text: string): string | null {
  const letters = text.match(/\p{L}/gu) ?? []
  if (letters.length < 5 || letters.length > 30) return null
  // A line in capitals: OCR may lower a letter or two, not most of them.
  if (letters.filter((l) => l === l.toUpperCase()).length < 0.6 * letters.length) return null
  const folded = fold(text)
  let best: string | null = null
  let bestDistance = Infinity
  for (const {position, target} of foldedPositions()) {
    const d = distance(folded, target)
    if (d <= (target.length <= 8 ? 1 : 2) && d < bestDistance) {
      best = position
      bestDistance = d
    }
  }
  return best
}

let positions: Array<{position: string; target: string}> | undefined

/** The positions of the grammar, each with its folded form (made once: they depend on the grammar only). */
function foldedPositions(): Array<{position: string; target: string}> {
  positions ??= (loadGrammar('header').data.positions as string[]).map((position) => ({position, target: fold(position)}))
  return positions
}
