/**
 * What the review page shows a person: each extracted field with the boxes
 * of the lines it came from, and what sohoa is unsure of.
 *
 * Fields are read from the tree, never re-derived: the sections stage gives
 * header and closing paragraphs a `data.role` (number, date, issuer, title,
 * signer …) and every node of a laid-out page a `data.page` and `data.bbox`;
 * the output's tasks carry `source.bbox`. Lines of a node are boxed one by
 * one from the layout. A field without a box is listed without one.
 */
import type {VFile} from 'vfile'
import type {Output} from '../output/schema.js'
import type {BBox, LineData, Role, Root} from '../tree/types.js'
import {textNodes, type TextNode} from '../tree/walk.js'
import {restoredTokenPlaces} from './restored-words.js'
import '../vfile-data.js'

/** A box on a page with the confidence of what it holds (0..1; null when not known). */
export interface Place {
  page: number
  bbox: BBox
  confidence: number | null
}

/** An extracted field: its label, its path in the output JSON, its value, and where it was read. */
export interface ReviewField {
  /** Unique in the page (`f1`, `f2` …): the link between the list, the JSON and the boxes. */
  id: string
  /** What the field is, for a person (Vietnamese, with the output's name). */
  label: string
  /** Where the value is in the output JSON (`document.number`, `plan.tasks[3]`), when it is there. */
  path: string | null
  /** The value as the output has it (or the text of its lines). */
  value: string
  places: Place[]
  /** The least confidence of its lines and of the restored words in it (null without either). */
  confidence: number | null
}

/** Something sohoa is unsure of: a restored word below the threshold, an OCR word read badly, or a diagnostic. */
export interface Doubt {
  id: string
  kind: 'restored' | 'ocr' | 'diagnostic'
  text: string
  confidence: number | null
  place: Place | null
}

/** Options of `reviewFields`. */
export interface ReviewFieldsOptions {
  /** Restored words below this confidence are doubtful (default 0.9, the diacritics stage's threshold). */
  minRestored?: number
  /** OCR words below this confidence are doubtful (default 0.5). */
  minOcr?: number
  /** At most this many OCR doubts are listed (default 200). */
  maxOcrDoubts?: number
}

/** What a role of the tree is called, and where its value is in the output (`[]` when each paragraph is an item of a list). */
const roleFields: Partial<Record<Role, {label: string; path: string | null; list?: boolean}>> = {
  issuer: {label: 'Cơ quan ban hành (issuer)', path: 'document.issuer'},
  number: {label: 'Số, ký hiệu (number)', path: 'document.number'},
  placeDate: {label: 'Địa danh, ngày (place, date)', path: 'document.date'},
  documentType: {label: 'Loại văn bản (type)', path: 'document.type'},
  title: {label: 'Trích yếu (title)', path: 'document.title'},
  authority: {label: 'Thẩm quyền (authority)', path: null},
  basis: {label: 'Căn cứ (basis)', path: 'document.bases', list: true},
  article: {label: 'Điều (article)', path: 'document.articles', list: true},
  recipient: {label: 'Nơi nhận (recipient)', path: 'document.recipients', list: true},
  signatureAuthority: {label: 'Thẩm quyền ký (signature authority)', path: 'document.signatures', list: true},
  signaturePosition: {label: 'Chức vụ người ký (signer position)', path: 'document.signatures', list: true},
  signatureName: {label: 'Người ký (signer)', path: 'document.signatures', list: true},
  planTitle: {label: 'Tên kế hoạch (plan title)', path: 'plan.title'},
  planType: {label: 'Loại kế hoạch (plan type)', path: null}
}

