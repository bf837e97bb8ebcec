/**
 * Row and item markers: task numbers (`1`, `1.1.`, `(3)`), group markers
 * (`II.`, `A.`), and a marker followed by a title (`V. Cải cách chế độ công vụ`),
 * by the `marker` rule of `grammars/row-markers.json`.
 */
import {loadGrammar} from '../util/grammar.js'

/** What a marker is. */
export type MarkerKind = 'number' | 'roman' | 'upper' | 'lower'

/** A marker read from the start of a cell. */
export interface Marker {
  kind: MarkerKind
  /** The marker normalised: `1.1`, `II`, `A`, `a`. */
  id: string
  /** Text after the marker (a group title written in the number cell), trimmed. */
  rest: string
}

/** Read a marker at the start of `text`; null when there is none. */
export function readMarker(text: string): Marker | null {
  const match = loadGrammar('row-markers').rule('marker').regex.exec(text)
  if (!match?.groups) return null
  const g = match.groups
  const rest = (g.rest ?? '').trim()
  if (g.number !== undefined) return {kind: 'number', id: normaliseNumber(g.number), rest}
  if (g.paren !== undefined) return {kind: 'number', id: String(Number(g.paren)), rest}
  if (g.roman !== undefined) return {kind: 'roman', id: g.roman, rest}
  if (g.upper !== undefined) return {kind: 'upper', id: g.upper, rest}
  return {kind: 'lower', id: g.lower!, rest}
}

/** `01.02.` → `1.2`. */
export function normaliseNumber(value: string): string {
  return value
    .replace(/\.$/u, '')
    .split('.')
    .map((part) => String(Number(part)))
    .join('.')
}

/** A list-form section marker as a task id: `1.1.` → `1.1`, `a)` → `a`, `(2)` → `2`. */
export function markerId(marker: string): string {
  const value = marker.trim().replace(/^\(|[.)]+$/gu, '')
  return /^\d+(?:\.\d+)*$/u.test(value) ? normaliseNumber(value) : value
}
