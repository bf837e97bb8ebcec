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

/** Embed the text-layer font in `doc` as a subset; ligatures off, so every glyph stands for one character. */
export async function embedTextLayerFont(doc: PDFDocument, bytes?: Uint8Array): Promise<PDFFont> {
  doc.registerFontkit(fontkit)
  return doc.embedFont(bytes ?? (await textLayerFontBytes()), {subset: true, features: {liga: false, clig: false, dlig: false, calt: false}})
}
