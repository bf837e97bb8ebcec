/**
 * Word's list numbering (`word/numbering.xml`) rendered as Word shows it:
 * the "I.", "1.", "1.1.", "a)" labels of auto-numbered paragraphs are not in
 * the text runs, and without them a plan's section tree collapses.
 *
 * A `w:num` points at a `w:abstractNum` (possibly through a numbering
 * style); counters live on the abstract definition, so `w:num`s sharing
 * one continue each other's sequence, as in Word; a `w:num`'s
 * `w:startOverride` restarts its level where that `w:num` first appears.
 * Using a level restarts the deeper ones (unless `w:lvlRestart` says
 * otherwise). `w:lvlText` ("%1.", "%1.%2.", "%1)") is filled from the
 * counters in each level's format (decimal, Roman, letters — Latin a b c d
 * e f as Word writes them —, zero-padded); bullets come out as "-", or "+"
 * for the hollow ones Word uses on second levels.
 */
import {intValue, onOff} from './on-off.js'
import {childNamed, childrenNamed, type XmlElement} from './xml.js'

/** One level of a list definition. */
export interface ListLevel {
  start: number
  format: string
  text: string
  /** `w:isLgl`: every level shown in decimal. */
  legal: boolean
  /** `w:lvlRestart`: 0 never restarts; n restarts after a level shallower than n (1-based) is used; undefined: after any shallower one. */
  restart?: number
  /** The paragraph style this level is tied to. */
  style?: string
}

interface AbstractNum {
  id: string
  levels: Array<ListLevel | undefined>
  /** `w:numStyleLink`: the definition is the one of this numbering style. */
  numStyleLink?: string
}

interface Num {
  abstractId: string
  /** Per level: the start override and a replacement level. */
  overrides: Map<number, {start?: number; level?: ListLevel}>
}

/** Labels of numbered paragraphs, computed in document order. */
export interface Numbering {
  /** The label of the next paragraph numbered (`numId`, `ilvl`; `ilvl` undefined: the level tied to `styleId`), advancing the counters; undefined when not numbered. */
  next: (numId: number, ilvl: number | undefined, styleId?: string) => string | undefined
}

