/**
 * The fast path of `parseXml`: a tag scanner (character codes, `indexOf`
 * between tags) that builds the same tree as the saxes
 * path from the XML that OOXML parts are made of, and gives up (returns
 * undefined) on anything else: a DOCTYPE, CDATA, processing instructions
 * other than the XML declaration, names outside ASCII, unknown entities,
 * characters XML forbids, `]]>` in text, a comment holding `--`, a
 * duplicate attribute, a bad or unclosed tag, text outside the root, too
 * many elements. `parseXml` then parses the text again with saxes, which
 * decides: it refuses what XML refuses and says where. So this path never
 * accepts what saxes would refuse, and never expands an entity beyond the
 * predefined five and character references.
 *
 * Same tree as saxes: names and attributes as written (then renamed to the
 * usual prefixes), attribute values with references expanded and tabs and
 * line ends as spaces, text with references expanded and line ends as
 * `\n`, one string per run of text between two pieces of markup.
 *
 * Speed: an OOXML part repeats a few dozen tags thousands of times
 * (`<w:sz w:val="24"/>`), so a tag is read once per part: later ones with
 * the same text are found in a table (by a hash of a few characters, then
 * compared in full) with their name, and, once kept, their attributes
 * object and, for an empty tag, the element itself (trees are read-only,
 * so these are shared). Names get small numbers (slots), and the filter's
 * answers are kept per parent and name slot. Children gather on one stack
 * and each element takes an array of the right size at its close tag.
 */
import {Buffer} from 'node:buffer'
import type {XmlAction, XmlElement, XmlNode} from './xml.js'

/** What the scanner needs of `ParseXmlOptions` (the filter already defaulted). */
export interface ScanOptions {
  filter: (name: string, parent: string) => XmlAction
  textIn: ReadonlySet<string> | undefined
  attributes: ReadonlySet<string> | undefined
  maxElements: number
}

/** Per ASCII code: 1 may start a name, 2 may continue one (a subset of XML's name characters). */
const nameChars = new Uint8Array(128)
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c)
  if (/[A-Za-z_:]/.test(ch)) nameChars[c] = 3
  else if (/[0-9.-]/.test(ch)) nameChars[c] = 2
}
/** The XML declaration as OOXML writers write it (version 1.0; any other goes to saxes). */
const space = '[ \\t\\r\\n]'
const declarationPattern = new RegExp(
  `<\\?xml${space}+version${space}*=${space}*(["'])1\\.0\\1(?:${space}+encoding${space}*=${space}*(["'])[A-Za-z][\\w.-]*\\2)?(?:${space}+standalone${space}*=${space}*(["'])(?:yes|no)\\3)?${space}*\\?>`,
  'y'
)
/** Characters XML 1.0 forbids, and surrogates (checked further when present: only lone ones are forbidden). */
const forbiddenOrSurrogate = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/
const forbidden = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** A byte of a UTF-8 sequence (read as Latin-1). */
const highByte = /[\x80-\xFF]/
/** A character reference. */
const characterReference = /&#(x[0-9A-Fa-f]+|[0-9]+);/g
/** An `&` that does not start a predefined entity or a character reference. */
const badAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)/
const reference = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g
/** A reference at a given place. */
const referenceHere = /&(?:amp|lt|gt|quot|apos|#([0-9]+)|#x([0-9A-Fa-f]+));/y
/** Per character code below 256, what `checkText` looks at: 1 a control character XML forbids, 2 `&`, 3 `]`, 4 0xEF (U+FFFE and U+FFFF in UTF-8 start with it). */
const textChecks = new Uint8Array(256)
for (let c = 0; c < 0x20; c++) if (c !== 0x09 && c !== 0x0a && c !== 0x0d) textChecks[c] = 1
textChecks[0x26] = 2
textChecks[0x5d] = 3
textChecks[0xef] = 4
const predefined: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}
const notSpace = /[^ \t\r\n]/

/** Thrown inside the scan to give up; caught by `scanXml`. */
const giveUp = Symbol('give up')

