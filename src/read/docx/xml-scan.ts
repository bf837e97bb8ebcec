/**
 * The fast path of `parseXml`: a tag scanner (one sticky regular expression
 * per tag, `indexOf` between tags) that builds the same tree as the saxes
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
 */
import {Buffer} from 'node:buffer'
import type {XmlAction, XmlElement} from './xml.js'

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
/** The same in valid UTF-8 read byte by byte (no surrogates there; U+FFFE and U+FFFF as their three bytes). */
const forbiddenBytes = /[\x00-\x08\x0B\x0C\x0E-\x1F]|\xEF\xBF[\xBE\xBF]/
/** A byte of a UTF-8 sequence (read as Latin-1). */
const highByte = /[\x80-\xFF]/
/** A character reference. */
const characterReference = /&#(x[0-9A-Fa-f]+|[0-9]+);/g
/** An `&` that does not start a predefined entity or a character reference. */
const badAmpersand = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)/
const reference = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g
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
  if (utf8 ? forbiddenBytes.test(text) : forbiddenOrSurrogate.test(text) && forbidden.test(text)) return undefined
  if (badAmpersand.test(text) || text.includes(']]>')) return undefined
  // Character references anywhere (even in dropped elements) must name characters XML allows.
  if (text.includes('&#')) {
    for (const [, ref] of text.matchAll(characterReference)) if (!isChar(ref[0] === 'x' ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10))) return undefined
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

function scan(text: string, options: ScanOptions, prefixMap: (attributes: Record<string, string>) => Map<string, string>, utf8: Buffer | undefined): XmlElement {
  const {filter, textIn, maxElements} = options
  const kept = options.attributes
  const root: XmlElement = {name: '#document', attributes: {}, children: []}
  // Open elements, innermost last: the name as written, the kept element that receives children (null inside a skipped one), whether text is kept.
  const raw: string[] = []
  const targets: Array<XmlElement | null> = [root]
  const keepsText: boolean[] = [false]
  // The attributes of the tag being read: offsets of name start and end, value start and end.
  const spans: number[] = []
  let rename: Map<string, string> | undefined
  // The filter's answers, by parent then name (it depends on those two only; a part asks the same few thousand times).
  const actions = new Map<string, Map<string, XmlAction>>()
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
      const depth = raw.length
      if (depth === 0) {
        // Outside the root: white space only.
        if (notSpace.test(text.slice(at, end))) throw giveUp
      } else if (keepsText[depth]) {
        const target = targets[depth]
        if (target) target.children.push(textValue(text, at, end, utf8))
      }
    }
    if (lt < 0) break
    let i = lt + 1
    const first = text.charCodeAt(i)
    if (first === 0x2f) {
      // A close tag: it must close the innermost open element.
      const depth = raw.length
      if (depth === 0) throw giveUp
      const open = raw[depth - 1]
      if (!text.startsWith(open, i + 1)) throw giveUp
      i = skipSpace(text, i + 1 + open.length)
      if (text.charCodeAt(i) !== 0x3e) throw giveUp
      at = i + 1
      raw.pop()
      targets.pop()
      keepsText.pop()
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
      at = close + 3
      continue
    }
    // An open tag: its name, then attributes, each after white space.
    if (closedRoot || !(nameChars[first] & 1)) throw giveUp
    // The name, hashed on the way (to find the string read before).
    let hash = first
    let j = i + 1
    for (;;) {
      const c = text.charCodeAt(j)
      if (!(nameChars[c] & 2)) break
      hash = (Math.imul(hash, 31) + c) | 0
      j++
    }
    const tagName = internName(text, i, j, hash)
    let attributeCount = 0
    let selfClosing = false
    for (;;) {
      const c = text.charCodeAt(j)
      if (c === 0x3e) {
        j++
        break
      }
      if (c === 0x2f) {
        if (text.charCodeAt(j + 1) !== 0x3e) throw giveUp
        selfClosing = true
        j += 2
        break
      }
      if (!isSpace(c)) throw giveUp
      j = skipSpace(text, j)
      const n = text.charCodeAt(j)
      if (n === 0x3e || n === 0x2f) continue
      if (!(nameChars[n] & 1)) throw giveUp
      const keyStart = j
      const keyEnd = nameEnd(text, j + 1)
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
      // A duplicate attribute is refused.
      for (let a = 0; a < attributeCount * 4; a += 4) {
        if (sameName(text, spans[a], spans[a + 1], keyStart, keyEnd)) throw giveUp
      }
      const a = attributeCount++ * 4
      spans[a] = keyStart
      spans[a + 1] = keyEnd
      spans[a + 2] = j + 1
      spans[a + 3] = k
      j = k + 1
    }
    at = j
    const depth = raw.length
    const top = targets[depth]
    if (rename === undefined) rename = prefixMap(attributesOf(text, spans, attributeCount, undefined, undefined, utf8))
    const name = rename.size === 0 ? tagName : canonical(tagName, rename)
    let target: XmlElement | null = null
    let keepText = false
    if (top !== null) {
      let byName = actions.get(top.name)
      if (byName === undefined) actions.set(top.name, (byName = new Map()))
      let action = byName.get(name)
      if (action === undefined) byName.set(name, (action = filter(name, top.name)))
      if (action === 'keep') {
        if (++count > maxElements) throw giveUp
        target = {name, attributes: attributeCount === 0 ? noAttributes : attributesOf(text, spans, attributeCount, rename, kept, utf8), children: []}
        top.children.push(target)
        keepText = textIn ? textIn.has(name) : true
      } else if (action === 'unwrap') target = top
    }
    if (selfClosing) {
      if (depth === 0) closedRoot = true
      continue
    }
    raw.push(tagName)
    targets.push(target)
    keepsText.push(keepText)
  }
  if (raw.length > 0 || !closedRoot) throw giveUp
  const top = root.children[0]
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

