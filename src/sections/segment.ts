/**
 * Split the flat list of paragraphs and tables into parts — the document's
 * formal parts (header, bases, articles, recipients, signatures), the plan
 * body, appendices — and give each header paragraph its role.
 *
 * One pass, a small state machine over the paragraphs in reading order.
 */
import type {Paragraph, Part, Role, Table} from '../tree/types.js'
import {isAllCaps} from '../parser/markers.js'
import {loadGrammar} from '../util/grammar.js'
import {findMarker, itemBullet} from './markers.js'
import {matchPosition} from './position.js'
import {bareAuthority, garbledAuthority, isFiledCopy, isRecipientsHeadingLike, signerName} from './closing-lines.js'

type State = 'header' | 'articles' | 'planHeader' | 'plan' | 'closing' | 'recipients' | 'appendix'

/** The result of segmenting a document. */
export interface Segmented {
  parts: Part[]
  /** Code of the document's own type (`QĐ`, `KH` …), when its type line was found. */
  typeCode: string | null
}

/** Split `blocks` into parts and set `data.role` on header and closing paragraphs. */
export function segment(blocks: Array<Paragraph | Table>): Segmented {
  const header = loadGrammar('header')
  const types = loadGrammar('document-types')
  const codes = types.data.codes
  const planTypes = new Set(types.data.planCodes)
  const test = (id: string, text: string) => header.rule(id).regex.test(text)

  const parts: Part[] = []
  let part: Part = newPart('document')
  parts.push(part)
  let state: State = 'header'
  let typeCode: string | null = null
  let sawTitle = false
  let sawAuthority = false
  let sawBody = false
  let issuerLines = 0

  const isHeading = (text: string) => test('recipientsHeading', text) || isRecipientsHeadingLike(text)
  const isName = (text: string) => test('personName', text) || signerName(text) !== null
  // A list of recipients whose heading OCR lost: the run of items that ends with the filed copy.
  const listStarts = recipientLists(blocks, isHeading)
  let inAddressees = false
  let lastRole: Role | undefined
  const signatureRole = (text: string): Role | null =>
    test('signatureAuthority', text) ? 'signatureAuthority' : test('position', text) || matchPosition(text) ? 'signaturePosition' : null
  // At the foot, an authority line a seal garbled (`K1. CHU 1JCH`), read with the position under it.
  const footRole = (text: string, index: number): Role | null => {
    const known = signatureRole(text)
    if (known) return known
    // `TL.` alone, what it stands for on the next line (`BỘ TRƯỞNG`).
    if (bareAuthority.test(text)) return 'signatureAuthority'
    return garbledAuthority(text, positionAfter(blocks, index)) ? 'signatureAuthority' : null
  }
  const open = (kind: Part['kind']) => {
    part = newPart(kind)
    parts.push(part)
  }
  const role = (node: Paragraph, value: Role) => {
    node.data = {...node.data, role: value}
  }
  const previousRole = () => lastRole

  for (const [index, block] of blocks.entries()) {
    if (block.type === 'table') {
      if (state === 'header' || state === 'articles' || state === 'closing' || state === 'recipients') {
        open('appendix')
        state = 'appendix'
      }
      part.children.push(block)
      continue
    }
    const text = block.value
    const typeLine = types.rule('typeLine').regex.exec(text)
    const marker = findMarker(text)
    const before = previousRole()
    lastRole = undefined
    const listStart = listStarts.get(block)
    if (listStart && (state === 'header' || state === 'articles' || state === 'closing' || state === 'plan')) {
      if (state === 'plan') open('document')
      role(block, listStart)
      lastRole = listStart
      state = 'recipients'
      part.children.push(block)
      continue
    }

    // An appendix runs to the end of the file (or to the next appendix).
    if (test('appendix', text) || (state === 'closing' && isAllCaps(text) && test('listHeading', text))) {
      open('appendix')
      state = 'appendix'
      role(block, 'appendixHeading')
      part.children.push(block)
      continue
    }
    if (state === 'appendix') {
      part.children.push(block)
      continue
    }

    // A second type line (KẾ HOẠCH after a decision) opens the attached plan.
    if (typeLine && typeCode !== null && state !== 'plan') {
      open('plan')
      state = 'planHeader'
      role(block, 'planType')
      part.children.push(block)
      continue
    }

    switch (state) {
      case 'header': {
        if (typeLine && typeCode === null) {
          typeCode = codes[typeLine.groups!.name.replace(/\s+/g, ' ')] ?? null
          role(block, 'documentType')
        } else if (test('nationalTitle', text)) role(block, 'nationalTitle')
        else if (test('motto', text)) role(block, 'motto')
        else if (test('number', text)) role(block, 'number')
        else if ((test('placeDate', text) || test('placeDateGarbled', text)) && !sawBody) role(block, 'placeDate')
        else if (test('subject', text) && !sawTitle) {
          role(block, 'title')
          sawTitle = true
        } else if (test('addressees', text)) {
          role(block, 'addressees')
          inAddressees = true
        } else if (inAddressees && itemBullet.test(text)) role(block, 'addressees')
        else if (before === 'title' && isTitleContinuation(text) && (block.data?.confidence ?? 1) >= minTitleConfidence) role(block, 'title')
        else if (test('basis', text) || test('implementing', text)) role(block, 'basis')
        else if (test('proposal', text)) role(block, 'proposal')
        else if (test('enactment', text)) {
          role(block, 'enactment')
          state = 'articles'
        } else if (isHeading(text)) {
          role(block, 'recipientsHeading')
          state = 'recipients'
        } else if (isAllCaps(text) && !sawTitle && typeCode === null && !sawBody && issuerLines < 4) {
          role(block, 'issuer')
          issuerLines++
        } else if (test('signatureAuthority', text) && sawTitle) {
          role(block, 'signatureAuthority')
          state = 'closing'
        } else if (isAllCaps(text) && sawTitle && !sawAuthority && !marker && !sawBody) {
          role(block, 'authority')
          sawAuthority = true
        } else if (typeCode !== null && !sawTitle && !marker) {
          role(block, 'title')
          sawTitle = true
        } else if (marker && typeCode !== null && planTypes.has(typeCode)) {
          // The document is itself a plan: its body starts at the first section.
          open('plan')
          state = 'plan'
          part.children.push(block)
          continue
        } else if (signatureRole(text) && (sawTitle || test('signatureAuthority', text))) {
          role(block, signatureRole(text)!)
          state = 'closing'
        } else {
          role(block, 'body')
          sawBody = true
        }
        if (block.data?.role !== 'addressees') inAddressees = false
        lastRole = block.data?.role
        part.children.push(block)
        continue
      }
      case 'articles': {
        if (isHeading(text)) {
          role(block, 'recipientsHeading')
          state = 'recipients'
        } else if (signatureRole(text)) {
          role(block, signatureRole(text)!)
          state = 'closing'
        } else role(block, 'article')
        part.children.push(block)
        continue
      }
      case 'recipients': {
        if (/^[}{]/u.test(text)) role(block, 'body')
        // A scrap of the seal or of the heading between the heading and the items (`Bộ`) does not end the list.
        else if (listStart === 'recipientsHeading' && !openItem(part)) role(block, 'body')
        // A speck an OCR engine read before the dash (`.- Như Điều 3;`) does not end the list.
        else if (itemBullet.test(text)) {
          role(block, 'recipient')
          // A line of the signature block OCR ran onto the item's line (`- Như trên; KT. CHỦ TỊCH`) is set apart.
          const tail = /^(.*;)\s*(\S.*)$/u.exec(text)
          const tailRole = tail ? signatureRole(tail[2]) ?? (bareAuthority.test(tail[2]) ? 'signatureAuthority' : null) : null
          if (tail && tailRole) {
            block.value = tail[1]
            const {page, bbox, confidence} = block.data ?? {}
            part.children.push(block, {type: 'paragraph', value: tail[2], position: block.position, data: {page, bbox, confidence, role: tailRole}})
            lastRole = tailRole
            continue
          }
        }
        else if (footRole(text, index)) {
          role(block, footRole(text, index)!)
          state = 'closing'
        } else if (isName(text)) {
          role(block, 'signatureName')
          state = 'closing'
        } else if (!filed(part) && (/^\p{Ll}/u.test(text) || (openItem(part) && text.length <= 90 && !isAllCaps(text)))) {
          // A line that goes on with the item above it: lower case, or after an item that has not ended (`- Ban Quản lý Khu kinh tế` / `Và các Khu công nghiệp;`);
          // nothing goes on after the filed copy (`- Lưu: VT.`), the last item.
          role(block, 'recipient')
        } else if (test('filedCopy', text) || (/[;:]$/u.test(text) && text.length <= 100 && !filed(part))) {
          // An item whose dash OCR lost: it still ends as items do (`;`, or `:` for a small-print `;`), or files
          // a copy — but nothing follows the filed copy (`Lưu: VT`), the last item.
          role(block, 'recipient')
        } else {
          // Not an item: the list of recipients has ended.
          role(block, 'body')
          state = 'closing'
        }
        part.children.push(block)
        continue
      }
      case 'closing': {
        if (isHeading(text)) {
          role(block, 'recipientsHeading')
          state = 'recipients'
        } else if (footRole(text, index)) role(block, footRole(text, index)!)
        else if (isName(text)) role(block, 'signatureName')
        else role(block, 'body')
        part.children.push(block)
        continue
      }
      case 'planHeader': {
        if (marker && marker.kind !== 'dash' && marker.kind !== 'plus') {
          state = 'plan'
          part.children.push(block)
          continue
        }
        if (test('attachment', text)) role(block, 'planAttachment')
        else if (test('basis', text) || test('implementing', text)) role(block, 'body')
        else if (!part.children.some((c) => c.data && (c.data as {role?: Role}).role === 'planTitle') && !isAllCaps(text))
          role(block, 'planTitle')
        else role(block, 'body')
        part.children.push(block)
        continue
      }
      case 'plan': {
        if (isHeading(text)) {
          open('document')
          state = 'recipients'
          role(block, 'recipientsHeading')
        } else if (test('signatureAuthority', text)) {
          open('document')
          state = 'closing'
          role(block, 'signatureAuthority')
        } else if (test('closing', text) || (!marker && test('endMark', text))) {
          role(block, 'closing')
          part.children.push(block)
          open('document')
          state = 'closing'
          continue
        }
        part.children.push(block)
        continue
      }
    }
  }
  const kept = parts.filter((p) => p.children.length > 0)
  for (const p of kept) setPosition(p)
  return {parts: kept, typeCode}
}