/**
 * Parse `text` (a decoded XML part; with `utf8`, the bytes of valid UTF-8
 * read as Latin-1, one character a byte: the markup is ASCII, and only text
 * and attribute values are decoded; `utf8` may be those bytes, to decode
 * from without copying them back) into the tree `parseXml` returns, or
 * undefined when it holds anything outside the fast path (including every
 * malformed or refused document): the caller then parses it with saxes.
 */
export function scanXml(
  text: string,
  options: ScanOptions,
  rename: (attributes: Record<string, string>) => Map<string, string>,
  utf8: boolean | Buffer = false
): XmlElement | undefined {
  // Bytes are checked as they are read (text, values and comments by `checkText`; markup by its grammar); decoded text here, first.
  if (!utf8) {
    if (forbiddenOrSurrogate.test(text) && forbidden.test(text)) return undefined
    if (badAmpersand.test(text) || text.includes(']]>')) return undefined
    // Character references anywhere (even in dropped elements) must name characters XML allows.
    if (text.includes('&#')) {
      for (const [, ref] of text.matchAll(characterReference)) if (!isChar(ref[0] === 'x' ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10))) return undefined
    }
  }
  try {
    return scan(text, options, rename, utf8 === false ? undefined : utf8 === true ? Buffer.from(text, 'latin1') : utf8)
  } catch (error) {
    if (error === giveUp) return undefined
    throw error
  }
}

/** The attributes of elements that have none (read-only, like every tree). */
const noAttributes: Record<string, string> = Object.freeze({}) as Record<string, string>
/** The children of elements that have none (read-only, like every tree). */
const noChildren: XmlNode[] = Object.freeze([]) as unknown as XmlNode[]

/** Slots of a part's name table (a power of two; fewer for a small part); at most half are filled, past that the part goes to saxes. */
const slotBits = 12
const smallSlotBits = 9
/** A part shorter than this (in characters) has the smaller table. */
const smallPart = 100_000
/** A name found after this many probes goes to saxes (hostile names crafted to collide cost no more). */
const maxProbes = 64
/** The filter's answers, as kept in a part's tables (0: not asked yet). */
const KEEP = 1
const SKIP = 2
const UNWRAP = 3
/** Slots of a part's table of tags read (a power of two), at most half filled; probes before a tag counts as new. */
const tagBits = 10
const tagCount = 1 << tagBits
const maxTags = tagCount >> 1
const maxTagProbes = 8

/** A tag read before: its text (from after `<` to before its first `>`), the slot of its name, whether it closes itself; its kept attributes and, when it closes itself, its element, once kept. */
interface TagEntry {
  hash: number
  text: string
  tag: number
  selfClosing: boolean
  attributes: Record<string, string> | undefined
  leaf: XmlElement | undefined
}

function scan(text: string, options: ScanOptions, prefixMap: (attributes: Record<string, string>) => Map<string, string>, utf8: Buffer | undefined): XmlElement {
  const tables = text.length < smallPart ? (smallTables ??= new ScanTables(smallSlotBits)) : (largeTables ??= new ScanTables(slotBits))
  try {
    return scanWith(tables, text, options, prefixMap, utf8)
  } finally {
    tables.clear()
  }
}

/**
 * The tables of a scan, kept from one part to the next (parts are scanned
 * one at a time, and each scan empties the slots it filled): names by
 * slot, what the options say of each, the filter's answers per parent, the
 * tags read. See `scanWith`.
 */
class ScanTables {
  readonly bits: number
  readonly slotCount: number
  readonly hashes: Int32Array
  readonly names: string[]
  readonly namesAt: Int32Array
  readonly usualNames: string[]
  readonly textKept: Uint8Array
  readonly attributeKept: Uint8Array
  readonly actions: Array<Uint8Array | undefined>
  readonly tags: Array<TagEntry | undefined> = new Array<TagEntry | undefined>(tagCount).fill(undefined)
  /** Slots filled (names, tags) and parents given answer tables in this scan; answer tables to use again. */
  readonly usedNames: number[] = []
  readonly usedTags: number[] = []
  readonly parents: number[] = []
  readonly spare: Uint8Array[] = []

