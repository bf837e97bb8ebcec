/**
 * Cut a document text down to what its header fields need, so a scan of it
 * stays one or two pages: the header and the first paragraphs, then the
 * `Nơi nhận:` block and the signature.
 */

/** A plan's first section (`I. MỤC ĐÍCH`) or a law's first chapter ends the head. */
const SECTION = /^\s*\**\s*(?:[IVX]{1,5}\.\s+\S|Chương\s+[IVXLC\d]+(?!\p{L}))/u
/** The recipients line that opens the closing block. */
const RECIPIENTS = /^\s*\**\s*Nơi nhận\s*:/u
/** What follows a signature: the issued plan, an appendix, a form. */
const AFTER_SIGNATURE = /^\s*\**\s*(?:KẾ HOẠCH|PHỤ LỤC|Phụ lục|QUY ĐỊNH|QUY CHẾ|DANH MỤC|Mẫu|MẪU)(?!\p{L})/u

/** Options of `headerExcerpt`. */
export interface ExcerptOptions {
  /** Characters of the head to keep before cutting at the next blank line (default 1500). */
  budget?: number
  /** Lines of the closing block to keep at most (default 40). */
  closingLines?: number
}

/**
 * The head of `text` (up to the first section, or past `budget` characters
 * at the next blank line, at twice the budget at any line) and its closing
 * block (from the first `Nơi nhận:` after the head to the line before an
 * issued plan, appendix or table), joined by a blank line.
 */
export function headerExcerpt(text: string, options: ExcerptOptions = {}): string {
  const budget = options.budget ?? 1500
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const head: string[] = []
  let chars = 0
  let end = 0
  for (; end < lines.length; end++) {
    const line = lines[end]
    if (RECIPIENTS.test(line) || (head.length > 0 && SECTION.test(line))) break
    if ((chars >= budget && line.trim() === '') || chars >= 2 * budget) break
    head.push(line)
    chars += line.trim().length
  }
  const start = lines.findIndex((line, i) => i >= end && RECIPIENTS.test(line))
  if (start < 0) return head.join('\n').trimEnd() + '\n'
  const closing: string[] = []
  const limit = options.closingLines ?? 40
  for (let i = start; i < lines.length && closing.length < limit; i++) {
    if (i > start && (AFTER_SIGNATURE.test(lines[i]) || lines[i].includes('\t'))) break
    closing.push(lines[i])
  }
  return `${head.join('\n').trimEnd()}\n\n${closing.join('\n').trimEnd()}\n`
}
