/**
 * PDF text layers in a legacy Vietnamese encoding: a document typed in
 * `.VnTime` or `VNI-Times` and printed to PDF keeps the font's codes, so its
 * text layer reads as "Uû ban nh©n d©n". Runs in a font named as a TCVN3 or
 * VNI font are converted (upper-cased in `.VnTimeH`-style fonts); when no
 * font says so but the page reads better converted, the whole page is.
 */
import type {PDFPageProxy} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {hasLegacyTrace, repairMojibake} from '../encoding/decode.js'
import {fromLegacy, legacyFont, type LegacyEncoding} from '../encoding/legacy.js'
import type {TextLayer} from './text-layer.js'

/** How to decode the runs of a page, and the encoding; undefined when the page is in Unicode. */
export async function legacyDecoder(page: PDFPageProxy, layer: TextLayer): Promise<{decode: (text: string, font: string) => string; encoding: LegacyEncoding} | undefined> {
  if (!hasLegacyTrace(layer.text)) return undefined
  // pdf.js names a page's fonts once it has read the page's operators.
  await page.getOperatorList()
  const byFont = new Map<string, {encoding: LegacyEncoding; capitals: boolean}>()
  for (const id of layer.fonts) {
    const name = page.commonObjs.has(id) ? (page.commonObjs.get(id) as {name?: string}).name : undefined
    const legacy = legacyFont(name)
    if (legacy) byFont.set(id, legacy)
  }
  if (byFont.size > 0) {
    const encoding = [...byFont.values()][0].encoding
    return {
      decode: (text, font) => {
        const legacy = byFont.get(font)
        return legacy ? fromLegacy(text, legacy.encoding, {capitals: legacy.capitals}) : text
      },
      encoding
    }
  }
  const repaired = repairMojibake(layer.text)
  if (!repaired || (repaired.encoding !== 'tcvn3' && repaired.encoding !== 'vni')) return undefined
  const encoding = repaired.encoding
  return {decode: (text) => fromLegacy(text, encoding), encoding}
}