  constructor(bits: number) {
    this.bits = bits
    this.slotCount = 1 << bits
    this.hashes = new Int32Array(this.slotCount)
    this.names = new Array<string>(this.slotCount).fill('')
    this.namesAt = new Int32Array(this.slotCount)
    this.usualNames = new Array<string>(this.slotCount).fill('')
    this.textKept = new Uint8Array(this.slotCount)
    this.attributeKept = new Uint8Array(this.slotCount)
    this.actions = new Array<Uint8Array | undefined>(this.slotCount + 1).fill(undefined)
  }

  /** An empty answer table for the parent at `slot`. */
  answers(slot: number): Uint8Array {
    const table = this.spare.pop() ?? new Uint8Array(this.slotCount)
    this.actions[slot] = table
    this.parents.push(slot)
    return table
  }

  /** Empty what the scan filled (also after a scan that gave up or failed). */
  clear(): void {
    for (const slot of this.usedNames) {
      this.names[slot] = ''
      this.usualNames[slot] = ''
      this.textKept[slot] = 0
      this.attributeKept[slot] = 0
    }
    for (const slot of this.usedTags) this.tags[slot] = undefined
    for (const slot of this.parents) {
      const table = this.actions[slot]!
      table.fill(0)
      this.spare.push(table)
      this.actions[slot] = undefined
    }
    this.usedNames.length = 0
    this.usedTags.length = 0
    this.parents.length = 0
  }
}

let smallTables: ScanTables | undefined
let largeTables: ScanTables | undefined

