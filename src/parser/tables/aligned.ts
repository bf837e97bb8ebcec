/**
 * Whitespace-aligned tables (placeholder until the aligned layout lands).
 */
import type {TableBlock} from './types.js'

/** An aligned table starting at line `start`, or null. */
export function detectAligned(_lines: string[], _start: number): TableBlock | null {
  return null
}
