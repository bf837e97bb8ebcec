/**
 * The OCR confusion table as stored in the model: how an OCR engine without
 * Vietnamese writes each intended letter, learned from aligned word pairs.
 * Letters and readings are lowercase; case is handled by the restorer.
 */

/** log10 probabilities of what each intended letter became. */
export interface ChannelTable {
  /** `emissions[letter][reading]`: log10 P(reading | letter); a reading is 0–3 characters (`''`: the letter was lost). */
  emissions: Record<string, Record<string, number>>
  /** log10 of the probability mass each letter leaves to readings the table lacks. */
  unseen: Record<string, number>
  /** log10 share of that mass per unseen reading, by its length 0–3 (already divided by the number of such readings). */
  unseenByLength: [number, number, number, number]
  /** log10 P that a token which is not a Vietnamese word (number, code, acronym) is read exactly as printed. */
  identity: number
  /** Where the statistics came from. */
  source: {description: string; pairs: number; letters: number}
}
