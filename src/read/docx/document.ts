/**
 * `word/document.xml` → Word blocks: paragraphs in reading order with their
 * list labels (`numbering.ts`), tables as cells (gridSpan → colSpan, vMerge
 * → rowSpan), text boxes after the paragraph that anchors them. Tracked
 * changes are resolved to the final text (insertions kept, deletions and
 * moved-away text dropped); field codes, page numbers, comments and
 * footnote marks are left out; hidden text too; all-caps runs are
 * upper-cased as Word shows them. Runs in a TCVN3 or VNI font (`.VnTime`,
 * `VNI-Times` …) are converted to Unicode.
 */
import type {SourceEncoding} from '../types.js'
import {fromLegacy, legacyFont} from '../encoding/legacy.js'
import type {WordBlock, WordCell, WordParagraph, WordTable} from '../word/model.js'
import type {Numbering} from './numbering.js'
import {intValue} from './on-off.js'
import {bordersOf, runPropsOf, type RunProps, type Styles} from './styles.js'
import {childNamed, type XmlAction, type XmlElement} from './xml.js'

/** Elements of `document.xml` the reader keeps (everything else is dropped or passed through). */
const kept = new Set([
  'w:document', 'w:body', 'w:p', 'w:pPr', 'w:pStyle', 'w:jc', 'w:numPr', 'w:ilvl', 'w:numId', 'w:r', 'w:rStyle', 'w:rFonts',
  'w:caps', 'w:vanish', 'w:t', 'w:br', 'w:cr', 'w:noBreakHyphen', 'w:softHyphen', 'w:sym', 'w:fldChar', 'w:instrText',
  'w:fldSimple', 'w:tbl', 'w:tblPr', 'w:tblStyle', 'w:tblBorders', 'w:tblGrid', 'w:gridCol', 'w:tr', 'w:trPr',
  'w:gridBefore', 'w:gridAfter', 'w:tc', 'w:tcPr', 'w:gridSpan', 'w:vMerge', 'w:hMerge', 'w:tcBorders', 'w:txbxContent'
])

/** Containers whose content is read as if it stood in their place. */
const unwrapped = new Set([
  'w:ins', 'w:moveTo', 'w:hyperlink', 'w:smartTag', 'w:customXml', 'w:sdt', 'w:sdtContent', 'w:dir', 'w:bdo',
  'mc:AlternateContent', 'mc:Choice', 'w:drawing', 'w:pict', 'w:object'
])

const borderSides = new Set(['w:top', 'w:left', 'w:bottom', 'w:right', 'w:start', 'w:end', 'w:insideH', 'w:insideV'])

/** The `parseXml` filter for `document.xml`. */
export function documentFilter(name: string, parent: string): XmlAction {
  if (kept.has(name)) return 'keep'
  if (name === 'w:tab') return parent === 'w:r' ? 'keep' : 'skip'
  if (name === 'w:rPr') return parent === 'w:r' || parent === 'w:pPr' ? 'keep' : 'skip'
  // A deleted row (`w:trPr/w:del`) or paragraph mark (`w:pPr/w:rPr/w:del`); elsewhere deleted content.
  if (name === 'w:del') return parent === 'w:trPr' || parent === 'w:rPr' ? 'keep' : 'skip'
  if (borderSides.has(name)) return parent === 'w:tblBorders' || parent === 'w:tcBorders' ? 'keep' : 'skip'
  if (unwrapped.has(name)) return parent === 'w:trPr' || parent === 'w:rPr' ? 'skip' : 'unwrap'
  // Drawing containers on the way to a text box (`wps:txbx`, `v:textbox`); pictures hold no kept element.
  if (/^(v|wp|wps|wpg|wpc|a|pic|w10|o):/.test(name)) return 'unwrap'
  return 'skip'
}

/** The attributes the reader looks at (in `document.xml`, here and in `styles.ts`, `on-off.ts`): the others (Word's revision and paragraph ids on every paragraph and run …) are not kept. */
export const documentAttributes: ReadonlySet<string> = new Set(['w:val', 'w:instr', 'w:fldCharType', 'w:char', 'w:ascii', 'w:hAnsi'])

/** The elements whose text `parseXml` keeps. */
export const documentText: ReadonlySet<string> = new Set(['w:t', 'w:instrText'])

/** What `readBody` found besides the blocks. */
export interface BodyInfo {
  blocks: WordBlock[]
  /** Legacy encodings of converted runs. */
  encodings: Set<SourceEncoding>
}

/** Fields whose result is a page number (left out, as page numbers are). */
const pageFields = /^\s*(PAGE|NUMPAGES|SECTIONPAGES|PAGEREF)\b/i

/** What a paragraph's runs gather: its style, its text in segments, the text boxes anchored in it (after it). */
interface ParagraphState {
  styleId: string | undefined
  segments: Segment[]
  boxes: WordBlock[] | undefined
}

interface Segment {
  text: string
  legacy?: {encoding: 'tcvn3' | 'vni'; capitals: boolean}
  caps: boolean
}