function scanWith(tables: ScanTables, text: string, options: ScanOptions, prefixMap: (attributes: Record<string, string>) => Map<string, string>, utf8: Buffer | undefined): XmlElement {
  const {filter, textIn, maxElements} = options
  const kept = options.attributes
  // The names of the part (elements and attributes), each read once: open addressing on a hash of the characters.
  // A name's slot stands for it; per slot: its hash, the name as written and where, its usual name (prefix renamed), and what the options say of it
  // (`textKept`, `attributeKept`: 1 yes, 2 no, 0 not asked yet); the filter's answers per parent slot then element slot.
  const {bits, slotCount, hashes, names, namesAt, usualNames, textKept, attributeKept, actions, tags} = tables
  const maxNames = slotCount >> 1
  // The slot of the document node (the root element's parent) in the per-parent answer tables.
  const documentSlot = slotCount
  let nameCount = 0
  const intern = (start: number, end: number, hash: number): number => {
    let slot = Math.imul(hash, 0x9e3779b1) >>> (32 - bits)
    for (let probe = 0; probe < maxProbes; probe++) {
      const known = names[slot]
      if (known === '') {
        if (++nameCount > maxNames) throw giveUp
        hashes[slot] = hash
        names[slot] = text.slice(start, end)
        tables.usedNames.push(slot)
        namesAt[slot] = start
        return slot
      }
      if (hashes[slot] === hash && known.length === end - start && sameText(text, namesAt[slot], start, end - start)) return slot
      slot = (slot + 1) & (slotCount - 1)
    }
    throw giveUp
  }
  const usualName = (slot: number): string => {
    const usual = usualNames[slot]
    if (usual !== '') return usual
    return (usualNames[slot] = rename === undefined || rename.size === 0 ? names[slot] : canonical(names[slot], rename))
  }
  // The tag being read (by `readTag`): the slot of its name, whether it closes itself, its attributes
  // (offsets of name start and end, value start and end; the hash of each name).
  let tag = 0
  let selfClosing = false
  let attributeCount = 0
  const spans: number[] = []
  const keyHashes: number[] = []
  /** Read the open tag whose name starts at `i`; returns where it ends (after its `>`). */
  const readTag = (i: number): number => {
    const first = text.charCodeAt(i)
    if (!(nameChars[first] & 1)) throw giveUp
    // The name, hashed on the way (to find the string read before).
    let hash = first
    let j = i + 1
    for (;;) {
      const c = text.charCodeAt(j)
      if (!(nameChars[c] & 2)) break
      hash = (Math.imul(hash, 31) + c) | 0
      j++
    }
    tag = intern(i, j, hash)
    attributeCount = 0
    selfClosing = false
    for (;;) {
      const c = text.charCodeAt(j)
      if (c === 0x3e) return j + 1
      if (c === 0x2f) {
        if (text.charCodeAt(j + 1) !== 0x3e) throw giveUp
        selfClosing = true
        return j + 2
      }
      if (!isSpace(c)) throw giveUp
      j = skipSpace(text, j)
      const n = text.charCodeAt(j)
      if (n === 0x3e || n === 0x2f) continue
      if (!(nameChars[n] & 1)) throw giveUp
      const keyStart = j
      let keyHash = n
      for (j++; ; j++) {
        const d = text.charCodeAt(j)
        if (!(nameChars[d] & 2)) break
        keyHash = (Math.imul(keyHash, 31) + d) | 0
      }
      const keyEnd = j
      j = skipSpace(text, keyEnd)
      if (text.charCodeAt(j) !== 0x3d) throw giveUp
      j = skipSpace(text, j + 1)
      const quote = text.charCodeAt(j)
      if (quote !== 0x22 && quote !== 0x27) throw giveUp
      let k = j + 1
      for (;; k++) {
        const d = text.charCodeAt(k)
        if (d === quote) break
        // `<` is refused in a value; NaN: the text ended.
        if (d === 0x3c || d !== d) throw giveUp
      }
      checkText(text, j + 1, k)
      // A duplicate attribute is refused.
      for (let a = 0; a < attributeCount * 4; a += 4) {
        if (spans[a + 1] - spans[a] === keyEnd - keyStart && sameText(text, spans[a], keyStart, keyEnd - keyStart)) throw giveUp
      }
      keyHashes[attributeCount] = keyHash
      const a = attributeCount++ * 4
      spans[a] = keyStart
      spans[a + 1] = keyEnd
      spans[a + 2] = j + 1
      spans[a + 3] = k
      j = k + 1
    }
  }
  /** The kept attributes of the tag just read (by their usual names). */
  const keptAttributes = (): Record<string, string> => {
    let attributes = noAttributes
    for (let a = 0; a < attributeCount; a++) {
      const s = a * 4
      const key = intern(spans[s], spans[s + 1], keyHashes[a])
      let keep = attributeKept[key]
      if (keep === 0) {
        // A key the object cannot hold as its own property goes to saxes.
        if (names[key] === '__proto__') throw giveUp
        keep = attributeKept[key] = kept === undefined || kept.has(usualName(key)) ? 1 : 2
      }
      if (keep !== 1) continue
      if (attributes === noAttributes) attributes = {}
      attributes[usualName(key)] = attributeValue(text, spans[s + 2], spans[s + 3], utf8)
    }
    return attributes
  }
  // Tags read so far, by a hash of their text (open addressing).
  let tagEntries = 0
  const root: XmlElement = {name: '#document', attributes: noAttributes, children: noChildren}
  // Open elements, innermost last: the slot of the name as written and where it is in the text; the kept element that receives children (null inside a skipped one) and its slot;
  // whether text is kept; the kept element opened by the tag (null if none) and where its children start on `children`.
  const open: number[] = []
  const openAt: number[] = []
  const targets: Array<XmlElement | null> = [root]
  const targetSlots: number[] = [documentSlot]
  const keepsText: boolean[] = [false]
  const opened: Array<XmlElement | null> = [root]
  const childStarts: number[] = [0]
  // The children of the open kept elements, one after another, `childCount` of them (each element takes its own at its close tag: arrays of the right size).
  const children: XmlNode[] = []
  let childCount = 0
  let rename: Map<string, string> | undefined
  let count = 0
  let closedRoot = false
  let at = 0
  if (text.startsWith('<?xml')) {
    declarationPattern.lastIndex = 0
    if (!declarationPattern.test(text)) throw giveUp
    at = declarationPattern.lastIndex
  }
  const length = text.length
  while (at < length) {
    const lt = text.indexOf('<', at)
    const end = lt < 0 ? length : lt
    if (end > at) {
      const depth = open.length
      if (depth === 0) {
        // Outside the root: white space only.
        if (notSpace.test(text.slice(at, end))) throw giveUp
      } else {
        checkText(text, at, end)
        if (keepsText[depth] && targets[depth] !== null) children[childCount++] = textValue(text, at, end, utf8)
      }
    }
    if (lt < 0) break
    let i = lt + 1
    const first = text.charCodeAt(i)
    if (first === 0x2f) {
      // A close tag: it must close the innermost open element.
      const depth = open.length
      if (depth === 0) throw giveUp
      const nameLength = names[open[depth - 1]].length
      if (!sameText(text, openAt[depth - 1], i + 1, nameLength)) throw giveUp
      i = skipSpace(text, i + 1 + nameLength)
      if (text.charCodeAt(i) !== 0x3e) throw giveUp
      at = i + 1
      const element = opened[depth]
      if (element !== null) {
        const from = childStarts[depth]
        if (childCount > from) {
          element.children = children.slice(from, childCount)
          childCount = from
        }
      }
      open.pop()
      openAt.pop()
      targets.pop()
      targetSlots.pop()
      keepsText.pop()
      opened.pop()
      childStarts.pop()
      if (depth === 1) closedRoot = true
      continue
    }
    if (first === 0x21) {
      // A comment: no `--` inside, none right before the end.
      if (!text.startsWith('!--', i)) throw giveUp
      const close = text.indexOf('-->', i + 3)
      if (close < 0) throw giveUp
      const body = text.slice(i + 3, close)
      if (body.includes('--') || body.endsWith('-')) throw giveUp
      checkText(text, i + 3, close)
      at = close + 3
      continue
    }
    // An open tag. A tag read before (the same text up to its first `>`) is the same tag: its name, whether it closes itself, and,
    // once kept, its attributes (and the element itself when it closes itself: trees are read-only), without reading it again.
    if (closedRoot) throw giveUp
    let gt = text.indexOf('>', i)
    // No `>`: the text ended (the tag is read below, which refuses it).
    if (gt < 0) gt = length
    const tagLength = gt - i
    // A hash of the tag's length and of a few of its characters (a tag found is compared in full).
    const last = gt - 1
    let tagHash = Math.imul(tagLength, 0x01000193) ^ text.charCodeAt(i + 2 < last ? i + 2 : last)
    tagHash = Math.imul(tagHash, 0x01000193) ^ text.charCodeAt(i + (tagLength >> 1))
    tagHash = Math.imul(tagHash, 0x01000193) ^ text.charCodeAt(last - 1 > i ? last - 1 : i)
    tagHash = Math.imul(tagHash, 0x01000193) ^ text.charCodeAt(last - 2 > i ? last - 2 : i)
    tagHash = Math.imul(tagHash, 0x01000193) ^ text.charCodeAt(last)
    let entry: TagEntry | undefined
    let entrySlot = Math.imul(tagHash, 0x9e3779b1) >>> (32 - tagBits)
    for (let probe = 0; probe < maxTagProbes; probe++) {
      const known = tags[entrySlot]
      if (known === undefined) break
      if (known.hash === tagHash && known.text.length === tagLength && text.slice(i, gt) === known.text) {
        entry = known
        break
      }
      entrySlot = (entrySlot + 1) & (tagCount - 1)
    }
    if (entry === undefined) {
      at = readTag(i)
      entry = {hash: tagHash, text: '', tag, selfClosing, attributes: undefined, leaf: undefined}
      if (attributeCount === 0) entry.attributes = noAttributes
      // Cached when the tag ends at its first `>` (not one inside a value), while the table has room.
      if (at === gt + 1 && tagEntries < maxTags) {
        for (let probe = 0; probe < maxTagProbes; probe++) {
          if (tags[entrySlot] === undefined) {
            entry.text = text.slice(i, gt)
            tags[entrySlot] = entry
            tables.usedTags.push(entrySlot)
            tagEntries++
            break
          }
          entrySlot = (entrySlot + 1) & (tagCount - 1)
        }
      }
    } else {
      at = gt + 1
      tag = entry.tag
      selfClosing = entry.selfClosing
      attributeCount = -1
    }
    const depth = open.length
    const top = targets[depth]
    if (rename === undefined) rename = prefixMap(rootAttributes(text, spans, attributeCount, utf8))
    let target: XmlElement | null = null
    let targetSlot = documentSlot
    let element: XmlElement | null = null
    let keepText = false
    if (top !== null) {
      const parentSlot = targetSlots[depth]
      let byName = actions[parentSlot]
      if (byName === undefined) byName = tables.answers(parentSlot)
      let action = byName[tag]
      if (action === 0) {
        const answer = filter(usualName(tag), top.name)
        byName[tag] = action = answer === 'keep' ? KEEP : answer === 'unwrap' ? UNWRAP : SKIP
      }
      if (action === KEEP) {
        if (++count > maxElements) throw giveUp
        element = entry.leaf ?? null
        if (element === null) {
          let attributes = entry.attributes
          if (attributes === undefined) {
            // The first time this tag is kept: its attributes (the tag read again when it was read for a skipped element).
            if (attributeCount < 0) readTag(i)
            attributes = entry.attributes = keptAttributes()
          }
          element = {name: usualName(tag), attributes, children: noChildren}
          if (selfClosing) entry.leaf = element
        }
        children[childCount++] = element
        let keeps = textKept[tag]
        if (keeps === 0) keeps = textKept[tag] = textIn === undefined || textIn.has(usualName(tag)) ? 1 : 2
        keepText = keeps === 1
        target = element
        targetSlot = tag
      } else if (action === UNWRAP) {
        target = top
        targetSlot = parentSlot
      }
    }
    if (selfClosing) {
      if (depth === 0) closedRoot = true
      continue
    }
    open.push(tag)
    openAt.push(i)
    targets.push(target)
    targetSlots.push(targetSlot)
    keepsText.push(keepText)
    opened.push(element)
    childStarts.push(childCount)
  }
  if (open.length > 0 || !closedRoot) throw giveUp
  const top = childCount > 0 ? children[0] : undefined
  if (top === undefined || typeof top === 'string') throw giveUp
  return top
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d
}

