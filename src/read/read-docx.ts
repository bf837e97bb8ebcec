/**
 * The DOCX route: the parts of the ZIP (`docx/zip.ts`, inflated within
 * limits), parsed as XML that may not declare a DTD (`docx/xml.ts`), walked
 * into paragraphs and tables (`docx/document.ts`, with list labels from
 * `docx/numbering.ts` and styles from `docx/styles.ts`), and rendered into
 * text and `layout.tables` (`word/render.ts`).
 *
 * Why these libraries: yauzl reads the central directory (so data
 * descriptors and ZIP64 work), inflates with Node's zlib as a stream we
 * count and stop, and fails a part that inflates past the size its header
 * states; saxes is a strict streaming parser that expands no entity beyond
 * the predefined five and lets us refuse a DOCTYPE (a tag scanner of our
 * own reads the plain XML Word writes four times faster, and leaves
 * everything else to saxes). mammoth (DOCX → HTML)
 * was the other candidate: it renders no list numbering (the "I.", "1.",
 * "a)" of auto-numbered headings), which the section tree needs, and gives
 * no hook to cap inflation. word-extractor, which reads our DOCs, uses the
 * same two libraries.
 */
import type {VFile} from 'vfile'
import {defaultLimits} from '../bulk/limits.js'
import {documentAttributes, documentFilter, documentText, readBody} from './docx/document.js'
import {readNumbering} from './docx/numbering.js'
import {readStyles} from './docx/styles.js'
import {childrenNamed, parseXml, XmlError, type XmlElement} from './docx/xml.js'
import {openZip, ZipError, type Zip} from './docx/zip.js'
import type {ReadContext} from './read-context.js'
import {ReadError} from './read-error.js'
import type {SourceEncoding} from './types.js'
import {writeWord} from './word/write.js'

/** A part may inflate to this many times `maxBytes` (the limit of the file itself). */
export const partBytesPerFileByte = 20

/** At most this many entries in the archive, and XML elements kept per part. */
const maxEntries = 10_000
const maxElements = 2_000_000
/** A part may inflate to this many times its compressed size (past 16 MiB). */
const maxRatio = 100

const relationshipTypes = {
  officeDocument: /\/officeDocument$/,
  styles: /\/styles$/,
  numbering: /\/numbering$/
}

/** Read the DOCX in `bytes` into `file`; returns the legacy encoding its text was converted from, if any. */
export async function readDocx(file: VFile, bytes: Uint8Array, context: ReadContext): Promise<{encoding?: SourceEncoding}> {
  const maxPartBytes = (context.options.maxBytes ?? defaultLimits.maxBytes) * partBytesPerFileByte
  let zip: Zip | undefined
  try {
    zip = await openZip(bytes, {maxPartBytes, maxEntries, maxRatio})
    const main = (await target(zip, '_rels/.rels', 'officeDocument', '')) ?? 'word/document.xml'
    const relsPath = main.replace(/([^/]*)$/, '_rels/$1.rels')
    const folder = main.replace(/[^/]*$/, '')
    const documentBytes = await zip.read(main)
    if (!documentBytes) throw new ReadError(context.name, `corrupt DOCX (no ${main})`)
    const styles = readStyles(await part(zip, (await target(zip, relsPath, 'styles', folder)) ?? `${folder}styles.xml`))
    const numberingRoot = await part(zip, (await target(zip, relsPath, 'numbering', folder)) ?? `${folder}numbering.xml`)
    const numbering = readNumbering(numberingRoot, (styleId) => styles.numbering(styleId)?.numId)
    context.options.signal?.throwIfAborted()
    const document = xml(documentBytes, main, {filter: documentFilter, textIn: documentText, attributes: documentAttributes, maxElements})
    const body = readBody(document, styles, numbering)
    const encoding = writeWord(file, body.blocks, 'docx', [...body.encodings][0])
    return encoding ? {encoding} : {}
  } catch (error) {
    throw asReadError(error, context.name)
  } finally {
    zip?.close()
  }
}

/** A ZIP or XML failure as a `ReadError` naming the file. */
function asReadError(error: unknown, name: string): unknown {
  if (error instanceof ZipError) return new ReadError(name, `corrupt or hostile DOCX: ${error.message}`, {cause: error})
  if (error instanceof XmlError) return new ReadError(name, `corrupt DOCX: ${error.message}`, {cause: error})
  return error
}

function xml(bytes: Buffer, path: string, options: Parameters<typeof parseXml>[1]): XmlElement {
  try {
    return parseXml(bytes, options)
  } catch (error) {
    if (error instanceof XmlError) throw new XmlError(`${path}: ${error.message}`)
    throw error
  }
}

/** The parsed part at `path`, or undefined when the archive lacks it. */
async function part(zip: Zip, path: string): Promise<XmlElement | undefined> {
  const bytes = await zip.read(path)
  return bytes ? xml(bytes, path, {maxElements}) : undefined
}

/** The target of the first relationship of `type` in the relationships part `relsPath` (resolved against `folder`). */
async function target(zip: Zip, relsPath: string, type: keyof typeof relationshipTypes, folder: string): Promise<string | undefined> {
  const rels = await part(zip, relsPath)
  if (!rels) return undefined
  for (const rel of childrenNamed(rels, rels.name.includes(':') ? `${rels.name.split(':')[0]}:Relationship` : 'Relationship')) {
    if (!relationshipTypes[type].test(rel.attributes.Type ?? '')) continue
    const to = rel.attributes.Target
    if (!to || rel.attributes.TargetMode === 'External') continue
    return resolvePath(folder, to)
  }
  return undefined
}

/** `to` relative to `folder` (both inside the archive; a leading `/` is the archive's root). */
function resolvePath(folder: string, to: string): string {
  const parts = (to.startsWith('/') ? to.slice(1) : folder + to).split('/')
  const out: string[] = []
  for (const p of parts) {
    if (p === '..') out.pop()
    else if (p !== '.' && p !== '') out.push(p)
  }
  return out.join('/')
}