/** Walk the body of `document` (the root of `document.xml`). */
export function readBody(document: XmlElement, styles: Styles, numbering: Numbering): BodyInfo {
  const encodings = new Set<SourceEncoding>()
  // Open complex fields (`w:fldChar` begin … separate … end), innermost last.
  const fields: Array<{code: string; result: boolean}> = []
  // A paragraph whose mark was deleted runs on into the next one.
  let carry = ''

  // The legacy font of the last run properties asked about (runs in a row mostly share theirs: the same object).
  let lastProps: RunProps | undefined
  let lastLegacy: ReturnType<typeof legacyFont>

  /** The blocks of `container`, added to `blocks`. */
  const blocksOf = (container: XmlElement, blocks: WordBlock[] = []): WordBlock[] => {
    const children = container.children
    for (let k = 0; k < children.length; k++) {
      const child = children[k]
      if (typeof child === 'string') continue
      if (child.name === 'w:p') paragraph(child, blocks)
      else if (child.name === 'w:tbl') blocks.push(table(child))
      else if (child.name === 'w:txbxContent') blocksOf(child, blocks)
    }
    return blocks
  }

  const runs = (element: XmlElement, state: ParagraphState): void => {
    const children = element.children
    for (let k = 0; k < children.length; k++) {
      const child = children[k]
      if (typeof child === 'string') continue
      if (child.name === 'w:r') run(child, state)
      else if (child.name === 'w:fldSimple') {
        if (!pageFields.test(child.attributes['w:instr'] ?? '')) runs(child, state)
      } else if (child.name === 'w:txbxContent') blocksOf(child, (state.boxes ??= []))
    }
  }

  const run = (r: XmlElement, state: ParagraphState): void => {
    const rPr = childNamed(r, 'w:rPr')
    const props = styles.run(runPropsOf(rPr), childNamed(rPr, 'w:rStyle')?.attributes['w:val'], state.styleId)
    if (props !== lastProps) {
      lastProps = props
      lastLegacy = legacyFont(props.font)
    }
    const legacy = lastLegacy
    let text = ''
    const children = r.children
    for (let k = 0; k < children.length; k++) {
      const child = children[k]
      if (typeof child === 'string') continue
      switch (child.name) {
        case 'w:fldChar': {
          const type = child.attributes['w:fldCharType']
          if (type === 'begin') fields.push({code: '', result: false})
          else if (type === 'separate' && fields.length > 0) fields[fields.length - 1].result = true
          else if (type === 'end') fields.pop()
          continue
        }
        case 'w:instrText':
          if (fields.length > 0) fields[fields.length - 1].code += textIn(child)
          continue
        case 'w:txbxContent':
          blocksOf(child, (state.boxes ??= []))
          continue
      }
      if (fields.length > 0 && fields.some((f) => !f.result || pageFields.test(f.code))) continue
      switch (child.name) {
        case 'w:t':
          text += textIn(child)
          break
        case 'w:tab':
          text += '\t'
          break
        case 'w:br':
        case 'w:cr':
          text += '\n'
          break
        case 'w:noBreakHyphen':
          text += '-'
          break
        case 'w:sym': {
          const code = Number.parseInt(child.attributes['w:char'] ?? '', 16)
          if (Number.isFinite(code) && legacy) text += String.fromCharCode(code)
          break
        }
      }
    }
    if (props.hidden || text === '') return
    state.segments.push(legacy ? {text, legacy, caps: props.caps === true} : {text, caps: props.caps === true})
  }

  /** The paragraph `p` (and then the text boxes anchored in it), added to `blocks`. */
  const paragraph = (p: XmlElement, blocks: WordBlock[]): void => {
    const pPr = childNamed(p, 'w:pPr')
    const styleId = childNamed(pPr, 'w:pStyle')?.attributes['w:val']
    const state: ParagraphState = {styleId, segments: [], boxes: undefined}
    runs(p, state)
    let text = carry + joinSegments(state.segments, encodings)
    carry = ''
    if (childNamed(childNamed(pPr, 'w:rPr'), 'w:del')) {
      // The paragraph mark was deleted: the text runs on into the next paragraph.
      carry = text
    } else {
      const label = labelOf(pPr, styleId)
      if (label) text = text.trim() === '' ? label : `${label} ${text.replace(/^[ \t]+/, '')}`
      const jc = childNamed(pPr, 'w:jc')?.attributes['w:val'] ?? styles.alignment(styleId)
      blocks.push(jc === 'center' ? ({kind: 'paragraph', text, centered: true} satisfies WordParagraph) : ({kind: 'paragraph', text} satisfies WordParagraph))
    }
    if (state.boxes) for (const box of state.boxes) blocks.push(box)
  }

  const labelOf = (pPr: XmlElement | undefined, styleId: string | undefined): string | undefined => {
    const numPr = childNamed(pPr, 'w:numPr')
    const direct = numPr ? {numId: intValue(numPr, 'w:numId'), ilvl: intValue(numPr, 'w:ilvl')} : undefined
    const fromStyle = styles.numbering(styleId)
    const numId = direct?.numId ?? fromStyle?.numId
    if (numId === undefined || numId === 0) return undefined
    const ilvl = direct?.ilvl ?? fromStyle?.ilvl
    return numbering.next(numId, ilvl, ilvl === undefined ? styleId : undefined)
  }

  const table = (tbl: XmlElement): WordTable => {
    const tblPr = childNamed(tbl, 'w:tblPr')
    const gridColumns = childNamed(tbl, 'w:tblGrid')?.children.filter((c) => typeof c !== 'string' && c.name === 'w:gridCol').length ?? 0
    let borders = bordersOf(childNamed(tblPr, 'w:tblBorders')) ?? styles.tableBorders(childNamed(tblPr, 'w:tblStyle')?.attributes['w:val']) ?? false
    // Grid of cells: per row, the cells with their column and the vertical-merge state.
    const grid: Array<Array<{cell: WordCell; merge: 'restart' | 'continue' | undefined}>> = []
    let columns = gridColumns
    for (let k = 0; k < tbl.children.length; k++) {
      const tr = tbl.children[k]
      if (typeof tr === 'string' || tr.name !== 'w:tr') continue
      const trPr = childNamed(tr, 'w:trPr')
      if (childNamed(trPr, 'w:del')) continue
      let column = intValue(trPr, 'w:gridBefore') ?? 0
      const row: (typeof grid)[number] = []
      for (let m = 0; m < tr.children.length; m++) {
        const tc = tr.children[m]
        if (typeof tc === 'string' || tc.name !== 'w:tc') continue
        const tcPr = childNamed(tc, 'w:tcPr')
        const span = Math.max(1, intValue(tcPr, 'w:gridSpan') ?? 1)
        const vMerge = childNamed(tcPr, 'w:vMerge')
        const merge = vMerge ? (vMerge.attributes['w:val'] === 'restart' ? 'restart' : 'continue') : undefined
        // Old-style horizontal merge: a continued cell widens the one before it.
        const hMerge = childNamed(tcPr, 'w:hMerge')
        const blocks = blocksOf(tc)
        if (hMerge && hMerge.attributes['w:val'] !== 'restart' && row.length > 0) {
          const previous = row[row.length - 1].cell
          previous.colSpan += span
          previous.blocks.push(...blocks)
          column += span
          continue
        }
        if (bordersOf(childNamed(tcPr, 'w:tcBorders'))) borders = true
        row.push({cell: {column, colSpan: span, rowSpan: 1, blocks}, merge})
        column += span
      }
      columns = Math.max(columns, column + (intValue(trPr, 'w:gridAfter') ?? 0))
      grid.push(row)
    }
    // Vertical merges: a continued cell adds a row to the cell above it (at the same column), its content too.
    const rows: WordCell[][] = []
    // Cells merged down, by column; the row each started in; the last row with a cell at each column.
    const open = new Map<number, WordCell>()
    const startRow = new Map<WordCell, number>()
    const seenIn = new Map<number, number>()
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r]
      const out: WordCell[] = []
      rows.push(out)
      for (let c = 0; c < row.length; c++) {
        const {cell, merge} = row[c]
        seenIn.set(cell.column, r)
        const above = open.get(cell.column)
        if (merge === 'continue' && above) {
          above.rowSpan = r - (startRow.get(above) ?? r) + 1
          for (const b of cell.blocks) if (b.kind === 'table' || b.text.trim() !== '') above.blocks.push(b)
          continue
        }
        out.push(cell)
        if (merge === 'restart') {
          startRow.set(cell, r)
          open.set(cell.column, cell)
        } else open.delete(cell.column)
      }
      // A merge ends at a row without a cell at its column (deleting while iterating a Map is safe).
      if (open.size > 0) for (const column of open.keys()) if (seenIn.get(column) !== r) open.delete(column)
    }
    return {kind: 'table', columns: Math.max(columns, 1), rows, borders}
  }

  const body = childNamed(document, 'w:body') ?? document
  return {blocks: blocksOf(body), encodings}
}

function textIn(element: XmlElement): string {
  let out = ''
  const children = element.children
  for (let k = 0; k < children.length; k++) {
    const c = children[k]
    if (typeof c === 'string') out += c
  }
  return out
}

/** Join a paragraph's segments, converting legacy-font runs (adjacent runs in one font together: a VNI mark may sit in the next run). */
function joinSegments(segments: Segment[], encodings: Set<SourceEncoding>): string {
  let out = ''
  for (let i = 0; i < segments.length; ) {
    const first = segments[i]
    let text = first.text
    let j = i + 1
    while (j < segments.length && sameForm(segments[j], first)) text += segments[j++].text
    if (first.legacy) {
      text = fromLegacy(text, first.legacy.encoding, {capitals: first.legacy.capitals})
      encodings.add(first.legacy.encoding)
    }
    out += first.caps ? text.toLocaleUpperCase('vi') : text
    i = j
  }
  return out
}

function sameForm(a: Segment, b: Segment): boolean {
  return a.caps === b.caps && a.legacy?.encoding === b.legacy?.encoding && a.legacy?.capitals === b.legacy?.capitals
}
