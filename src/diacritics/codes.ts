/**
 * Document codes and body abbreviations whose Đ was lost (`3470/QD-UBND`,
 * `67/2007/ND-CP`, `HDND`, `SLDTBXH`): each letter part is written back the
 * one way `grammars/document-codes.json` (and the type codes of
 * `grammars/document-types.json`) accept, or, for parts the grammar does not
 * know, the way the training corpus writes it (the model's `codes` counts).
 * A part that stays ambiguous (`HD`: Hướng dẫn or Hợp đồng) is left as it is.
 */
import {loadGrammarUnchecked} from '../util/grammar-file.js'
import {isValidSyllable} from '../vietnamese/orthography.js'

/** How the training corpus writes code parts: by the part with every Đ as D, the count of each spelling. */
export type CodeCounts = Record<string, Record<string, number>>

/** Share of the corpus's writings a spelling needs to be restored on the counts alone. */
const minShare = 0.9
/** Weighted corpus count a spelling needs to be restored on the counts alone. */
const minCount = 3
/** A part the grammar restores stays as written when the corpus writes it so this often (relative to the restored form). */
const keptShare = 0.2

let typeCodes: Set<string> | undefined

/** Whether `part` is a code part the grammars accept. */
export function isKnownPart(part: string): boolean {
  typeCodes ??= new Set(Object.keys(loadGrammarUnchecked('document-types').data.names))
  return typeCodes.has(part) || loadGrammarUnchecked('document-codes').rule('part').regex.test(part)
}

/** Whether a token is a document number (`3470/QD-UBND`), by the grammar. */
export function isDocumentNumber(token: string): boolean {
  return loadGrammarUnchecked('document-codes').rule('number').regex.test(token)
}

/** The part with every Đ written D. */
export function foldD(part: string): string {
  return part.replace(/Đ/g, 'D').replace(/đ/g, 'd')
}

/** Every way of writing the D's of `folded` as D or Đ (at most 2^5). */
function writings(folded: string): string[] {
  const at: number[] = []
  for (let i = 0; i < folded.length && at.length < 5; i++) if (folded[i] === 'D') at.push(i)
  const out: string[] = []
  for (let mask = 0; mask < 1 << at.length; mask++) {
    const chars = [...folded]
    at.forEach((i, b) => {
      if (mask & (1 << b)) chars[i] = 'Đ'
    })
    out.push(chars.join(''))
  }
  return out
}

/** The restored spelling of one letter part (`QD` → `QĐ`), or the part itself. */
export function restorePart(part: string, counts: CodeCounts | null): string {
  if (!part.includes('D') || part.includes('Đ') || part.length < 2) return part
  const folded = foldD(part)
  const seen = counts?.[folded] ?? {}
  const accepted = writings(folded).filter((w) => isKnownPart(w))
  if (accepted.length === 1) {
    const form = accepted[0]
    if (form === part) return part
    // The corpus writes it without Đ often enough: a code of its own, not a lost Đ.
    if ((seen[part] ?? 0) > keptShare * (seen[form] ?? 0)) return part
    return form
  }
  if (accepted.length > 1) return part
  let total = 0
  let best = part
  let bestCount = 0
  for (const [form, c] of Object.entries(seen)) {
    total += c
    if (c > bestCount || (c === bestCount && form < best)) {
      best = form
      bestCount = c
    }
  }
  return bestCount >= minCount && bestCount >= minShare * total ? best : part
}

/**
 * The token with its code parts restored, or null when nothing changes: a document number
 * (`3470/QD-UBND` → `3470/QĐ-UBND`) or an abbreviation in capitals that is no syllable (`HDND`).
 */
export function restoreCode(token: string, counts: CodeCounts | null): string | null {
  let out: string
  if (/[0-9]/.test(token)) {
    if (!isDocumentNumber(token)) return null
    out = token.replace(/\p{Lu}[\p{L}]*/gu, (part) => restorePart(part, counts))
  } else {
    if (!/^\p{Lu}{2,}$/u.test(token) || isValidSyllable(token)) return null
    out = restorePart(token, counts)
  }
  return out === token ? null : out
}

/** Count the code parts of a token (a document number or an abbreviation) into `counts`, `weight` times; only parts that may hide a Đ are kept. */
export function countCodeParts(token: string, weight: number, counts: CodeCounts): void {
  const parts = /[0-9]/.test(token) ? (isDocumentNumber(token) ? token.match(/\p{Lu}[\p{L}]*/gu) ?? [] : []) : /^\p{Lu}{2,}$/u.test(token) && !isValidSyllable(token) ? [token] : []
  for (const part of parts) {
    if (!/[DĐ]/.test(part)) continue
    const m = (counts[foldD(part)] ??= {})
    m[part] = (m[part] ?? 0) + weight
  }
}

/** Counts trimmed to what restoration uses: folded parts some spelling with Đ stands for, in code point order. */
export function trimCodeCounts(counts: CodeCounts): CodeCounts {
  const out: CodeCounts = {}
  for (const folded of Object.keys(counts).sort()) {
    const forms = counts[folded]
    if (!Object.keys(forms).some((f) => f.includes('Đ'))) continue
    let total = 0
    for (const c of Object.values(forms)) total += c
    if (total < minCount) continue
    out[folded] = Object.fromEntries(Object.keys(forms).sort().map((f) => [f, forms[f]]))
  }
  return out
}
