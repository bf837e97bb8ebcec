/**
 * The font of the text layer: Liberation Serif (full Vietnamese, SIL OFL),
 * shipped with the package in `fixtures/fonts/`, embedded as a subset of
 * the glyphs a document uses, with a ToUnicode map so text extracts as
 * written.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import type {PDFDocument, PDFFont} from 'pdf-lib'
import {defaultFontDir, FONT_FILES} from '../fixture/fonts.js'

let regular: Promise<Uint8Array> | undefined

/** The bytes of the shipped regular face (read once). */
export function textLayerFontBytes(): Promise<Uint8Array> {
  regular ??= readFile(path.join(defaultFontDir(), FONT_FILES.regular)).catch((error: Error) => {
    regular = undefined
    throw new Error(`the text-layer font is missing (${error.message}); it ships in the package's fixtures/fonts/`)
  })
  return regular
}

/**
 * Embed the text-layer font in `doc` as a subset. Each character is its own
 * glyph, from the font's character map: no shaping (ligatures, kerning),
 * which a text layer has no use for and which costs fontkit about 2 ms a
 * word. The parsed font is kept for the next document.
 */
export async function embedTextLayerFont(doc: PDFDocument, bytes?: Uint8Array): Promise<PDFFont> {
  doc.registerFontkit(unshaped)
  return doc.embedFont(bytes ?? (await textLayerFontBytes()), {subset: true})
}

type Font = ReturnType<typeof fontkit.create>
type Glyph = ReturnType<Font['glyphForCodePoint']>

const parsedFonts = new WeakMap<Uint8Array, Font>()

/** fontkit, its fonts laid out character by character (pdf-lib reads only `layout(text).glyphs`). */
const unshaped = {
  create(data: Uint8Array, postscriptName?: string): Font {
    let font = parsedFonts.get(data)
    if (!font) {
      font = characterByCharacter(fontkit.create(data, postscriptName))
      parsedFonts.set(data, font)
    }
    return font
  }
} as typeof fontkit

function characterByCharacter(font: Font): Font {
  const glyphs = new Map<number, Glyph>()
  const glyphOf = (codePoint: number) => {
    let glyph = glyphs.get(codePoint)
    if (!glyph) {
      glyph = font.glyphForCodePoint(codePoint)
      glyphs.set(codePoint, glyph)
    }
    return glyph
  }
  return new Proxy(font, {
    get(target, property, receiver) {
      if (property === 'layout') return (text: string) => ({glyphs: [...text].map((c) => glyphOf(c.codePointAt(0)!))})
      return Reflect.get(target, property, receiver)
    }
  })
}