function skipSpace(text: string, i: number): number {
  while (isSpace(text.charCodeAt(i))) i++
  return i
}

/** Whether `text` holds the same `length` characters at `a` and at `b` (comparing within one string is faster than with another). */
function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false
  return true
}

/** The attributes of the root tag, as written (the namespace declarations are read from them). */
function rootAttributes(text: string, spans: number[], count: number, utf8: Buffer | undefined): Record<string, string> {
  let attributes: Record<string, string> | undefined
  for (let a = 0; a < count * 4; a += 4) {
    const key = text.slice(spans[a], spans[a + 1])
    if (key === '__proto__') throw giveUp
    attributes ??= {}
    attributes[key] = attributeValue(text, spans[a + 2], spans[a + 3], utf8)
  }
  return attributes ?? noAttributes
}

function attributeValue(text: string, start: number, end: number, utf8: Buffer | undefined): string {
  const raw = text.slice(start, end)
  // Most values (`single`, `Normal`, `240`) are plain ASCII: nothing to do.
  let plain = true
  for (let i = 0; i < raw.length && plain; i++) {
    const c = raw.charCodeAt(i)
    plain = c >= 0x20 && c < 0x80 && c !== 0x26
  }
  if (plain) return raw
  const value = utf8 && highByte.test(raw) ? utf8.toString('utf8', start, end) : raw
  if (value.includes('&')) return expand(value.replace(/\r\n|[\t\n\r]/g, ' '))
  return /[\t\n\r]/.test(value) ? value.replace(/\r\n|[\t\n\r]/g, ' ') : value
}

