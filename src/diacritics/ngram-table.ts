/**
 * An open-addressing hash table of n-grams: a 32-bit fingerprint per slot
 * (never the n-gram itself) and one-byte codes for its log-probability and
 * back-off weight. Compact and fast to load: the arrays are views on the
 * model file.
 */

/** Scratch for the second hash of `hashIds` (avoids allocating a pair per lookup). */
let lastFingerprint = 1

/** Hash the ids `ids[from..to)`: returns the slot hash and leaves the fingerprint in `fingerprintOfLastHash()`. */
export function hashIds(ids: ArrayLike<number>, from: number, to: number): number {
  let a = 0x811c9dc5 ^ (to - from)
  let b = 0x2545f491
  for (let i = from; i < to; i++) {
    const id = ids[i]
    a = Math.imul(a ^ id, 0x01000193)
    a ^= a >>> 13
    b = Math.imul(b ^ id, 0x5bd1e995)
    b ^= b >>> 15
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b)
  a ^= a >>> 13
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35)
  b ^= b >>> 16
  lastFingerprint = b >>> 0 || 1
  return a >>> 0
}

/** The 32-bit fingerprint (never 0) computed by the last `hashIds` call. */
export function fingerprintOfLastHash(): number {
  return lastFingerprint
}

/** The arrays of one n-gram table. */
export interface NgramTableArrays {
  /** Fingerprint per slot, 0 for an empty slot. */
  fingerprints: Uint32Array
  /** Log-probability code per slot (index into the order's codebook). */
  probs: Uint8Array
  /** Back-off weight code per slot, for orders below the model's highest. */
  backoffs: Uint8Array | null
}

/** An n-gram table for lookups. */
export class NgramTable {
  readonly fingerprints: Uint32Array
  readonly probs: Uint8Array
  readonly backoffs: Uint8Array | null
  readonly capacity: number

  constructor(arrays: NgramTableArrays) {
    this.fingerprints = arrays.fingerprints
    this.probs = arrays.probs
    this.backoffs = arrays.backoffs
    this.capacity = arrays.fingerprints.length
  }

  /** Slot of the n-gram `ids[from..to)`, or -1 when absent. */
  find(ids: ArrayLike<number>, from: number, to: number): number {
    const slot = hashIds(ids, from, to)
    const fingerprint = lastFingerprint
    const fps = this.fingerprints
    const capacity = this.capacity
    for (let i = slot % capacity; ; i = i + 1 === capacity ? 0 : i + 1) {
      const f = fps[i]
      if (f === fingerprint) return i
      if (f === 0) return -1
    }
  }
}

/** Build a table holding `grams` (each an id array) with their codes; insertion order is the given order. */
export function buildTable(
  grams: ReadonlyArray<ArrayLike<number>>,
  probCodes: ArrayLike<number>,
  backoffCodes: ArrayLike<number> | null,
  loadFactor = 0.7
): NgramTableArrays {
  const capacity = Math.max(8, Math.ceil(grams.length / loadFactor))
  const fingerprints = new Uint32Array(capacity)
  const probs = new Uint8Array(capacity)
  const backoffs = backoffCodes ? new Uint8Array(capacity) : null
  for (let g = 0; g < grams.length; g++) {
    const ids = grams[g]
    const slot = hashIds(ids, 0, ids.length)
    const fingerprint = lastFingerprint
    let i = slot % capacity
    while (fingerprints[i] !== 0) {
      // Two n-grams with one fingerprint in one probe run would be confused; the first one wins.
      if (fingerprints[i] === fingerprint) break
      i = i + 1 === capacity ? 0 : i + 1
    }
    if (fingerprints[i] === fingerprint) continue
    fingerprints[i] = fingerprint
    probs[i] = probCodes[g]
    if (backoffs && backoffCodes) backoffs[i] = backoffCodes[g]
  }
  return {fingerprints, probs, backoffs}
}
