/**
 * The fast path of the DOCX XML parser (`docx/xml-scan.ts`) against the
 * saxes path it stands in for: the same tree for every XML part of the
 * Word fixtures (with the document filter on `document.xml`), and, on a
 * few thousand damaged copies of those parts (characters inserted, cut,
 * repeated), never a tree where saxes refuses the text, and the same tree
 * where it accepts it. Also the cases it hands to saxes on purpose.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {documentAttributes, documentFilter, documentText} from '../../src/read/docx/document.js'
import {scanXml} from '../../src/read/docx/xml-scan.js'
import {parseWithSaxes, parseXmlFast, prefixMap, XmlError, type ParseXmlOptions} from '../../src/read/docx/xml.js'
import {openZip} from '../../src/read/docx/zip.js'
import {root} from './helpers.js'

const limits = {maxPartBytes: 1 << 28, maxEntries: 1000, maxRatio: 1000}

/** Every XML part of the Word fixtures and of the bench plan, decoded (`document.xml` with the reader's options). */
async function fixtureParts(): Promise<Array<{name: string; text: string; options: ParseXmlOptions}>> {
  const files = [
    ...readdirSync(path.join(root, 'fixtures/word')).map((name) => path.join(root, 'fixtures/word', name, 'input.docx')),
    path.join(root, 'fixtures/bench/long-plan/input.docx')
  ].filter((f) => {
    try {
      readFileSync(f)
      return true
    } catch {
      return false
    }
  })
  const parts = []
  for (const file of files) {
    const zip = await openZip(new Uint8Array(readFileSync(file)), limits)
    for (const name of [...zip.names].filter((n) => /\.(xml|rels)$/.test(n)).sort()) {
      const document = name === 'word/document.xml'
      const options: ParseXmlOptions = document ? {filter: documentFilter, textIn: documentText, attributes: documentAttributes, maxElements: 2_000_000} : {maxElements: 2_000_000}
      parts.push({name: `${path.relative(root, file)}:${name}`, text: new TextDecoder().decode((await zip.read(name))!), options})
    }
    zip.close()
  }
  return parts
}

/** The fast path on `text` as UTF-8 bytes (scanned as bytes), or on bytes as they are. */
function fast(text: string | Uint8Array, options: ParseXmlOptions) {
  return parseXmlFast(typeof text === 'string' ? Buffer.from(text) : text, options)
}

/** The fast path on decoded text. */
function fastText(text: string, options: ParseXmlOptions) {
  return scanXml(text, {filter: options.filter ?? (() => 'keep'), textIn: options.textIn, attributes: options.attributes, maxElements: options.maxElements}, prefixMap)
}

/** The saxes path on `text` (bytes decoded as `parseXml` decodes them). */
function slow(text: string | Uint8Array, options: ParseXmlOptions) {
  const decoded = typeof text === 'string' ? text : new TextDecoder().decode(text)
  try {
    return parseWithSaxes(decoded, options)
  } catch (error) {
    if (error instanceof XmlError) return 'refused'
    throw error
  }
}

