/**
 * What the reader needs of `word/styles.xml`: per style its parent
 * (`basedOn`), its numbering (`numPr`), its run properties (font, all caps,
 * hidden) and, for table styles, whether the table has borders; and the
 * document defaults. Properties resolve along the `basedOn` chain.
 */
import {intValue, onOff} from './on-off.js'
import {childNamed, childrenNamed, type XmlElement} from './xml.js'

/** Run properties the reader uses, as set at one level (undefined: not set there). */
export interface RunProps {
  /** The font of the run's non-ASCII characters (`w:hAnsi`, else `w:ascii`). */
  font?: string
  caps?: boolean
  hidden?: boolean
}

/** A paragraph's numbering reference. */
export interface NumRef {
  numId: number
  ilvl?: number
}

interface Style {
  id: string
  type: string
  basedOn?: string
  numPr?: Partial<NumRef>
  run: RunProps
  /** Paragraph alignment (`w:jc`). */
  jc?: string
  /** Table styles: borders set by the style (undefined: not set). */
  borders?: boolean
}

/** The styles of a document, with resolution along `basedOn`. */
export interface Styles {
  /** The numbering a paragraph style gives its paragraphs (`ilvl` may be absent: the level that names the style). */
  numbering: (styleId: string | undefined) => {numId: number; ilvl?: number; styleId: string} | undefined
  /** The run properties of a run: direct, then its character style, then the paragraph style, then the defaults. */
  run: (direct: RunProps, characterStyle: string | undefined, paragraphStyle: string | undefined) => RunProps
  /** Whether a table style draws borders (undefined when neither it nor its parents say). */
  tableBorders: (styleId: string | undefined) => boolean | undefined
  /** The alignment (`w:jc`) a paragraph style gives its paragraphs. */
  alignment: (styleId: string | undefined) => string | undefined
  /** The default paragraph style's id (`w:default="1"`). */
  defaultParagraph: string | undefined
}

/** Run properties that set nothing (shared: run properties are read, never changed). */
const noRunProps: RunProps = Object.freeze({})

/** Run properties set directly under `rPr`. */
export function runPropsOf(rPr: XmlElement | undefined): RunProps {
  if (!rPr || rPr.children.length === 0) return noRunProps
  const fonts = childNamed(rPr, 'w:rFonts')
  const font = fonts?.attributes['w:hAnsi'] ?? fonts?.attributes['w:ascii']
  const caps = onOff(rPr, 'w:caps')
  const hidden = onOff(rPr, 'w:vanish')
  if (!font && caps === undefined && hidden === undefined) return noRunProps
  const props: RunProps = {}
  if (font) props.font = font
  if (caps !== undefined) props.caps = caps
  if (hidden !== undefined) props.hidden = hidden
  return props
}

/** Whether borders (`w:tblBorders`, `w:tcBorders`) draw any line: undefined when none is set. */
export function bordersOf(borders: XmlElement | undefined): boolean | undefined {
  if (!borders) return undefined
  const sides = borders.children.filter((c): c is XmlElement => typeof c !== 'string')
  if (sides.length === 0) return undefined
  return sides.some((side) => !/^(nil|none)$/i.test(side.attributes['w:val'] ?? 'none'))
}

/** Read `styles.xml` (its root element; undefined when the document has none). */
export function readStyles(root: XmlElement | undefined): Styles {
  const styles = new Map<string, Style>()
  let defaults: RunProps = {}
  let defaultParagraph: string | undefined
  if (root) {
    const docDefaults = childNamed(root, 'w:docDefaults')
    defaults = runPropsOf(childNamed(childNamed(docDefaults, 'w:rPrDefault'), 'w:rPr'))
    for (const element of childrenNamed(root, 'w:style')) {
      const id = element.attributes['w:styleId']
      if (!id) continue
      const type = element.attributes['w:type'] ?? 'paragraph'
      const pPr = childNamed(element, 'w:pPr')
      const numPr = childNamed(pPr, 'w:numPr')
      const style: Style = {id, type, run: runPropsOf(childNamed(element, 'w:rPr'))}
      const jc = childNamed(pPr, 'w:jc')?.attributes['w:val']
      if (jc) style.jc = jc
      const basedOn = childNamed(element, 'w:basedOn')?.attributes['w:val']
      if (basedOn) style.basedOn = basedOn
      if (numPr) style.numPr = {numId: intValue(numPr, 'w:numId'), ilvl: intValue(numPr, 'w:ilvl')}
      const borders = bordersOf(childNamed(childNamed(element, 'w:tblPr'), 'w:tblBorders'))
      if (borders !== undefined) style.borders = borders
      if (type === 'paragraph' && /^(1|true|on)$/i.test(element.attributes['w:default'] ?? '')) defaultParagraph = id
      styles.set(id, style)
    }
  }
  /** The chain of `id` and its parents (cycles cut). */
  const chain = (id: string | undefined): Style[] => {
    const out: Style[] = []
    const seen = new Set<string>()
    while (id && !seen.has(id)) {
      seen.add(id)
      const style = styles.get(id)
      if (!style) break
      out.push(style)
      id = style.basedOn
    }
    return out
  }
  const runCache = new Map<string, RunProps>()
  const baseCache = new Map<string | undefined, RunProps>()
  const paragraphCache = new Map<string | undefined, RunProps>()
  const styleRun = (id: string | undefined): RunProps => {
    const key = id ?? ''
    let props = runCache.get(key)
    if (!props) {
      props = {}
      for (const style of chain(id).reverse()) Object.assign(props, style.run)
      runCache.set(key, props)
    }
    return props
  }
  return {
    numbering(styleId) {
      let numId: number | undefined
      let ilvl: number | undefined
      for (const style of chain(styleId)) {
        if (numId === undefined && style.numPr?.numId !== undefined) numId = style.numPr.numId
        if (ilvl === undefined && style.numPr?.ilvl !== undefined) ilvl = style.numPr.ilvl
      }
      if (numId === undefined || numId === 0 || !styleId) return undefined
      return ilvl === undefined ? {numId, styleId} : {numId, ilvl, styleId}
    },
    run(direct, characterStyle, paragraphStyle) {
      // Most runs have no character style: keyed by the paragraph style alone (no key string made per run).
      const cache = characterStyle === undefined ? paragraphCache : baseCache
      const key = characterStyle === undefined ? paragraphStyle : `${characterStyle}\u0000${paragraphStyle ?? ''}`
      let base = cache.get(key)
      if (!base) cache.set(key, (base = {...defaults, ...styleRun(paragraphStyle ?? defaultParagraph), ...styleRun(characterStyle)}))
      return direct.font === undefined && direct.caps === undefined && direct.hidden === undefined ? base : {...base, ...direct}
    },
    alignment(styleId) {
      for (const style of chain(styleId ?? defaultParagraph)) if (style.jc) return style.jc
      return undefined
    },
    tableBorders(styleId) {
      for (const style of chain(styleId)) if (style.borders !== undefined) return style.borders
      return undefined
    },
    defaultParagraph
  }
}
