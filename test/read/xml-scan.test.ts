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
import {documentFilter, documentNoise, documentText} from '../../src/read/docx/document.js'
import {scanXml} from '../../src/read/docx/xml-scan.js'
import {parseWithSaxes, prefixMap, XmlError, type ParseXmlOptions} from '../../src/read/docx/xml.js'
import {openZip} from '../../src/read/docx/zip.js'
import {root} from './helpers.js'

const limits = {maxPartBytes: 1 << 28, maxEntries: 1000, maxRatio: 1000}

/** Every XML part of the Word fixtures and of the bench plan, decoded (and stripped as the reader strips `document.xml`). */
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
      const options: ParseXmlOptions = document ? {filter: documentFilter, textIn: documentText, maxElements: 2_000_000} : {maxElements: 2_000_000}
      const text = new TextDecoder().decode((await zip.read(name))!)
      parts.push({name: `${path.relative(root, file)}:${name}`, text: document ? text.replace(documentNoise, '') : text, options})
    }
    zip.close()
  }
  return parts
}

function fast(text: string, options: ParseXmlOptions) {
  return scanXml(text, {filter: options.filter ?? (() => 'keep'), textIn: options.textIn, maxElements: options.maxElements}, prefixMap)
}

function slow(text: string, options: ParseXmlOptions) {
  try {
    return parseWithSaxes(text, options)
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
      const tree = fast(part.text, part.options)
      expect(tree, part.name).toBeDefined()
      expect(JSON.stringify(tree), part.name).toBe(JSON.stringify(slow(part.text, part.options)))
    }
  })

  it('on damaged parts: refused by saxes is never read; read is read as saxes reads it', async () => {
    const parts = (await fixtureParts()).filter((p) => p.text.length < 60_000)
    const pieces = ['<', '>', '&', '&amp;', '&#0;', '&#x41;', '"', "'", '/', '<!--x-->', '<!-- a--b -->', ']]>', '<![CDATA[x]]>', '<?pi x?>', '<!DOCTYPE x>', ' a="1"', '\r\n', '\t', '\u0001', '\ud800', '=', ' ', '</w:p>', '<w:p>', 'ü', '&bogus;', '&#13;', '\r']
    let seed = 1
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const counts = {read: 0, refused: 0, handedOver: 0}
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
      const tree = fast(text, part.options)
      const reference = slow(text, part.options)
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
    const tree = fast('<a b="x&amp;&#10;y\tz\r\nw"><t>1&lt;2\r\n3\r4 &#x1EA0;</t></a>', {maxElements: 10})
    expect(tree).toEqual({name: 'a', attributes: {b: 'x&\ny z w'}, children: [{name: 't', attributes: {}, children: ['1<2\n3\n4 Ạ']}]})
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
    }
  })
})
