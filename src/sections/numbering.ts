/**
 * Check the numbering of sibling sections: gaps, duplicates and order
 * (I, II, III; 1, 2, 3; 1.1, 1.2; a, b, c, d, đ, e (or Latin a–f); (1), (2)).
 * Problems are reported, never fatal.
 */
import type {VFile} from 'vfile'
import type {Section} from '../tree/types.js'
import {loadGrammar} from '../util/grammar.js'
import type {RuleOf} from '../rules/registry.js'
import {report} from '../rules/report.js'

/** Report numbering problems among the `sections` (siblings, in order). */
export function checkNumbering(sections: Section[], file: VFile): void {
  const byKind = new Map<string, Section[]>()
  for (const section of sections) {
    if (section.kind === 'dash' || section.kind === 'plus') continue
    const list = byKind.get(section.kind) ?? []
    list.push(section)
    byKind.set(section.kind, list)
  }
  for (const list of byKind.values()) {
    for (let i = 1; i < list.length; i++) {
      const place = list[i].position
      if (list[i].kind === 'letter' && lettersFollow(list[i - 1].marker, list[i].marker)) continue
      const previous = ordinal(list[i - 1])
      const current = ordinal(list[i])
      if (previous === null || current === null) continue
      if (current === previous) {
        warn(file, `Duplicate section number \`${list[i].marker}\` after \`${list[i - 1].marker}\``, place, 'numbering-duplicate')
      } else if (current < previous) {
        warn(file, `Section \`${list[i].marker}\` comes after \`${list[i - 1].marker}\``, place, 'numbering-order')
      } else if (current > previous + 1) {
        warn(file, `Gap in numbering: \`${list[i - 1].marker}\` is followed by \`${list[i].marker}\``, place, 'numbering-gap')
      }
    }
  }
}

/** The position of a section in its sequence (1-based), or null when unknown. */
export function ordinal(section: Pick<Section, 'kind' | 'marker'>): number | null {
  const label = section.marker.replace(/[.()]/g, (c) => (c === '.' ? '.' : '')).replace(/\.$/, '')
  switch (section.kind) {
    case 'roman':
      return romanValue(label)
    case 'arabic':
    case 'paren':
      return Number(label)
    case 'dotted':
      return Number(label.split('.').pop())
    case 'letter': {
      const letter = section.marker.charAt(0)
      const data = loadGrammar('headings').data
      const vietnamese = data.letters.indexOf(letter)
      return vietnamese >= 0 && letter !== 'f' ? vietnamese + 1 : latinIndex(letter, data.latinLetters)
    }
    default:
      return null
  }
}

/** Roman numeral value (I…XXXIX), or null. */
export function romanValue(text: string): number | null {
  const values: Record<string, number> = {I: 1, V: 5, X: 10, L: 50}
  let total = 0
  for (let i = 0; i < text.length; i++) {
    const value = values[text[i]]
    if (value === undefined) return null
    const next = values[text[i + 1]] ?? 0
    total += value < next ? -value : value
  }
  return total
}

/** Does letter marker `b` follow `a` in the Vietnamese or the Latin sequence? */
function lettersFollow(a: string, b: string): boolean {
  const data = loadGrammar('headings').data
  const [x, y] = [a.charAt(0), b.charAt(0)]
  return [data.letters, data.latinLetters].some((seq) => seq.indexOf(x) >= 0 && seq[seq.indexOf(x) + 1] === y)
}

function latinIndex(letter: string, latin: string[]): number | null {
  const index = latin.indexOf(letter)
  return index < 0 ? null : index + 1
}

function warn(file: VFile, reason: string, place: Section['position'], ruleId: RuleOf<'sections'>): void {
  report(file, ruleId, reason, {place})
}
