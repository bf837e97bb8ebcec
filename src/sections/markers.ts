/**
 * Recognise a section marker at the start of a paragraph and rank it.
 */
import type {SectionKind} from '../tree/types.js'
import {loadGrammar} from '../util/grammar.js'

/** The bullet of a list item (`- `, `• `, `+ `), with a speck OCR may have read before it (`.- Như Điều 3;`). */
export const itemBullet = /^[.,'`·]?\s*[-–•+*]\s*/u

/** A marker found at the start of a line. */
export interface Marker {
  kind: SectionKind
  /** Normalised marker: `II.`, `1.`, `1.1.`, `a)`, `(1)`, `-`, `+`. */
  marker: string
  /** The bare label: `II`, `1`, `1.1`, `a`, `1`, `-`, `+`. */
  label: string
  /** Text after the marker (may be empty for a bare roman heading). */
  title: string
}

/** The marker at the start of `text`, or null. Headings grammar rules are tried in order. */
export function findMarker(text: string): Marker | null {
  for (const rule of loadGrammar('headings').rules) {
    const match = rule.regex.exec(text)
    if (!match) continue
    const kind = rule.id as SectionKind
    const label = match.groups?.marker ?? (kind === 'dash' ? '-' : '+')
    const title = (match.groups?.title ?? '').trim()
    return {kind, label, marker: normalise(kind, label), title}
  }
  return null
}

/** Depth rank of a marker: lower is outer. Dotted markers nest by their number of parts. */
export function rank(marker: Marker): number {
  switch (marker.kind) {
    case 'roman':
      return 0
    case 'arabic':
      return 1
    case 'dotted':
      return 1 + 0.1 * (marker.label.split('.').length - 1)
    case 'letter':
      return 2
    case 'paren':
      return 3
    case 'dash':
      return 4
    case 'plus':
      return 5
  }
}

function normalise(kind: SectionKind, label: string): string {
  switch (kind) {
    case 'roman':
    case 'arabic':
    case 'dotted':
      return `${label}.`
    case 'letter':
      return `${label})`
    case 'paren':
      return `(${label})`
    default:
      return label
  }
}
