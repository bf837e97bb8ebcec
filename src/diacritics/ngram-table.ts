/**
 * An open-addressing hash table of n-grams: one 32-bit word per slot holding
 * a 24-bit fingerprint of the n-gram (never the n-gram itself) and the
 * one-byte code of its log-probability, plus, for orders below the model's
 * highest, a one-byte back-off code per slot. Compact and fast to load (the
 * arrays are views on the model file) and one memory read per probe.
 */

/** The hash state after some ids: see `hashStart`, `hashAdd`, `hashSlot`, `hashFingerprint`. */
let stateA = 0
let stateB = 0

/** Start hashing an n-gram of `length` ids. */
export function hashStart(length: number): void {
  stateA = 0x811c9dc5 ^ length
  stateB = 0x2545f491
}

/** Add one id to the n-gram being hashed. */
export function hashAdd(id: number): void {
  let a = Math.imul(stateA ^ id, 0x01000193)
  a ^= a >>> 13
  stateA = a
  let b = Math.imul(stateB ^ id, 0x5bd1e995)
  b ^= b >>> 15
  stateB = b
}

/** Resume hashing from a saved state. */
export function hashResume(a: number, b: number): void {
  stateA = a
  stateB = b
}

/** The first half of the current hash state (to resume later with `hashResume`). */
export function hashStateA(): number {
  return stateA
}

/** The second half of the current hash state. */
export function hashStateB(): number {
  return stateB
}

/** The slot hash of the ids added so far. */
export function hashSlot(): number {
  let a = Math.imul(stateA ^ (stateA >>> 16), 0x85ebca6b)
  a ^= a >>> 13
  return a >>> 0
}

/** The 24-bit fingerprint (never 0) of the ids added so far. */
export function hashFingerprint(): number {
  let b = Math.imul(stateB ^ (stateB >>> 16), 0xc2b2ae35)
  b ^= b >>> 16
  return (b >>> 8) || 1
}

/** Entries of each table's lookup cache (a power of two). */
const cacheSize = 1 << 14
const cacheMask = cacheSize - 1

/** The arrays of one n-gram table. */
export interface NgramTableArrays {
  /** Per slot: fingerprint << 8 | log-probability code; 0 for an empty slot. */
  slots: Uint32Array
  /** Back-off weight code per slot, for orders below the model's highest. */
  backoffs: Uint8Array | null
}

/** An n-gram table for lookups. */
export class NgramTable {
  readonly slots: Uint32Array
  readonly backoffs: Uint8Array | null
  readonly capacity: number
  private readonly cacheHash = new Uint32Array(cacheSize)
  private readonly cacheFingerprint = new Uint32Array(cacheSize)
  private readonly cacheSlot = new Int32Array(cacheSize)

  constructor(arrays: NgramTableArrays) {
    this.slots = arrays.slots
    this.backoffs = arrays.backoffs
    this.capacity = arrays.slots.length
    // Fingerprints are never 0: an empty cache entry matches nothing.
  }

  /** Slot of the n-gram `ids[from..to)`, or -1 when absent. */
  find(ids: ArrayLike<number>, from: number, to: number): number {
    hashStart(to - from)
    for (let i = from; i < to; i++) hashAdd(ids[i])
    return this.findHashed()
  }

  /**
   * Slot of the n-gram whose ids were just hashed (`hashStart`, `hashAdd`…), or -1 when absent.
   * Answers are remembered in a small direct-mapped cache (text repeats its n-grams, and a probe
   * of the big table is a cache miss of the processor's).
   */
  findHashed(): number {
    const fingerprint = hashFingerprint()
    const hash = hashSlot()
    const c = hash & cacheMask
    if (this.cacheHash[c] === hash && this.cacheFingerprint[c] === fingerprint) return this.cacheSlot[c]
    const slots = this.slots
    const capacity = this.capacity
    let found = -1
    for (let i = hash % capacity; ; i = i + 1 === capacity ? 0 : i + 1) {
      const w = slots[i]
      if (w >>> 8 === fingerprint) {
        found = i
        break
      }
      if (w === 0) break
    }
    this.cacheHash[c] = hash
    this.cacheFingerprint[c] = fingerprint
    this.cacheSlot[c] = found
    return found
  }

  /** The log-probability code of a slot. */
  probCode(slot: number): number {
    return this.slots[slot] & 0xff
  }
}

/**
 * Build a table holding the n-grams `ids` (`order` ids each, one after the other) with their
 * codes; insertion order is the given order.
 */
export function buildTable(
  ids: Int32Array,
  order: number,
  probCodes: ArrayLike<number>,
  backoffCodes: ArrayLike<number> | null,
  loadFactor = 0.7
): NgramTableArrays {
  const count = ids.length / order
  const capacity = Math.max(8, Math.ceil(count / loadFactor))
  const slots = new Uint32Array(capacity)
  const backoffs = backoffCodes ? new Uint8Array(capacity) : null
  for (let g = 0; g < count; g++) {
    hashStart(order)
    for (let j = 0; j < order; j++) hashAdd(ids[g * order + j])
    const fingerprint = hashFingerprint()
    let i = hashSlot() % capacity
    while (slots[i] !== 0) {
      // Two n-grams with one fingerprint in one probe run would be confused; the first one wins.
      if (slots[i] >>> 8 === fingerprint) break
      i = i + 1 === capacity ? 0 : i + 1
    }
    if (slots[i] !== 0) continue
    slots[i] = ((fingerprint << 8) | probCodes[g]) >>> 0
    if (backoffs && backoffCodes) backoffs[i] = backoffCodes[g]
  }
  return {slots, backoffs}
}