describe('XML fast path', () => {
  it('reads every part of the Word fixtures into the tree saxes makes', async () => {
    const parts = await fixtureParts()
    expect(parts.length).toBeGreaterThan(50)
    for (const part of parts) {
      const reference = JSON.stringify(slow(part.text, part.options))
      for (const tree of [fast(part.text, part.options), fastText(part.text, part.options)]) {
        expect(tree, part.name).toBeDefined()
        expect(JSON.stringify(tree), part.name).toBe(reference)
      }
    }
  })

  it('on damaged parts: refused by saxes is never read; read is read as saxes reads it', async () => {
    const parts = (await fixtureParts()).filter((p) => p.text.length < 60_000)
    const pieces = ['<', '>', '&', '&amp;', '&#0;', '&#x41;', '"', "'", '/', '<!--x-->', '<!-- a--b -->', ']]>', '<![CDATA[x]]>', '<?pi x?>', '<!DOCTYPE x>', ' a="1"', '\r\n', '\t', '\u0001', '\ud800', '=', ' ', '</w:p>', '<w:p>', 'ü', '&bogus;', '&#13;', '\r']
    let seed = 1
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const counts = {read: 0, refused: 0, handedOver: 0}
    // Bytes that are no UTF-8 (a lone lead byte, a stray continuation, 0xFF), inserted as bytes.
    const badBytes = [[0xc3], [0x80], [0xff], [0xe1, 0xba]]
    for (let i = 0; i < 2000; i++) {
      const part = parts[Math.floor(random() * parts.length)]
      let text = part.text
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * text.length)
        const r = random()
        if (r < 0.4) text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at)
        else if (r < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5))
        else {
          const from = Math.floor(random() * text.length)
          text = text.slice(0, at) + text.slice(from, from + 20) + text.slice(at)
        }
      }
      // The decoded path on the text itself.
      const onText = fastText(text, part.options)
      if (onText !== undefined) expect(JSON.stringify(onText), `${part.name} #${i} (text)`).toBe(JSON.stringify(slow(text, part.options)))
      // The byte path on its UTF-8 (lone surrogates become U+FFFD), maybe with bytes that are no UTF-8.
      let input = Buffer.from(text)
      if (random() < 0.1) {
        const at = Math.floor(random() * input.length)
        input = Buffer.concat([input.subarray(0, at), Buffer.from(badBytes[Math.floor(random() * badBytes.length)]), input.subarray(at)])
      }
      const tree = fast(input, part.options)
      const reference = slow(input, part.options)
      if (tree === undefined) {
        if (reference === 'refused') counts.refused++
        else counts.handedOver++
        continue
      }
      counts.read++
      expect(reference, `${part.name} #${i}`).not.toBe('refused')
      expect(JSON.stringify(tree), `${part.name} #${i}`).toBe(JSON.stringify(reference))
    }
    // Both kinds occur: the check is not empty.
    expect(counts.read).toBeGreaterThan(200)
    expect(counts.refused).toBeGreaterThan(700)
  })

  it('expands references and normalizes line ends as XML says', () => {
    const tree = fast('<a b="x&amp;&#10;y\tz\r\nw ố"><t>1&lt;2\r\n3\r4 &#x1EA0; ố</t></a>', {maxElements: 10})
    expect(tree).toEqual({name: 'a', attributes: {b: 'x&\ny z w ố'}, children: [{name: 't', attributes: {}, children: ['1<2\n3\n4 Ạ ố']}]})
  })

  it('keeps only the attributes asked for, on both paths', () => {
    const xml = '<w:p xmlns:w="x" w:rsidR="1" w:val="a"><w:r w:val="b" w:rsidRPr="2"/><w:t/></w:p>'
    const options = {maxElements: 10, attributes: new Set(['w:val'])}
    const expected = {name: 'w:p', attributes: {'w:val': 'a'}, children: [{name: 'w:r', attributes: {'w:val': 'b'}, children: []}, {name: 'w:t', attributes: {}, children: []}]}
    expect(fast(xml, options)).toEqual(expected)
    expect(slow(xml, options)).toEqual(expected)
  })

  it('reads UTF-16 and UTF-8 with a byte-order mark', () => {
    const xml = '<a b="ố"><t>Ủy ban</t></a>'
    const expected = {name: 'a', attributes: {b: 'ố'}, children: [{name: 't', attributes: {}, children: ['Ủy ban']}]}
    expect(fast(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)]), {maxElements: 10})).toEqual(expected)
    expect(fast(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]), {maxElements: 10})).toEqual(expected)
  })

  it('hands to saxes what it does not read: a DTD, CDATA, other instructions, names outside ASCII, too many elements', () => {
    for (const text of [
      '<!DOCTYPE a><a/>',
      '<a><![CDATA[x]]></a>',
      '<?xml version="1.0"?><?pi x?><a/>',
      '<a><é/></a>',
      '<?xml version="1.1"?><a/>',
      `<a>${'<b/>'.repeat(30)}</a>`,
      '<a b="1" b="2"/>',
      '<a>&nbsp;</a>',
      '<a/><b/>',
      'x<a/>'
    ]) {
      expect(fast(text, {maxElements: 20}), text).toBeUndefined()
      expect(fastText(text, {maxElements: 20}), text).toBeUndefined()
    }
  })
})
