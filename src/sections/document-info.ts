/**
 * Read the document's formal parts (Nghị định 30/2020/NĐ-CP) from the
 * paragraphs the segmenter gave roles: type, number, issuer, place and date,
 * title, bases, articles, addressees, recipients, signatures.
 */
import {distance} from 'fastest-levenshtein'
import type {VFile} from 'vfile'
import type {Article, Basis, DocumentInfo, Signature} from '../output/schema.js'
import {parseDocumentDate} from '../normalize/document-date.js'
import {parseDocumentNumber} from '../normalize/document-number.js'
import {properCase} from '../normalize/proper-case.js'
import {findReferences} from '../normalize/references.js'
import {stripMarks} from '../vietnamese/letters.js'
import type {Paragraph, Part, Role} from '../tree/types.js'
import {textsIn} from '../tree/walk.js'
import {loadGrammar} from '../util/grammar.js'
import {repairAbbreviations} from './abbreviations.js'
import {itemBullet} from './markers.js'
import type {RuleOf} from '../rules/registry.js'
import {report} from '../rules/report.js'

/** Extract the document's fields from its `document` parts. */
export function documentInfo(parts: Part[], typeCode: string | null, file: VFile): DocumentInfo {
  const header = loadGrammar('header')
  const names = loadGrammar('document-types').data.names as Record<string, string>
  const paragraphs = parts
    .filter((p) => p.kind === 'document')
    .flatMap((p) => p.children)
    .filter((c): c is Paragraph => c.type === 'paragraph')
  const withRole = (role: Role) => paragraphs.filter((p) => p.data?.role === role)
  const firstText = (role: Role) => withRole(role)[0]?.value

  // Issuer: capital lines of the left header column, minus the Quốc hiệu and Tiêu ngữ merged into them.
  const issuerLines: string[] = []
  for (const p of paragraphs) {
    const role = p.data?.role
    if (role === 'issuer') issuerLines.push(p.value)
    else if (role === 'nationalTitle') issuerLines.push(before(p.value, header.rule('nationalTitle').regex))
    else if (role === 'motto') issuerLines.push(before(p.value, header.rule('motto').regex))
    if (role === 'number' || role === 'documentType') break
  }
  const issuerText = issuerLines.map((l) => l.trim()).filter(Boolean)
  let issuer: DocumentInfo['issuer'] = null
  if (issuerText.length > 0) issuer = splitIssuer(issuerText)
  else {
    const authority = firstText('authority')
    const body = authority?.replace(/^(?:PHÓ\s+)?CHỦ\s+TỊCH\s+/u, '')
    if (body && body !== authority) issuer = {name: properCase(body)}
  }

  // Number, place and date (often on one line in OCR output).
  const numberLine = firstText('number')
  const number = numberLine ? parseDocumentNumber(header.rule('number').regex.exec(numberLine)!.groups!.raw) : null
  const afterNumber = numberLine?.slice(header.rule('number').regex.exec(numberLine)![0].length)
  const placeLine = [firstText('placeDate'), afterNumber].find((t) => t && header.rule('placeDate').regex.test(t))
  const placeMatch = placeLine ? header.rule('placeDate').regex.exec(placeLine) : null
  const place = samePlace(placeMatch?.groups?.place.trim() ?? null, issuer?.name ?? null)
  const date = placeMatch ? parseDocumentDate(`ngày ${placeMatch.groups!.date}`) : null

  if (!issuer) issuer = inferIssuer(parts, place, firstText('title') ?? null, file)

  // Type and title.
  const subject = withRole('title').find((p) => header.rule('subject').regex.test(p.value))
  const code = typeCode ?? (subject ? 'CV' : (number?.typeCode ?? null))
  const type = code ? {code, name: names[code] ?? code} : null
  const titleNode = withRole('title')[0]
  const title = titleNode ? (subject ? titleNode.value : titleNode.value).trim() : null

  // A basis OCR read behind a stray quote (`“Căn cứ …` without a closing one) is given without it.
  const bases: Basis[] = withRole('basis').map((p) => {
    const text = p.value.replace(/^[“"]\s*(?=Căn\s)/u, '')
    return {text, references: findReferences(text)}
  })
  const articles = readArticles(withRole('article'), header.rule('article').regex)
  const recipientNodes = withRole('recipient')
  const listed = recipientNodes.map((p) => cleanItem(p.value)).filter((r) => r !== '')
  const recipientsInline = firstText('recipientsHeading')
  const inline = recipientsInline ? header.rule('recipientsHeading').regex.exec(recipientsInline)?.groups?.rest : ''
  if (inline) listed.unshift(...splitInline(inline))
  // Small print: OCR misreads abbreviations (`Lưu: VI` for VT); put right the ones a known abbreviation explains.
  const recipients = listed.map((item) => {
    const {text, repairs} = repairAbbreviations(item)
    for (const r of repairs) {
      const node = recipientNodes.find((p) => p.value.includes(r.from))
      report(file, 'ocr-abbreviation', `Abbreviation read as \`${r.from}\` taken for \`${r.to}\``, {place: node?.position, actual: r.from, expected: [r.to]})
    }
    return text
  })
  const addressees = withRole('addressees').flatMap((p) =>
    splitInline(header.rule('addressees').regex.exec(p.value)?.groups?.rest ?? '')
  )

  if (!number) info(file, 'No document number (`Số: …`) found', 'missing-number')
  if (!date) info(file, 'No place and date (`…, ngày … tháng … năm …`) found', 'missing-date')
  if (!type) info(file, 'No document type line (QUYẾT ĐỊNH, KẾ HOẠCH …) found', 'missing-type')

  return {
    type,
    number,
    issuer,
    place,
    date,
    title,
    bases,
    articles,
    addressees,
    recipients,
    signatures: readSignatures(paragraphs, header.rule('signatureAuthority').regex)
  }
}

/**
 * A document without issuer lines (the header was cut off) often names
 * itself in its text: `Ủy ban nhân dân xã Hồng Châu`. Take the body whose
 * place is the document's place or appears in its title.
 */
function inferIssuer(parts: Part[], place: string | null, title: string | null, file: VFile): DocumentInfo['issuer'] {
  const pattern =
    /(?:(?:Ủy|Uỷ|ỦY|UỶ)\s+ban\s+nhân\s+dân|UBND)\s+(?<unit>xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|tỉnh|thành\s+phố)\s+(?<name>[\p{Lu}Đ][\p{Ll}đ]*(?:\s+[\p{Lu}Đ][\p{Ll}đ]*){0,3})/gu
  const texts = textsIn(parts)
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const {unit, name} = match.groups!
      if (name === place || (title && title.includes(`${unit} ${name}`))) {
        report(file, 'issuer-inferred', `Issuer inferred from the text: \`${match[0]}\``)
        return {name: `Ủy ban nhân dân ${unit} ${name}`}
      }
    }
  }
  return null
}