/** The text at `start`…`end`: decoded from the bytes (`utf8`) when they are UTF-8 read as Latin-1. */
function textValue(text: string, start: number, end: number, utf8: Buffer | undefined): string {
  const value = utf8 ? (end - start <= maxDecoded ? decodeUtf8(text, start, end) : utf8.toString('utf8', start, end)) : text.slice(start, end)
  const lines = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value
  return lines.includes('&') ? expand(lines) : lines
}

/** Runs of text up to this many bytes are decoded by `decodeUtf8` (longer ones by Node: memory kept between parts stays small). */
const maxDecoded = 16_384
/** UTF-16 code units of the text being decoded, and the same memory as bytes. */
const units = new Uint16Array(maxDecoded)
const unitBytes = Buffer.from(units.buffer)

/**
 * The UTF-8 at `start`…`end` of `text` (bytes read as Latin-1, checked to
 * be valid UTF-8 before the scan; at most `maxDecoded` of them, so at most
 * as many code units), decoded: ASCII is sliced; other text is
 * decoded here and made a string in one copy, a tenth of the scan faster
 * than Node's decoding of many short runs of Vietnamese.
 */
function decodeUtf8(text: string, start: number, end: number): string {
  let k = start
  while (k < end && text.charCodeAt(k) < 0x80) k++
  if (k === end) return text.slice(start, end)
  let n = 0
  for (let b = start; b < k; b++) units[n++] = text.charCodeAt(b)
  while (k < end) {
    const c = text.charCodeAt(k)
    if (c < 0x80) {
      units[n++] = c
      k++
    } else if (c < 0xe0) {
      units[n++] = ((c & 0x1f) << 6) | (text.charCodeAt(k + 1) & 0x3f)
      k += 2
    } else if (c < 0xf0) {
      units[n++] = ((c & 0x0f) << 12) | ((text.charCodeAt(k + 1) & 0x3f) << 6) | (text.charCodeAt(k + 2) & 0x3f)
      k += 3
    } else {
      // Past the Basic Multilingual Plane: a surrogate pair.
      const point = (((c & 0x07) << 18) | ((text.charCodeAt(k + 1) & 0x3f) << 12) | ((text.charCodeAt(k + 2) & 0x3f) << 6) | (text.charCodeAt(k + 3) & 0x3f)) - 0x10000
      units[n++] = 0xd800 + (point >> 10)
      units[n++] = 0xdc00 + (point & 0x3ff)
      k += 4
    }
  }
  return unitBytes.toString('utf16le', 0, 2 * n)
}