/**
 * Where lists of recipients start whose heading OCR lost or garbled beyond recognition: a run of
 * items (`- …;`) ending with the filed copy (`- Lưu: VT, …`) opens with the short line before it
 * (the heading as OCR read it, `đa`), or with its first item.
 */
function recipientLists(blocks: Array<Paragraph | Table>, isHeading: (text: string) => boolean): Map<Paragraph, Role> {
  const starts = new Map<Paragraph, Role>()
  const paragraphs = blocks.map((b) => (b.type === 'paragraph' ? b : null))
  for (let i = 0; i < paragraphs.length; i++) {
    const last = paragraphs[i]
    if (!last || !itemBullet.test(last.value) || !isFiledCopy(last.value)) continue
    let first = i
    while (first > 0) {
      const previous = paragraphs[first - 1]
      if (!previous || isHeading(previous.value)) break
      // What OCR left of the heading (`hận:`): a short piece ending with a colon, not an item.
      if (!itemBullet.test(previous.value) && /:$/u.test(previous.value) && previous.value.length <= 12) break
      const continued = /[;,:]$/u.test(previous.value) && previous.value.length <= 90 && !/\/\.\s*$/u.test(previous.value)
      if (!itemBullet.test(previous.value) && !continued) break
      first--
    }
    if (i - first < 1) continue
    const heading = paragraphs[first - 1]
    if (heading && isHeading(heading.value)) continue
    if (heading && heading.value.length <= 20 && !/\/\.\s*$/u.test(heading.value) && !isAllCaps(heading.value)) starts.set(heading, 'recipientsHeading')
    else starts.set(paragraphs[first]!, 'recipient')
  }
  return starts
}

