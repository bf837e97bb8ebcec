/**
 * PDF text layers in a legacy Vietnamese encoding: a document typed in
 * `.VnTime` or `VNI-Times` and printed to PDF keeps the font's codes, so its
 * text layer reads as "Uû ban nh©n d©n". Runs in a font named as a TCVN3 or
 * VNI font are converted (upper-cased in `.VnTimeH`-style fonts); when no
 * font says so but the page reads better converted, the whole page is.
 *
 * pdf.js leaves invisible format characters out of the text layer, and
 * TCVN3's ư is byte AD, the soft hyphen: "người" would read "ngời". The
 * page's operator list still has every glyph drawn, in content order, so
 * each run's text is re-aligned with the glyphs of its font and the soft
 * hyphens put back before converting.
 */
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {hasLegacyTrace, repairMojibake} from '../encoding/decode.js'
import {fromLegacy, legacyFont, type LegacyEncoding} from '../encoding/legacy.js'
import {loadPdfjs} from './pdfjs.js'
import type {TextLayer} from './text-layer.js'

/** How to decode the runs of a page (called once per run, in order), and the encoding; undefined when the page is in Unicode. */
export async function legacyDecoder(page: PDFPageProxy, layer: TextLayer): Promise<{decode: (text: string, font: string) => string; encoding: LegacyEncoding} | undefined> {
  if (!hasLegacyTrace(layer.text)) return undefined
  // pdf.js names a page's fonts once it has read the page's operators.
  const glyphs = await glyphsByFont(page)
  const byFont = new Map<string, {encoding: LegacyEncoding; capitals: boolean}>()
  for (const id of layer.fonts) {
    const name = page.commonObjs.has(id) ? (page.commonObjs.get(id) as {name?: string}).name : undefined
    const legacy = legacyFont(name)
    if (legacy) byFont.set(id, legacy)
  }
  const restore = softHyphenRestorer(glyphs)
  if (byFont.size > 0) {
    return {
      decode: (text, font) => {
        const legacy = byFont.get(font)
        return legacy ? fromLegacy(restore(text, font), legacy.encoding, {capitals: legacy.capitals}) : text
      },
      encoding: [...byFont.values()][0].encoding
    }
  }
  const repaired = repairMojibake(layer.text)
  if (!repaired || (repaired.encoding !== 'tcvn3' && repaired.encoding !== 'vni')) return undefined
  const encoding = repaired.encoding
  return {decode: (text, font) => fromLegacy(restore(text, font), encoding), encoding}
}

/** The characters of every glyph the page draws, per font (pdf.js id), in content order. */
async function glyphsByFont(page: PDFPageProxy): Promise<Map<string, string[]>> {
  const {OPS} = await loadPdfjs()
  const list = await page.getOperatorList()
  const byFont = new Map<string, string[]>()
  let font = ''
  for (let i = 0; i < list.fnArray.length; i++) {
    const op = list.fnArray[i]
    if (op === OPS.setFont) font = String((list.argsArray[i] as unknown[])[0])
    else if (op === OPS.showText) {
      let queue = byFont.get(font)
      if (!queue) byFont.set(font, (queue = []))
      for (const glyph of (list.argsArray[i] as unknown[][])[0]) {
        if (typeof glyph === 'object' && glyph !== null) queue.push(String((glyph as {unicode?: string}).unicode ?? ''))
      }
    }
  }
  return byFont
}

/** A function that puts back the soft hyphens pdf.js dropped from a run (called on the runs in order). */
function softHyphenRestorer(glyphs: Map<string, string[]>): (text: string, font: string) => string {
  const cursors = new Map<string, number>()
  return (text, font) => {
    const queue = glyphs.get(font)
    if (!queue) return text
    let p = cursors.get(font) ?? 0
    let out = ''
    const hyphens = () => {
      while (p < queue.length && queue[p] === '\u00ad') out += queue[p++]
    }
    for (const ch of text) {
      hyphens()
      if (/\s/u.test(ch)) {
        // pdf.js writes one space for a gap or for the space glyphs it skipped.
        while (p < queue.length && /^\s+$/u.test(queue[p])) p++
        out += ch
        continue
      }
      // Find the character among the next glyphs; a glyph drawing several characters counts once.
      let k = p
      while (k < queue.length && k - p < 8 && queue[k] !== ch && !queue[k].startsWith(ch)) k++
      if (k < queue.length && (queue[k] === ch || queue[k].startsWith(ch))) {
        for (let j = p; j < k; j++) if (queue[j] === '\u00ad') out += '\u00ad'
        p = k + 1
      }
      out += ch
    }
    hyphens()
    cursors.set(font, p)
    return out
  }
}
