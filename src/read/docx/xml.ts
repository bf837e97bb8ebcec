/**
 * A small XML tree of an OOXML part, parsed with saxes (a strict,
 * non-validating parser that expands no entity but the five predefined
 * ones). A DOCTYPE is refused outright: OOXML has none, and a DTD is how
 * entity-expansion bombs ("billion laughs") and external entities come in.
 * A fast path (`xml-scan.ts`, four times faster) reads the plain XML that
 * Word and LibreOffice write into the same tree, and hands anything else,
 * every malformed part included, to saxes, which accepts or refuses it.
 *
 * Only what the reader needs is kept: a filter says, per element name,
 * whether to keep it, to drop it with everything inside (deleted text,
 * fallbacks), or to pass its children up to its parent; text is kept only
 * inside the elements that hold text (`w:t`). Element names use the
 * usual prefixes (`w:`, `mc:` …) whatever prefixes the file declares.
 */
import {Buffer, isUtf8} from 'node:buffer'
import {SaxesParser} from 'saxes'
import {canonical, scanXml} from './xml-scan.js'

/** An element: its name (`w:p`), attributes by name (`w:val`), children in order. */
export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlNode[]
}

/** An element or a run of text. */
export type XmlNode = XmlElement | string

/** Malformed or refused XML; the message says where and why. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'XmlError'
  }
}

/** What to do with an element: keep it, drop it and its content, or keep only its content. */
export type XmlAction = 'keep' | 'skip' | 'unwrap'

/** Options of `parseXml`. */
export interface ParseXmlOptions {
  /** Per element name and the name of the kept element it is in (default: keep everything). */
  filter?: (name: string, parent: string) => XmlAction
  /** Elements whose text is kept (default: all). */
  textIn?: ReadonlySet<string>
  /** Attributes kept, by their usual name (default: all). */
  attributes?: ReadonlySet<string>
  /** More kept elements than this fail (bounded memory on hostile input). */
  maxElements: number
}

/** The usual prefix of each OOXML namespace, to name elements the same whatever a file declares. */
const prefixes: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct'
}

/** Parse `bytes` (UTF-8 or UTF-16 XML) into a tree; throws an `XmlError` (saying on which line). */
export function parseXml(bytes: Uint8Array, options: ParseXmlOptions): XmlElement {
  // The fast path reads what OOXML writers write; anything else (every malformed file too) is parsed by saxes.
  return parseXmlFast(bytes, options) ?? parseWithSaxes(decodeXml(bytes), options)
}

/**
 * The fast path of `parseXml` alone (`xml-scan.ts`): the tree, or undefined
 * for saxes to decide. Valid UTF-8 (most parts) is scanned as its bytes,
 * read as Latin-1 (no decoding of the markup); other text once decoded.
 */
export function parseXmlFast(bytes: Uint8Array, options: ParseXmlOptions): XmlElement | undefined {
  const scanOptions = {filter: options.filter ?? keepAll, textIn: options.textIn, attributes: options.attributes, maxElements: options.maxElements}
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  if (!utf16 && isUtf8(bytes)) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
    const source = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom)
    return scanXml(source.toString('latin1'), scanOptions, prefixMap, source)
  }
  return scanXml(decodeXml(bytes), scanOptions, prefixMap)
}

/** The saxes path of `parseXml` (decoded text in; the fast path is checked against it). */
export function parseWithSaxes(text: string, options: ParseXmlOptions): XmlElement {
  try {
    return parseText(text, options, false)
  } catch (error) {
    // Tracking positions costs a third of the parse: only a failed parse is run again to say where.
    if (error instanceof XmlError) return parseText(text, options, true)
    throw error
  }
}

const keepAll = (): XmlAction => 'keep'

function parseText(text: string, options: ParseXmlOptions, position: boolean): XmlElement {
  const filter = options.filter ?? keepAll
  const textIn = options.textIn
  const kept = options.attributes
  const parser = new SaxesParser({xmlns: false, position})
  const root: XmlElement = {name: '#document', attributes: {}, children: []}
  // Open elements: the kept element that receives children, and whether text is kept there (null: inside a skipped element).
  const stack: Array<{target: XmlElement | null; text: boolean}> = [{target: root, text: false}]
  let rename: Map<string, string> | undefined
  let count = 0
  let failure: XmlError | undefined
  const fail = (message: string) => {
    failure ??= new XmlError(position ? `line ${parser.line}: ${message}` : message)
  }
  parser.on('doctype', () => fail('DOCTYPE refused (OOXML has none; DTDs carry entity expansion)'))
  parser.on('error', (error) => fail(error.message.replace(/^(?:[^:\s]*:)?\d+:\d+: /, '')))
  parser.on('opentag', (tag) => {
    const top = stack[stack.length - 1]
    rename ??= prefixMap(tag.attributes as Record<string, string>)
    const name = canonical(tag.name, rename)
    if (top.target === null) {
      stack.push(top)
      return
    }
    const action = filter(name, top.target.name)
    if (action === 'skip') {
      stack.push({target: null, text: false})
      return
    }
    if (action === 'unwrap') {
      stack.push({target: top.target, text: false})
      return
    }
    if (++count > options.maxElements) {
      fail(`more than ${options.maxElements} elements`)
      stack.push({target: null, text: false})
      return
    }
    const source = tag.attributes as Record<string, string>
    let attributes: Record<string, string> = source
    if (rename.size > 0 || kept) {
      attributes = {}
      for (const key in source) {
        const usual = canonical(key, rename)
        if (!kept || kept.has(usual)) attributes[usual] = source[key]
      }
    }
    const element: XmlElement = {name, attributes, children: []}
    top.target.children.push(element)
    stack.push({target: element, text: textIn ? textIn.has(name) : true})
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  const onText = (text: string) => {
    const top = stack[stack.length - 1]
    if (top.target && top.text) top.target.children.push(text)
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  // Feed in slices: a failure (a DOCTYPE, a bad tag) stops the parse early.
  const slice = 1 << 20
  for (let i = 0; i < text.length && !failure; i += slice) parser.write(text.slice(i, i + slice))
  if (!failure) parser.close()
  if (failure) throw failure
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string')
  if (!top) throw new XmlError('no root element')
  return top
}

/** The text of XML bytes: UTF-16 by its BOM, else UTF-8 (a BOM skipped). */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  return new TextDecoder('utf-8').decode(bytes)
}

/** Prefix → usual prefix, from the namespace declarations of the root element. */
export function prefixMap(attributes: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>()
  for (const [key, value] of Object.entries(attributes)) {
    if (!key.startsWith('xmlns:')) continue
    const usual = prefixes[value]
    if (usual && usual !== key.slice(6)) map.set(key.slice(6), usual)
  }
  return map
}

/** The child elements of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name)
}

/** The first child element of `element` named `name`. */
export function childNamed(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined
  // An index loop: no iterator, whatever kind of array the children are (the scanner shares one frozen empty array).
  const children = element.children
  for (let k = 0; k < children.length; k++) {
    const c = children[k]
    if (typeof c !== 'string' && c.name === name) return c
  }
  return undefined
}

/** The text of `element` and its descendants, concatenated. */
export function textOf(element: XmlElement): string {
  let out = ''
  for (const c of element.children) out += typeof c === 'string' ? c : textOf(c)
  return out
}