/** The position the paragraph after `index` names (`PHÓ CHỦ TỊCH`), if it is one. */
export function positionAfter(blocks: Array<Paragraph | Table>, index: number): string | null {
  const next = blocks[index + 1]
  if (!next || next.type !== 'paragraph') return null
  const text = next.value.trim()
  return loadGrammar('header').rule('position').regex.test(text) ? text : matchPosition(text)
}

/** A line OCR read less surely than this is no line of the title but a stamp's scrap beside it (`CỤ Ngay: 124352 3 4P`). */
export const minTitleConfidence = 0.5

/** A second line of the title: short, not a sentence, not a line of another role. */
function isTitleContinuation(text: string): boolean {
  return text.length <= 100 && !/[.;:]$/u.test(text) && !isAllCaps(text) && !itemBullet.test(text) && !/^(?:Kính\s+gửi|Căn\s+cứ|Thực\s+hiện|Theo|Xét)\b/u.test(text)
}

function newPart(kind: Part['kind']): Part {
  return {type: 'part', kind, children: []}
}

function setPosition(part: Part): void {
  const first = part.children[0]?.position
  const last = part.children[part.children.length - 1]?.position
  if (first && last) part.position = {start: first.start, end: last.end}
}

/** Whether the last recipient of `part` so far is an item that has not ended: no `;`, `.`, `:` or `,` after it. */
function openItem(part: Part): boolean {
  for (let i = part.children.length - 1; i >= 0; i--) {
    const child = part.children[i]
    if (child.type === 'paragraph' && child.data?.role === 'recipient') return !/[;.:,]\s*$/u.test(child.value) && !/^Lưu\b/u.test(child.value.replace(itemBullet, ''))
    if (child.type === 'paragraph' && child.data?.role === 'recipientsHeading') return false
  }
  return false
}

/** Whether the last recipient of `part` so far is the filed copy (`- Lưu: VT.`), which ends a list. */
function filed(part: Part): boolean {
  const filedCopy = loadGrammar('header').rule('filedCopy').regex
  for (let i = part.children.length - 1; i >= 0; i--) {
    const child = part.children[i]
    if (child.type === 'paragraph' && child.data?.role === 'recipient') return filedCopy.test(child.value.replace(itemBullet, ''))
  }
  return false
}
