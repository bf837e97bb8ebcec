/**
 * Shared helpers of the outputs tests: pdf.js text items with their place,
 * pdftotext, and a headless Chromium (Debian's, driven by playwright-core).
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {chromium, type BrowserContext} from 'playwright-core'
import {openPdf} from '../../src/read/pdf/pdfjs.js'

/** A text item pdf.js reads from a page: its text and where its baseline starts, in points from the page's top left. */
export interface PlacedItem {
  page: number
  text: string
  x: number
  y: number
}

/** Every text item of every page of `pdf`, and the pages' sizes in points. */
export async function pdfTextItems(pdf: Uint8Array): Promise<{items: PlacedItem[]; pages: Array<{width: number; height: number}>; info: Record<string, unknown>; xmp: string | null}> {
  const doc = await openPdf(pdf, 'output.pdf')
  try {
    const items: PlacedItem[] = []
    const pages: Array<{width: number; height: number}> = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const viewport = page.getViewport({scale: 1})
      pages.push({width: viewport.width, height: viewport.height})
      const content = await page.getTextContent()
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue
        const [x, y] = viewport.convertToViewportPoint(item.transform[4], item.transform[5])
        items.push({page: n, text: item.str.trim(), x, y})
      }
      page.cleanup()
    }
    const meta = await doc.getMetadata()
    const xmp = (meta.metadata as {getRaw?: () => string} | null)?.getRaw?.() ?? null
    return {items, pages, info: meta.info as Record<string, unknown>, xmp}
  } finally {
    await doc.destroy()
  }
}

/** `pdftotext` (poppler-utils) of a PDF file, UTF-8; `raw` keeps the content stream's order. */
export function pdftotext(file: string, raw = false): string {
  return execFileSync('pdftotext', [...(raw ? ['-raw'] : []), '-enc', 'UTF-8', file, '-'], {encoding: 'utf8'})
}

/** A word `pdftotext -bbox` reads, with its box in points from the page's top left. */
export interface BoxedWord {
  page: number
  text: string
  x0: number
  y0: number
  x1: number
  y1: number
}

/** The words of a PDF file with their boxes, as poppler's `pdftotext -bbox` finds them. */
export function pdftotextWords(file: string): BoxedWord[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {encoding: 'utf8'})
  const words: BoxedWord[] = []
  let page = 0
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  for (const match of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0] === '<page ') {
      page++
      continue
    }
    words.push({page, text: unescape(match[5]), x0: Number(match[1]), y0: Number(match[2]), x1: Number(match[3]), y1: Number(match[4])})
  }
  return words
}

/** Debian's Chromium (the `chromium` package); override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * A headless Chromium with a fresh profile. On a closed network it needs
 * its background connections off, or it stalls on refused ones.
 */
export async function launchChromium(): Promise<{context: BrowserContext; close: () => Promise<void>}> {
  const profile = mkdtempSync(path.join(tmpdir(), 'sohoa-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 1366, height: 800}
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(profile, {recursive: true, force: true})
    }
  }
}
