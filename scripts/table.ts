/**
 * Print rows as a Markdown table (used by eval and bench modules).
 */

/** Render `rows` (objects with the same keys) as a Markdown table. */
export function table(rows: Array<Record<string, string | number | null>>): string {
  if (rows.length === 0) return '(no rows)\n'
  const keys = Object.keys(rows[0])
  const cell = (v: string | number | null) => (v === null ? '—' : String(v))
  const lines = [
    `| ${keys.join(' | ')} |`,
    `| ${keys.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${keys.map((k) => cell(r[k] ?? null)).join(' | ')} |`)
  ]
  return lines.join('\n') + '\n'
}
