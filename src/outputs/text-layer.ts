/**
 * The invisible text layer of a page (text render mode 3, as OCR tools
 * write it): each run in its box, scaled across to the box's width, with a
 * space stretched over the gap to the next word of the line so that search,
 * selection, copy and `pdftotext` give the words with their spaces.
 */
import type {PDFFont} from 'pdf-lib'
import {median} from '../read/layout/geometry.js'
import type {TextRun} from './restored-words.js'
import {multiply, type Matrix} from './page-geometry.js'

/** Where the baseline sits above the bottom of a word's box, as a share of the font size (the dot below ạ, ệ, ụ and descenders). */
const descent = 0.18

/** The least gap between two words of a line, as a share of the font size. */
const minGap = 0.2

/**
 * The content-stream operators that show `runs` invisibly with `font`
 * (named `fontName` in the page's resources); `toUser` maps the runs'
 * units to the page's user space. Characters the font lacks are dropped.
 */
export function textLayerOperators(runs: readonly TextRun[], font: PDFFont, fontName: string, toUser: Matrix): string {
  const supported = supportedCharacters(font)
  const clean = (text: string) => [...text.normalize('NFC')].filter((c) => supported.has(c.codePointAt(0)!)).join('')
  const space = font.widthOfTextAtSize(' ', 1)
  const ops: string[] = ['BT', '3 Tr']
  const lines = lineMetrics(runs)
  const pageSize = pageFontSize([...lines.values()])
  const hyphen = supported.has(0x2010)
  for (const [k, run] of runs.entries()) {
    const next = runs[k + 1]
    const endsLine = run.kind === 'word' && (next === undefined || next.group !== run.group)
    const text = clean(endsLine && hyphen ? lineEndHyphen(run.text) : run.text)
    const width = run.bbox.x1 - run.bbox.x0
    const height = run.bbox.y1 - run.bbox.y0
    if (!text.trim() || width <= 0 || height <= 0) continue
    // The words of a physical line share its size and one level baseline (where the bottoms of its words run at its middle: a
    // skewed photo's lines slope), so that extractors keep them on one line.
    const line = run.kind === 'word' ? lines.get(run.group) : undefined
    const size = line ? pageSize : height
    const baseline = (line ? line.bottom : run.bbox.y1) - descent * size
    const natural = font.widthOfTextAtSize(text, size)
    if (natural <= 0) continue
    // Extractors break words at gaps wider than a share of the font size: where OCR boxes touch, the word is set a little
    // narrower than its box so that the gap to the next word reads as a space.
    const follows = next !== undefined && next.group === run.group && run.kind === 'word' && next.kind === 'word' && next.bbox.x0 > run.bbox.x0
    const gap = follows ? next.bbox.x0 - run.bbox.x1 : 0
    const shown = follows && gap < minGap * size ? Math.max(0.5 * width, width - (minGap * size - gap)) : width
    // Text space (x right, y up) onto the layout (y down), then into user space.
    const matrix = multiply([1, 0, 0, -1, run.bbox.x0, baseline], toUser)
    ops.push(`/${fontName} ${num(size)} Tf`, `${matrix.map(num).join(' ')} Tm`, `${num((100 * shown) / natural)} Tz`, `${font.encodeText(text).toString()} Tj`)
    if (follows) {
      // A space stretched from the word's end to the next word's start.
      ops.push(`${num((100 * (next.bbox.x0 - run.bbox.x0 - shown)) / (space * size))} Tz`, `${font.encodeText(' ').toString()} Tj`)
    }
  }
  ops.push('ET')
  return ops.join('\n') + '\n'
}

/**
 * A word that ends its line with `-` written with U+2010 HYPHEN instead:
 * `pdftotext` joins a line ending in `-` to the next and drops the hyphen
 * (dehyphenation), but a hyphen at a line's end in Vietnamese is a real one
 * (`giai đoạn 2021-` / `2030`, `Độc lập - Tự do -` / `Hạnh phúc`), which
 * U+2010 keeps.
 */
export function lineEndHyphen(word: string): string {
  return word.endsWith('-') ? word.slice(0, -1) + '\u2010' : word
}

/** The median height of the word runs of each group (a physical line), and where their bottoms run at its middle. */
function lineMetrics(runs: readonly TextRun[]): Map<number, {height: number; bottom: number}> {
  const byGroup = new Map<number, TextRun[]>()
  for (const run of runs) {
    if (run.kind !== 'word') continue
    const list = byGroup.get(run.group) ?? []
    list.push(run)
    byGroup.set(run.group, list)
  }
  const out = new Map<number, {height: number; bottom: number}>()
  for (const [group, list] of byGroup) {
    const height = median(list.map((r) => r.bbox.y1 - r.bbox.y0))
    // Fit the bottoms of the words of usual height (least squares over x) and read it at the middle: the bottom of a level
    // line, the mean bottom of a sloping one. Words with a descender or a dot below pull it down a little; `descent` allows for that.
    const usual = list.filter((r) => Math.abs(r.bbox.y1 - r.bbox.y0 - height) <= 0.4 * height)
    const bottoms = (usual.length > 0 ? usual : list).map((r) => r.bbox.y1)
    out.set(group, {height, bottom: median(bottoms)})
  }
  return out
}

/**
 * One font size for the page's words: extractors (poppler's pdftotext) keep
 * lines in one block, read as one column, only when their font sizes agree
 * and their baselines are at most 1.5 sizes apart. The size is the usual
 * word height, raised so that the usual line pitch is 1.25 sizes.
 */
function pageFontSize(lines: Array<{height: number; bottom: number}>): number {
  const height = median(lines.map((l) => l.height))
  const bottoms = lines.map((l) => l.bottom)
  const pitches = bottoms.slice(1).map((b, i) => b - bottoms[i]).filter((d) => d > 0.8 * height && d < 4 * height)
  return Math.max(height, pitches.length > 0 ? median(pitches) / 1.25 : 0)
}

const characterSets = new WeakMap<PDFFont, Set<number>>()

function supportedCharacters(font: PDFFont): Set<number> {
  let set = characterSets.get(font)
  if (!set) {
    set = new Set(font.getCharacterSet())
    characterSets.set(font, set)
  }
  return set
}

/** A number for a content stream: at most 4 decimals, no exponent. */
function num(x: number): string {
  if (!Number.isFinite(x)) return '0'
  const s = x.toFixed(4)
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
}