/** Read `numbering.xml` (undefined: no numbering); `numStyle` resolves a numbering style to its `numId`. */
export function readNumbering(root: XmlElement | undefined, numStyle: (styleId: string) => number | undefined): Numbering {
  const abstracts = new Map<string, AbstractNum>()
  const nums = new Map<number, Num>()
  if (root) {
    for (const element of childrenNamed(root, 'w:abstractNum')) {
      const id = element.attributes['w:abstractNumId']
      if (id === undefined) continue
      const levels: Array<ListLevel | undefined> = []
      for (const lvl of childrenNamed(element, 'w:lvl')) {
        const ilvl = Number.parseInt(lvl.attributes['w:ilvl'] ?? '', 10)
        if (ilvl >= 0 && ilvl < 9) levels[ilvl] = levelOf(lvl)
      }
      const link = childNamed(element, 'w:numStyleLink')?.attributes['w:val']
      abstracts.set(id, link ? {id, levels, numStyleLink: link} : {id, levels})
    }
    for (const element of childrenNamed(root, 'w:num')) {
      const numId = Number.parseInt(element.attributes['w:numId'] ?? '', 10)
      const abstractId = childNamed(element, 'w:abstractNumId')?.attributes['w:val']
      if (!Number.isFinite(numId) || abstractId === undefined) continue
      const overrides = new Map<number, {start?: number; level?: ListLevel}>()
      for (const override of childrenNamed(element, 'w:lvlOverride')) {
        const ilvl = Number.parseInt(override.attributes['w:ilvl'] ?? '', 10)
        if (!(ilvl >= 0 && ilvl < 9)) continue
        const lvl = childNamed(override, 'w:lvl')
        overrides.set(ilvl, {start: intValue(override, 'w:startOverride'), level: lvl ? levelOf(lvl) : undefined})
      }
      nums.set(numId, {abstractId, overrides})
    }
  }

  /** The abstract definition of `numId`, following numbering-style links. */
  const abstractOf = (numId: number): AbstractNum | undefined => {
    const seen = new Set<number>()
    let id: number | undefined = numId
    while (id !== undefined && !seen.has(id)) {
      seen.add(id)
      const abstract = abstracts.get(nums.get(id)?.abstractId ?? '')
      if (!abstract?.numStyleLink) return abstract
      id = numStyle(abstract.numStyleLink)
    }
    return undefined
  }

  const counters = new Map<string, Array<number | undefined>>()
  const seenNums = new Set<number>()

  return {
    next(numId, ilvl, styleId) {
      if (numId === 0) return undefined
      const num = nums.get(numId)
      const abstract = abstractOf(numId)
      if (!num || !abstract) return undefined
      const levelAt = (l: number): ListLevel | undefined => num.overrides.get(l)?.level ?? abstract.levels[l]
      let level = ilvl ?? 0
      if (ilvl === undefined && styleId) {
        const tied = abstract.levels.findIndex((l) => l?.style === styleId)
        if (tied >= 0) level = tied
      }
      const definition = levelAt(level)
      if (!definition) return undefined
      let values = counters.get(abstract.id)
      if (!values) counters.set(abstract.id, (values = []))
      if (!seenNums.has(numId)) {
        seenNums.add(numId)
        // A w:num with start overrides restarts those levels where it first appears.
        for (const [l, override] of num.overrides) {
          const start = override.start ?? override.level?.start
          if (start !== undefined) values[l] = start - 1
        }
      }
      const current = values[level]
      values[level] = current === undefined ? definition.start : current + 1
      for (let deeper = level + 1; deeper < 9; deeper++) {
        const restart = levelAt(deeper)?.restart
        if (restart === 0) continue
        if (restart === undefined || level < restart) values[deeper] = undefined
      }
      if (definition.format === 'none') return undefined
      if (definition.format === 'bullet') return bulletOf(definition.text)
      const label = definition.text.replace(/%([1-9])/g, (_, k: string) => {
        const l = Number(k) - 1
        const at = levelAt(l)
        const value = values[l] ?? at?.start ?? 1
        return formatNumber(value, definition.legal && l !== level ? 'decimal' : (at?.format ?? 'decimal'))
      })
      return label.trim() === '' ? undefined : label.trim()
    }
  }
}

function levelOf(lvl: XmlElement): ListLevel {
  const level: ListLevel = {
    start: intValue(lvl, 'w:start') ?? 0,
    format: childNamed(lvl, 'w:numFmt')?.attributes['w:val'] ?? 'decimal',
    text: childNamed(lvl, 'w:lvlText')?.attributes['w:val'] ?? '',
    legal: onOff(lvl, 'w:isLgl') ?? false
  }
  const restart = intValue(lvl, 'w:lvlRestart')
  if (restart !== undefined) level.restart = restart
  const style = childNamed(lvl, 'w:pStyle')?.attributes['w:val']
  if (style) level.style = style
  return level
}

/** A bullet as a plan marker: "+" for the hollow bullets of second levels, "-" for the rest. */
function bulletOf(text: string): string {
  const ch = [...text.trim()][0] ?? ''
  if (/^[+\uf02b]$/u.test(ch)) return '+'
  if (/^[o◦○\u25e6\uf06f]$/u.test(ch)) return '+'
  return '-'
}

/** `value` in a Word number format. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return roman(value)
    case 'lowerRoman':
      return roman(value).toLowerCase()
    case 'upperLetter':
      return letters(value).toUpperCase()
    case 'lowerLetter':
      return letters(value)
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value)
    default:
      return String(value)
  }
}

/** Word's letter numbering: a … z, then aa … zz, aaa … (the Latin alphabet, as Word writes it). */
function letters(value: number): string {
  if (value <= 0) return String(value)
  const letter = String.fromCharCode(97 + ((value - 1) % 26))
  return letter.repeat(Math.floor((value - 1) / 26) + 1)
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value)
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']
  ]
  let out = ''
  for (const [n, s] of table) {
    while (value >= n) {
      out += s
      value -= n
    }
  }
  return out
}