function sameName(text: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false
  for (let i = 0; i < aEnd - aStart; i++) if (text.charCodeAt(aStart + i) !== text.charCodeAt(bStart + i)) return false
  return true
}

/** Names read so far, by a hash of their characters: the same name is the same string (no copy, hashed once as a key). */
const names = new Map<number, string>()

/** The name at `start`…`end` of `text`, the known string when there is one. */
function nameOf(text: string, start: number, end: number): string {
  let hash = 0
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0
  return internName(text, start, end, hash)
}

/** `nameOf`, given the hash of the name's characters. */
function internName(text: string, start: number, end: number, hash: number): string {
  const known = names.get(hash)
  if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return known
  const name = text.slice(start, end)
  if (names.size >= 4096) names.clear()
  names.set(hash, name)
  return name
}

/** Where the name whose second character is at `i` ends. */
function nameEnd(text: string, i: number): number {
  while (nameChars[text.charCodeAt(i)] & 2) i++
  return i
}

/** The attributes of the tag just read (renamed to the usual prefixes when `rename` has any; only those in `kept`, when given). */
function attributesOf(
  text: string,
  spans: number[],
  count: number,
  rename: Map<string, string> | undefined,
  kept: ReadonlySet<string> | undefined,
  utf8: Buffer | undefined
): Record<string, string> {
  let attributes: Record<string, string> | undefined
  for (let a = 0; a < count * 4; a += 4) {
    let key = nameOf(text, spans[a], spans[a + 1])
    // A key the object cannot hold as its own property goes to saxes.
    if (key === '__proto__') throw giveUp
    if (rename !== undefined && rename.size > 0) key = canonical(key, rename)
    if (kept !== undefined && !kept.has(key)) continue
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
  const value = utf8 ? utf8.toString('utf8', start, end) : text.slice(start, end)
  const lines = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value
  return lines.includes('&') ? expand(lines) : lines
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