/** The fields and doubts of a parsed document. */
export function reviewFields(output: Output, file: VFile, tree: Root, options: ReviewFieldsOptions = {}): {fields: ReviewField[]; doubts: Doubt[]} {
  const minRestored = options.minRestored ?? 0.9
  const layout = file.data.layout
  const lineBox = (line: number): Place | null => {
    const where = layout?.lines[line - 1]
    return where ? {page: where.page, bbox: where.bbox, confidence: where.confidence} : null
  }
  const fields: ReviewField[] = []
  let counter = 0
  const nextId = (prefix: string) => `${prefix}${++counter}`

  // Header and closing fields, from the roles: a run of paragraphs of one role is one field; list roles give one field each.
  const counts = new Map<string, number>()
  let previous: {role: Role; field: ReviewField} | undefined
  for (const node of textNodes(tree)) {
    const role = node.data?.role
    const spec = role ? roleFields[role] : undefined
    if (!role || !spec) {
      previous = undefined
      continue
    }
    const places = nodePlaces(node, lineBox)
    const doubtful = (node.data?.restored ?? []).map((t) => t.confidence)
    if (previous && previous.role === role && !spec.list) {
      previous.field.places.push(...places)
      previous.field.value += ' ' + node.value
      previous.field.confidence = least([previous.field.confidence, ...places.map((p) => p.confidence), ...doubtful])
      continue
    }
    let path = spec.path
    if (spec.list && path) {
      // The k-th paragraph of a list role is item k (a signature block counts by its names).
      const key = path === 'document.signatures' ? 'signature:' + role : path
      const k = counts.get(key) ?? 0
      counts.set(key, k + 1)
      path = `${path}[${k}]`
    }
    const field: ReviewField = {
      id: nextId('f'),
      label: spec.label,
      path: path && valueAt(output, path) !== undefined ? path : null,
      value: node.value,
      places,
      confidence: least([...places.map((p) => p.confidence), ...doubtful])
    }
    fields.push(field)
    previous = {role, field}
  }

  // The plan's task rows, from their recorded source.
  for (const [i, task] of (output.plan?.tasks ?? []).entries()) {
    const place: Place | null = task.source.bbox && task.source.page ? {page: task.source.page, bbox: task.source.bbox, confidence: task.confidence} : lineBox(task.source.line)
    fields.push({
      id: nextId('f'),
      label: `Nhiệm vụ ${task.id} (task)`,
      path: `plan.tasks[${i}]`,
      value: task.content,
      places: place ? [place] : [],
      confidence: task.confidence
    })
  }

  const doubts: Doubt[] = []
  for (const t of restoredTokenPlaces(file, tree)) {
    if (t.token.confidence >= minRestored) continue
    doubts.push({
      id: nextId('d'),
      kind: 'restored',
      text: `“${t.token.original}” → “${t.token.value}”`,
      confidence: t.token.confidence,
      place: {page: t.page, bbox: t.bbox, confidence: t.token.confidence}
    })
  }
  const minOcr = options.minOcr ?? 0.5
  const ocrDoubts: Doubt[] = []
  for (const page of layout?.pages ?? []) {
    if (page.route !== 'ocr') continue
    for (const line of page.lines) {
      for (const word of line.words ?? []) {
        if (word.confidence >= minOcr || !/[\p{L}\p{N}]/u.test(word.text)) continue
        ocrDoubts.push({id: '', kind: 'ocr', text: word.text, confidence: word.confidence, place: {page: page.number, bbox: word.bbox, confidence: word.confidence}})
      }
    }
  }
  ocrDoubts.sort((a, b) => (a.confidence ?? 0) - (b.confidence ?? 0))
  for (const d of ocrDoubts.slice(0, options.maxOcrDoubts ?? 200)) doubts.push({...d, id: nextId('d')})
  for (const message of file.messages) {
    if (message.source === 'outputs') continue
    const place = message.line ? lineBox(message.line) : null
    doubts.push({
      id: nextId('d'),
      kind: 'diagnostic',
      text: `${message.reason} (${[message.source, message.ruleId].filter(Boolean).join(':')})`,
      confidence: null,
      place
    })
  }
  return {fields, doubts}
}

/** The value at a JSON path of the output (`document.bases[2]`), undefined when there is none. */
export function valueAt(output: Output, path: string): unknown {
  let value: unknown = output
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value ?? undefined
}

/** The boxes of the lines a node spans (its own box when the lines have none). */
function nodePlaces(node: TextNode, lineBox: (line: number) => Place | null): Place[] {
  const places: Place[] = []
  if (node.type === 'paragraph' && node.position) {
    for (let line = node.position.start.line; line <= node.position.end.line; line++) {
      const place = lineBox(line)
      if (place) places.push(place)
    }
  }
  if (places.length === 0 && node.data?.page !== undefined && node.data.bbox) {
    places.push({page: node.data.page, bbox: node.data.bbox, confidence: node.data.confidence ?? null})
  }
  return places
}

function least(values: Array<number | null | undefined>): number | null {
  const known = values.filter((v): v is number => typeof v === 'number')
  return known.length > 0 ? Math.min(...known) : null
}