/** Expand references (the predefined five, character references to characters XML allows). */
function expand(value: string): string {
  return value.replace(reference, (_, ref: string) => {
    if (ref.charCodeAt(0) !== 0x23) return predefined[ref]
    const code = ref.charCodeAt(1) === 0x78 ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10)
    if (!isChar(code)) throw giveUp
    return String.fromCodePoint(code)
  })
}

/**
 * Give up on `text` from `start` to `end` (character data, an attribute
 * value or a comment) if it holds what XML forbids there or what the fast
 * path leaves to saxes: a control character, U+FFFE or U+FFFF (as UTF-8
 * bytes read as Latin-1), an `&` that starts no predefined entity or
 * reference to a character XML allows, `]]>`. (Decoded text is checked
 * as a whole before the scan.)
 */
function checkText(text: string, start: number, end: number): void {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k)
    if (c > 0xff) continue
    const check = textChecks[c]
    if (check === 0) continue
    if (check === 1) throw giveUp
    if (check === 2) {
      referenceHere.lastIndex = k
      const match = referenceHere.exec(text)
      if (match === null || referenceHere.lastIndex > end) throw giveUp
      if (match[1] !== undefined && !isChar(Number.parseInt(match[1], 10))) throw giveUp
      if (match[2] !== undefined && !isChar(Number.parseInt(match[2], 16))) throw giveUp
    } else if (check === 3) {
      if (text.charCodeAt(k + 1) === 0x5d && text.charCodeAt(k + 2) === 0x3e) throw giveUp
    } else if (text.charCodeAt(k + 1) === 0xbf) {
      const d = text.charCodeAt(k + 2)
      if (d === 0xbe || d === 0xbf) throw giveUp
    }
  }
}

function isChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
}

/** `name` with its prefix renamed to the usual one. */
export function canonical(name: string, rename: Map<string, string>): string {
  if (rename.size === 0) return name
  const colon = name.indexOf(':')
  if (colon < 0) return name
  const usual = rename.get(name.slice(0, colon))
  return usual ? `${usual}:${name.slice(colon + 1)}` : name
}