/**
 * The place as the issuer's name spells it when the two differ by no more than marks and one
 * letter: the commune's name in `Chốn Hưng, ngày …` (OCR of the italic place line) is the one in
 * `Ủy ban nhân dân xã Chấn Hưng`.
 */
function samePlace(place: string | null, issuer: string | null): string | null {
  if (!place || !issuer) return place
  const key = stripMarks(place).toLowerCase()
  const words = issuer.split(/\s+/u)
  const n = place.split(/\s+/u).length
  for (let i = 0; i + n <= words.length; i++) {
    const candidate = words.slice(i, i + n).join(' ')
    if (candidate !== place && /^\p{Lu}/u.test(candidate) && key.length >= 6 && distance(stripMarks(candidate).toLowerCase(), key) <= 1) return candidate
  }
  return place
}

/** Text before the first match of `pattern` in `text`. */
function before(text: string, pattern: RegExp): string {
  const match = pattern.exec(text)
  return match ? text.slice(0, match.index) : text
}

/** Two issuer lines where the first names a complete body are parent and issuer. */
function splitIssuer(lines: string[]): NonNullable<DocumentInfo['issuer']> {
  const complete = /^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+(?:XÃ|PHƯỜNG|THỊ\s+TRẤN|HUYỆN|QUẬN|THỊ\s+XÃ|TỈNH|THÀNH\s+PHỐ)\s+\S|^(?:UBND|BỘ|SỞ)\s+\S/u
  if (lines.length >= 2 && complete.test(lines[0])) {
    return {name: properCase(lines.slice(1).join(' ')), parent: properCase(lines[0])}
  }
  return {name: properCase(lines.join(' '))}
}

/** Articles: `Điều N.` paragraphs, with the paragraphs that continue them. */
function readArticles(paragraphs: Paragraph[], pattern: RegExp): Article[] {
  const articles: Article[] = []
  for (const p of paragraphs) {
    const match = pattern.exec(p.value)
    if (match?.groups) articles.push({number: Number(match.groups.number), text: match.groups.text.trim()})
    else if (articles.length > 0) articles[articles.length - 1].text += '\n' + p.value
  }
  return articles
}

/** Signature blocks: authority lines (TM./KT. …), a position, a name. */
function readSignatures(paragraphs: Paragraph[], authorityPattern: RegExp): Signature[] {
  const signatures: Signature[] = []
  let current: (Signature & {chain?: Array<{authority: string; on: string}>}) | undefined
  const start = () => {
    current = {authority: null, position: null, name: null}
    signatures.push(current)
    return current
  }
  for (const p of paragraphs) {
    const role = p.data?.role
    if (role === 'signatureAuthority') {
      const match = authorityPattern.exec(p.value)!
      const block = current && current.name === null && current.position === null ? current : start()
      // OCR may lower a capital (`kT.`): the authority is one of the fixed upper-case words.
      block.authority = `${match.groups!.authority.toUpperCase()}.` as Signature['authority']
      block.on = match.groups!.on.trim()
      block.chain = [...(block.chain ?? []), {authority: block.authority!, on: block.on}]
    } else if (role === 'signaturePosition') {
      const block = current && current.name === null && current.position === null ? current : start()
      block.position = p.value.trim()
    } else if (role === 'signatureName') {
      const block = current && current.name === null ? current : start()
      // Without a speck OCR read after the name (`Phạm Thị Thu Hiền.`).
      block.name = p.value.trim().replace(/[.,'`]$/u, '')
    }
  }
  return signatures
}

/** An item of a list (`- Như Điều 3;`) without its bullet and final punctuation. */
function cleanItem(text: string): string {
  return text
    .replace(itemBullet, '')
    // `:` too: small print's `;` often comes out of OCR as `:`.
    .replace(/[;,.:]\s*$/u, '')
    .trim()
}

/** Items written on one line (`Nơi nhận: - A; - B.`). */
function splitInline(text: string): string[] {
  return text
    .split(/\s*;\s*|\s+-\s+|^-\s*/u)
    .map(cleanItem)
    .filter((t) => t !== '')
}

function info(file: VFile, reason: string, ruleId: RuleOf<'sections'>): void {
  report(file, ruleId, reason)
}
