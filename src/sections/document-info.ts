/**
 * Read the document's formal parts (Nghị định 30/2020/NĐ-CP) from the
 * paragraphs the segmenter gave roles: type, number, issuer, place and date,
 * title, bases, articles, addressees, recipients, signatures.
 */
import {distance} from 'fastest-levenshtein'
import type {VFile} from 'vfile'
import type {Article, Basis, DocumentInfo, Signature} from '../output/schema.js'
import {properCase} from '../normalize/proper-case.js'
import {findReferences} from '../normalize/references.js'
import {stripMarks} from '../vietnamese/letters.js'
import type {Paragraph, Part, Role} from '../tree/types.js'
import {textsIn} from '../tree/walk.js'
import {loadGrammar} from '../util/grammar.js'
import {repairAbbreviations} from './abbreviations.js'
import {itemBullet} from './markers.js'
import {placeIssuer, placeName, splitIssuer} from './issuer.js'
import {readNumberLine} from './number-line.js'
import {readPlaceDate} from './place-date.js'
import {repairPersonName} from './person-name.js'
import {matchPosition} from './position.js'
import {bareAuthority, garbledAuthority, signerName, splitRank} from './closing-lines.js'
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

  // Names OCR read are put right by the gazetteer and by usual names; a text as written is not.
  const ocred = file.data.source?.route === 'ocr' || file.data.source?.route === 'ocr-text'

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
  // The unit the issuer is named after, as the gazetteer writes it (`Lâm Đông` → `Lâm Đồng`).
  const placeIn = (found: NonNullable<DocumentInfo['issuer']>) => {
    const placed = placeIssuer(found, ocred)
    for (const r of placed.repairs) info(file, `Issuer's unit read as \`${r.from}\` taken for \`${r.to}\` (gazetteer)`, 'gazetteer-name')
    return placed.issuer
  }
  if (issuer) issuer = placeIn(issuer)

  // Number, place and date (often on one line in OCR output).
  // Sequence and day are often handwritten: what OCR garbled is left null, with a message.
  const numberNode = withRole('number')[0]
  const numberMatch = numberNode ? header.rule('number').regex.exec(numberNode.value) : null
  const numberReading = numberMatch ? readNumberLine(numberMatch.groups!.raw) : null
  const number = numberReading?.number ?? null
  if (numberReading?.unsure) unsure(file, `The number's sequence is unreadable (\`${numberReading.unsure}\`): kept \`${numberReading.number.raw}\` without it`, numberNode)
  const afterNumber = numberNode && numberMatch ? numberNode.value.slice(numberMatch[0].length) : undefined
  const placeNode = withRole('placeDate')[0]
  const placeLine = [placeNode?.value, afterNumber].find((t) => t && header.rule('placeDate').regex.test(t))
  const placeMatch = placeLine ? header.rule('placeDate').regex.exec(placeLine) : null
  const placeDate = placeMatch ? readPlaceDate(placeMatch.groups as Parameters<typeof readPlaceDate>[0]) : null
  for (const part of placeDate?.unsure ?? []) unsure(file, `The date's ${part} is unreadable (\`${placeDate!.date.raw}\`): left out`, placeNode ?? numberNode)
  // A place and date line OCR garbled beyond its month word: the place is kept, the date is not guessed.
  const garbled = !placeDate && placeNode ? header.rule('placeDateGarbled').regex.exec(placeNode.value) : null
  if (garbled) unsure(file, `The date is unreadable (\`${placeNode!.value}\`): left out`, placeNode)
  const placeText = placeDate?.place ?? garbled?.groups?.place.trim() ?? null
  const place = placeText ? samePlace(placeName(placeText, issuer?.unit, ocred), issuer?.name ?? null) : null
  const date = placeDate?.date ?? null

  if (!issuer) {
    const inferred = inferIssuer(parts, place, firstText('title') ?? null, file)
    if (inferred) issuer = placeIn(inferred)
  }

  // Type and title.
  const subject = withRole('title').find((p) => header.rule('subject').regex.test(p.value))
  const code = typeCode ?? (subject ? 'CV' : (number?.typeCode ?? null))
  const type = code ? {code, name: names[code] ?? code} : null
  const titleNode = withRole('title')[0]
  // A title runs on over the title lines that follow its first (`Về việc miễn nhiệm …` / `Ủy ban nhân dân tỉnh`).
  const titleLines: Paragraph[] = []
  if (titleNode) {
    for (const p of paragraphs.slice(paragraphs.indexOf(titleNode))) {
      if (p.data?.role !== 'title' || (titleLines.length > 0 && header.rule('subject').regex.test(p.value))) break
      titleLines.push(p)
    }
  }
  // The formula `Về việc` as OCR ran it together or lost its marks (`Vêviệc`).
  const title = titleNode ? cleanTitle(titleLines.map((p) => keptLines(p, file)).join(' ').replace(/^V[eêềếé]\s*vi[eêệ]c(?=\s)/u, 'Về việc'), titleNode, file) : null

  // A basis OCR read behind a stray quote (`“Căn cứ …` without a closing one) is given without it.
  const bases: Basis[] = withRole('basis').map((p) => {
    const text = p.value.replace(/^[“"]\s*(?=Căn\s)/u, '')
    return {text, references: findReferences(text)}
  })
  const articles = readArticles(withRole('article'), header.rule('article').regex)
  const {nodes: recipientNodes, listed, strayName} = readRecipients(paragraphs, header.rule('recipientsHeading').regex, file)
  // Small print: OCR misreads abbreviations (`Lưu: VI` for VT); put right the ones a known abbreviation explains.
  const recipients = listed.map((item) => {
    const {text, repairs} = repairAbbreviations(item)
    for (const r of repairs) {
      const node = recipientNodes.find((p) => p.value.includes(r.from))
      report(file, 'ocr-abbreviation', `Abbreviation read as \`${r.from}\` taken for \`${r.to}\``, {place: node?.position, actual: r.from, expected: [r.to]})
    }
    return text
  })
  // `Kính gửi: A` on one line, or `Kính gửi:` over a list of items.
  const addressees = withRole('addressees').flatMap((p) => {
    const inline = header.rule('addressees').regex.exec(p.value)
    if (inline) return splitInline(inline.groups?.rest ?? '')
    const item = cleanItem(p.value)
    return item === '' ? [] : [item]
  })

  if (!number) info(file, 'No document number (`Số: …`) found', 'missing-number')
  if (!date) info(file, 'No place and date (`…, ngày … tháng … năm …`) found', 'missing-date')
  if (!type) info(file, 'No document type line (QUYẾT ĐỊNH, KẾ HOẠCH …) found', 'missing-type')

  const document: DocumentInfo = {
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
    signatures: withStrayName(readSignatures(paragraphs, header.rule('signatureAuthority').regex, header.rule('position').regex, file, ocred), strayName, file, ocred)
  }
  const stamps = file.data.layout?.stamps
  if (stamps && stamps.length > 0) document.stamps = stamps.map((s) => ({kind: s.kind, text: s.text, page: s.page}))
  return document
}

/**
 * A title line OCR read with a received stamp's scrap before its formula (`TRÙNG TẤN CÔNG B0 6 Tí
 * LỘC 0.NGĨI Về việc tăng cường …`): a title starts with its formula (`Về việc`, `V/v`), what
 * stands before it is left out, with a low-confidence message.
 */
function cleanTitle(title: string, node: Paragraph, file: VFile): string {
  const formula = /\s(?:Về\s+việc|V\/v)\s/u.exec(title)
  if (!formula || /^(?:Về\s+việc|V\/v)\s/u.test(title)) return title
  const before = title.slice(0, formula.index)
  // Only a short scrap on the title's first line: not a title that names a matter before `về việc`.
  if (before.length > 60 || /\p{Ll}{2,}\s+\p{Ll}{2,}/u.test(before)) return title
  unsure(file, `Text before the title's formula left out as a stamp's scrap: \`${before}\``, node)
  return title.slice(formula.index + 1)
}

/**
 * The text of a paragraph up to the first of its lines OCR read unsurely (a stamp's scrap, then
 * the body run on under the title: `… tỉnh Quảng Ngãi` / `THAI kin Ahi Ane 5 An 2.T7IN`): the lines
 * before it, by their words, when the paragraph's words still match the read lines'.
 */
function keptLines(p: Paragraph, file: VFile): string {
  const value = p.value.trim()
  const layout = file.data.layout?.lines
  const start = p.position?.start.line
  const end = p.position?.end.line
  if (!layout || !start || !end || end <= start) return value
  const lines = String(file.value).split('\n')
  let words = 0
  for (let line = start; line <= end; line++) {
    const confidence = layout[line - 1]?.confidence
    if (line > start && confidence !== undefined && confidence < 0.5) {
      const kept = value.split(/\s+/u)
      const lastRead = lines.slice(start - 1, line - 1).join(' ').trim().split(/\s+/u).at(-1) ?? ''
      const fold = (w: string) => stripMarks(w).toLowerCase()
      if (words > 0 && words < kept.length && fold(kept[words - 1]) === fold(lastRead)) {
        unsure(file, `Title cut before a line read unsurely: \`${lines[line - 1].trim()}\``, p)
        return kept.slice(0, words).join(' ')
      }
      return value
    }
    words += (lines[line - 1] ?? '').trim().split(/\s+/u).filter(Boolean).length
  }
  return value
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

/**
 * Signature blocks: authority lines (TM./KT. …), a position, a name. A position OCR garbled is
 * given as the grammar writes it; an OCR'd name has its marks checked against usual names.
 */
function readSignatures(paragraphs: Paragraph[], authorityPattern: RegExp, positionPattern: RegExp, file: VFile, ocred: boolean): Signature[] {
  const signatures: Signature[] = []
  let current: (Signature & {chain?: Array<{authority: string; on: string}>}) | undefined
  const start = () => {
    current = {authority: null, position: null, name: null}
    signatures.push(current)
    return current
  }
  const skip = new Set<Paragraph>()
  for (const [index, p] of paragraphs.entries()) {
    const role = p.data?.role
    if (skip.has(p)) continue
    const bare = role === 'signatureAuthority' ? bareAuthority.exec(p.value) : null
    const onLine = paragraphs[index + 1]
    if (bare && onLine && (onLine.data?.role === 'signaturePosition' || onLine.data?.role === 'signatureAuthority')) {
      // `TL.` alone: what it stands for is the next line (`BỘ TRƯỞNG`).
      const block = current && current.name === null && current.position === null ? current : start()
      block.authority = `${bare.groups!.authority}.` as Signature['authority']
      block.on = onLine.value.trim()
      block.chain = [...(block.chain ?? []), {authority: block.authority!, on: block.on}]
      skip.add(onLine)
      continue
    }
    if (role === 'signatureAuthority') {
      const match = authorityPattern.exec(p.value)
      // A line a seal garbled (`K1. CHU 1JCH`) is read with the position under it.
      const next = paragraphs[index + 1]
      const garbled = match ? null : garbledAuthority(p.value, next?.data?.role === 'signaturePosition' ? (positionPattern.test(next.value.trim()) ? next.value.trim() : matchPosition(next.value)) : null)
      if (!match && !garbled) continue
      const block = current && current.name === null && current.position === null ? current : start()
      // OCR may lower a capital (`kT.`): the authority is one of the fixed upper-case words.
      block.authority = (match ? `${match.groups!.authority.toUpperCase()}.` : garbled!.authority) as Signature['authority']
      block.on = match ? match.groups!.on.trim() : garbled!.on
      if (garbled) report(file, 'ocr-authority', `Authority line read as \`${p.value}\` taken for \`${garbled.authority} ${garbled.on}\``, {place: p.position, actual: p.value, expected: [`${garbled.authority} ${garbled.on}`]})
      block.chain = [...(block.chain ?? []), {authority: block.authority!, on: block.on}]
    } else if (role === 'signaturePosition') {
      // A second position line under the first (`TRƯỞNG BAN` / `CHỦ TỊCH UBND TỈNH`) is the same signer's.
      if (current && current.name === null && current.position !== null) continue
      const block = current && current.name === null && current.position === null ? current : start()
      const text = p.value.trim()
      block.position = positionPattern.test(text) ? text : (matchPosition(text) ?? text)
    } else if (role === 'signatureName') {
      const block = current && current.name === null ? current : start()
      // Without a speck OCR read after the name (`Phạm Thị Thu Hiền.`).
      const found = signerName(p.value)
      const name = (found ?? p.value).trim().replace(/[.,'`]$/u, '')
      if (found && !p.value.includes(found)) report(file, 'name-head', `Signer's name read as \`${p.value}\` taken for \`${found}\` (a surname the stroke cut)`, {place: p.position, actual: p.value, expected: [found]})
      const repaired = ocred ? repairPersonName(name) : {name, changes: []}
      for (const change of repaired.changes) {
        report(file, 'name-marks', `Signer's name read as \`${change.from}\` taken for the usual \`${change.to}\``, {place: p.position, actual: change.from, expected: [change.to]})
      }
      block.name = repaired.name
      const {rank} = splitRank(p.value)
      if (rank) block.rank = rank
    }
  }
  return signatures
}

/**
 * The recipients: the items of the document's own list (`Nơi nhận:`), the first one. A later list
 * is an attached document's (the draft a Tờ trình submits) and is left out, with a message. A line
 * without a bullet under an item that has not ended (no `;`) goes on with that item. Text OCR put
 * after the heading on its line is an item when it ends as one (`Nơi nhận: - Như trên;`), or
 * when no item follows; else it is a scrap of the seal (`Nơi nhận: - LAO l°`), left out with a
 * low-confidence message.
 */
function readRecipients(paragraphs: Paragraph[], headingPattern: RegExp, file: VFile): {nodes: Paragraph[]; listed: string[]; strayName?: {name: string; node: Paragraph}} {
  const lists: Array<{heading?: Paragraph; items: Paragraph[]}> = []
  for (const p of paragraphs) {
    const role = p.data?.role
    if (role === 'recipientsHeading') lists.push({heading: p, items: []})
    else if (role === 'recipient') {
      if (lists.length === 0) lists.push({items: []})
      lists[lists.length - 1].items.push(p)
    }
  }
  const inlineOf = (heading: Paragraph | undefined) => (heading ? (headingPattern.exec(heading.value)?.groups?.rest ?? '').trim() : '')
  const own = lists.find((l) => l.items.length > 0 || inlineOf(l.heading) !== '')
  if (!own) return {nodes: [], listed: []}
  const later = lists.slice(lists.indexOf(own) + 1).filter((l) => l.items.length > 0)
  if (later.length > 0) info(file, `A second list of recipients (${later[0].items.length} items) left out: it belongs to an attached document`, 'recipients-attached')
  const listed: string[] = []
  let open = false
  let strayName: {name: string; node: Paragraph} | undefined
  for (const p of own.items) {
    // The signer's name OCR ran into an item's line, after the item's end (`- Ủy ban MTTQVN Tỉnh: rân Ngọc Căng`).
    const text = withoutSpecks(p.value)
    const stray = /^(.*[;:])\s*(\S[^;:]*)$/u.exec(text)
    const name = stray && !strayName ? signerName(stray[2]) : null
    const item = cleanItem(name ? stray![1] : text)
    if (name) strayName = {name, node: p}
    if (item === '') continue
    if (open && !itemBullet.test(p.value) && listed.length > 0) listed[listed.length - 1] += ' ' + item
    else listed.push(item)
    open = !/[;.:,]\s*$/u.test(text)
  }
  const inline = inlineOf(own.heading)
  if (inline) {
    if (/[;.,:]$/u.test(inline) || listed.length === 0) listed.unshift(...splitInline(inline))
    else unsure(file, `Text after the recipients' heading read as a scrap, not an item: \`${inline}\``, own.heading)
  }
  return {nodes: own.items, listed, strayName}
}

/** The signatures, with the signer's name OCR ran into a recipient's line given to the block that has none (or to a block of its own). */
function withStrayName(signatures: Signature[], stray: {name: string; node: Paragraph} | undefined, file: VFile, ocred: boolean): Signature[] {
  if (!stray || signatures.some((s) => s.name !== null)) return signatures
  const {name, changes} = ocred ? repairPersonName(stray.name) : {name: stray.name, changes: []}
  report(file, 'name-in-recipients', `Signer's name \`${name}\` read at the end of a recipient's line`, {place: stray.node.position})
  for (const change of changes) report(file, 'name-marks', `Signer's name read as \`${change.from}\` taken for the usual \`${change.to}\``, {place: stray.node.position, actual: change.from, expected: [change.to]})
  const block = signatures.find((s) => s.name === null)
  if (block) block.name = name
  else signatures.push({authority: null, position: null, name})
  return signatures
}

/** A line of small print without the specks a seal left at its end (`… miền >`, `… (Bộ KH-ĐT); ị`). */
function withoutSpecks(text: string): string {
  return text
    .replace(/(?:\s+[^\p{L}\p{N}\s()])+\s*$/u, '')
    .replace(/([;:])\s+\p{L}\s*$/u, '$1')
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

/** A part of the header or the foot that could not be read for sure (`low-confidence`). */
function unsure(file: VFile, reason: string, node: Paragraph | undefined): void {
  report(file, 'low-confidence', reason, {place: node?.position, stage: 'sections'})
}

function info(file: VFile, reason: string, ruleId: RuleOf<'sections'>): void {
  report(file, ruleId, reason)
}
