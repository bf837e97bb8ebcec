/**
 * The OCR confusion table as stored in the model: how an OCR engine without
 * Vietnamese writes each intended letter, learned from aligned pairs.
 * Letters are lowercase; case is handled by the restorer.
 */

/** log10 probabilities of what each intended letter became. */
export interface ChannelTable {
  /** `substitutions[intended][observed]`: observed is 0–3 characters (`''` = the letter was lost). */
  substitutions: Record<string, Record<string, number>>
  /** `insertions[observed]`: a character the OCR added out of nothing (per position). */
  insertions: Record<string, number>
  /** log10 probability of no insertion at a position. */
  noInsertion: number
  /** Fallbacks for pairs the table lacks. */
  defaults: {substitute: number; delete: number; insert: number}
  /** Where the statistics came from and how many pairs. */
  source: {description: string; tokens: number; characters: number}
}
