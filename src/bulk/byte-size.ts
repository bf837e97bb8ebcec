/**
 * Byte sizes as people write them on a command line (`32M`, `1.5GiB`,
 * `500k`, `1048576`) and as the summary prints them (`47.7 MiB`).
 */

const units: Record<string, number> = {'': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4}

/**
 * Parse a byte size: a number with an optional unit K, M, G or T (also
 * written KB, KiB, MB, MiB, …; every unit is a power of 1024). Undefined
 * when `text` is not a size.
 */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*$/i.exec(text)
  if (!match) return undefined
  const value = Number(match[1]) * units[match[2].toLowerCase()]
  return Number.isFinite(value) ? Math.round(value) : undefined
}

/** Format a byte count for people: `812 B`, `4.0 KiB`, `47.7 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const names = ['KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes / 1024
  let i = 0
  while (value >= 1024 && i < names.length - 1) {
    value /= 1024
    i++
  }
  return `${value.toFixed(1)} ${names[i]}`
}
