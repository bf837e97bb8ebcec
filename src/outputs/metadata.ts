/**
 * A document's metadata from its parsed output, and how it goes into a PDF:
 * the document information dictionary and an XMP packet (Dublin Core) in
 * the catalog, both in UTF-16/UTF-8 so Vietnamese survives.
 */
import {PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument} from 'pdf-lib'
import type {Output} from '../output/schema.js'

/** What a searchable PDF says about the document. */
export interface DocumentMetadata {
  /** Type and number: `Quyết định 06/QĐ-UBND` (or the trích yếu, or the plan's title). */
  title: string | null
  /** The trích yếu (the document's title line), or the plan's title. */
  subject: string | null
  /** The issuing body. */
  author: string | null
  /** Type, number, issuer, date, plan title: each one that is known. */
  keywords: string[]
  /** The document number as printed (`06/QĐ-UBND`). */
  number: string | null
  /** The date: ISO when whole, else as written. */
  date: string | null
}

/** The metadata of a parsed document; fields it does not know are null. */
export function documentMetadata(output: Output): DocumentMetadata {
  const d = output.document
  const number = d.number?.raw ?? null
  const date = d.date ? (d.date.iso ?? d.date.raw) : null
  const subject = d.title ?? output.plan?.title ?? null
  const typed = [d.type?.name, number].filter(Boolean).join(' ')
  const keywords = unique([d.type?.name, number, d.issuer?.name, date, output.plan?.title ?? undefined])
  return {title: typed || subject, subject, author: d.issuer?.name ?? null, keywords, number, date}
}

/** Put `meta` into `doc`'s information dictionary and its XMP metadata stream; `lang` is the catalog's language. */
export function setPdfMetadata(doc: PDFDocument, meta: DocumentMetadata, lang = 'vi'): void {
  if (meta.title) doc.setTitle(meta.title)
  if (meta.subject) doc.setSubject(meta.subject)
  if (meta.author) doc.setAuthor(meta.author)
  doc.setCreator('sohoa')
  doc.setProducer('sohoa (pdf-lib)')
  const info = doc.context.lookup(doc.context.trailerInfo.Info)
  if (info instanceof PDFDict) {
    if (meta.keywords.length > 0) info.set(PDFName.of('Keywords'), PDFHexString.fromText(meta.keywords.join(', ')))
    if (meta.number) info.set(PDFName.of('DocumentNumber'), PDFHexString.fromText(meta.number))
    if (meta.date) info.set(PDFName.of('DocumentDate'), PDFHexString.fromText(meta.date))
  }
  const xmp = new TextEncoder().encode(xmpPacket(meta))
  const stream = doc.context.stream(xmp, {Type: 'Metadata', Subtype: 'XML', Length: xmp.length})
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream))
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(lang))
}

/** The XMP packet of `meta`: Dublin Core title, description, creator, subject, identifier, date, language; PDF keywords and producer. */
export function xmpPacket(meta: DocumentMetadata): string {
  const alt = (tag: string, value: string | null) =>
    value ? `   <${tag}><rdf:Alt><rdf:li xml:lang="x-default">${escape(value)}</rdf:li></rdf:Alt></${tag}>\n` : ''
  const list = (tag: string, kind: 'Seq' | 'Bag', values: string[]) =>
    values.length > 0 ? `   <${tag}><rdf:${kind}>${values.map((v) => `<rdf:li>${escape(v)}</rdf:li>`).join('')}</rdf:${kind}></${tag}>\n` : ''
  const simple = (tag: string, value: string | null) => (value ? `   <${tag}>${escape(value)}</${tag}>\n` : '')
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    '  <rdf:Description rdf:about=""\n' +
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n' +
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"\n' +
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n' +
    '   <dc:format>application/pdf</dc:format>\n' +
    alt('dc:title', meta.title) +
    alt('dc:description', meta.subject) +
    list('dc:creator', 'Seq', meta.author ? [meta.author] : []) +
    list('dc:subject', 'Bag', meta.keywords) +
    simple('dc:identifier', meta.number) +
    list('dc:date', 'Seq', meta.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date) ? [meta.date] : []) +
    list('dc:language', 'Bag', ['vi']) +
    simple('pdf:Keywords', meta.keywords.join(', ') || null) +
    '   <pdf:Producer>sohoa (pdf-lib)</pdf:Producer>\n' +
    '   <xmp:CreatorTool>sohoa</xmp:CreatorTool>\n' +
    '  </rdf:Description>\n' +
    ' </rdf:RDF>\n' +
    '</x:xmpmeta>\n' +
    '<?xpacket end="w"?>'
  )
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function unique(values: Array<string | null | undefined>): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v && v.trim())))]
}
