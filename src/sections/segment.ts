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

  const signatureRole = (text: string): Role | null =>
    test('signatureAuthority', text) ? 'signatureAuthority' : test('position', text) ? 'signaturePosition' : null
  const open = (kind: Part['kind']) => {
    part = newPart(kind)
    parts.push(part)
  }
  const role = (node: Paragraph, value: Role) => {
    node.data = {...node.data, role: value}
  }

  for (const block of blocks) {
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
        else if (test('placeDate', text) && !sawBody) role(block, 'placeDate')
        else if (test('subject', text) && !sawTitle) {
          role(block, 'title')
          sawTitle = true
        } else if (test('addressees', text)) role(block, 'addressees')
        else if (test('basis', text) || test('implementing', text)) role(block, 'basis')
        else if (test('proposal', text)) role(block, 'proposal')
        else if (test('enactment', text)) {
          role(block, 'enactment')
          state = 'articles'
        } else if (test('recipientsHeading', text)) {
          role(block, 'recipientsHeading')
          state = 'recipients'
        } else if (isAllCaps(text) && !sawTitle && typeCode === null && !sawBody && issuerLines < 4) {
          role(block, 'issuer')
          issuerLines++
        }
        else if (isAllCaps(text) && sawTitle && !sawAuthority && !marker) {
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
        part.children.push(block)
        continue
      }
      case 'articles': {
        if (test('recipientsHeading', text)) {
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
        // A speck an OCR engine read before the dash (`.- Như Điều 3;`) does not end the list.
        else if (itemBullet.test(text)) role(block, 'recipient')
        else if (signatureRole(text)) {
          role(block, signatureRole(text)!)
          state = 'closing'
        } else if (test('personName', text)) {
          role(block, 'signatureName')
          state = 'closing'
        } else if (/^\p{Ll}/u.test(text)) {
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
        if (test('recipientsHeading', text)) {
          role(block, 'recipientsHeading')
          state = 'recipients'
        } else if (signatureRole(text)) role(block, signatureRole(text)!)
        else if (test('personName', text)) role(block, 'signatureName')
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
        if (test('recipientsHeading', text)) {
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

function newPart(kind: Part['kind']): Part {
  return {type: 'part', kind, children: []}
}

function setPosition(part: Part): void {
  const first = part.children[0]?.position
  const last = part.children[part.children.length - 1]?.position
  if (first && last) part.position = {start: first.start, end: last.end}
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
