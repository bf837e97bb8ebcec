/**
 * Searchable PDFs and review pages of PDF inputs: a scanned PDF (real OCR),
 * a scanner's garbage OCR layer replaced, a good text layer copied as it
 * is; `sohoa pdf` and a bulk run with `--pdf --review`.
 */
import {execFile} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {PDFDict, PDFDocument, PDFName, PDFRawStream} from 'pdf-lib'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {bulkParse} from '../../src/bulk/index.js'
import {parseSync} from '../../src/parse.js'
import {createOcrPool, read, type OcrPool} from '../../src/read/index.js'
import {reviewPage, searchablePdf} from '../../src/outputs/index.js'
import {restoredRuns} from '../../src/outputs/restored-words.js'
import {fixture, root} from '../read/helpers.js'
import {pdftotext, pdftotextWords} from './support.js'

const run = promisify(execFile)
const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-outputs-pdf-'))
let pool: OcrPool
beforeAll(() => {
  pool = createOcrPool({workers: 1})
})
afterAll(async () => {
  await pool.terminate()
  rmSync(tmp, {recursive: true, force: true})
})

/** The raw (still encoded) bytes of the first image XObject of each page. */
async function pageImages(pdf: Uint8Array): Promise<Uint8Array[]> {
  const doc = await PDFDocument.load(pdf)
  return doc.getPages().map((page) => {
    const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict)
    const [, ref] = xobjects!.entries().find(([, v]) => (doc.context.lookup(v) as PDFRawStream).dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))!
    return (doc.context.lookup(ref) as PDFRawStream).contents
  })
}

describe('searchable PDF of a scanned PDF', () => {
  it('keeps the page and its image stream, adds the restored text at the OCR boxes, stays within 1.2× the size', async () => {
    const input = readFileSync(fixture('scanned-pdf', 'input.pdf'))
    const parsed = parseSync(await read(new VFile({path: fixture('scanned-pdf', 'input.pdf'), value: input}), {ocr: pool}))
    const made = await searchablePdf(input, parsed)
    expect(made.unchanged).toBe(false)
    expect(made.layered).toEqual([1])
    expect(made.pdf.length).toBeLessThanOrEqual(1.2 * input.length)
    const [before] = await pageImages(input)
    const [after] = await pageImages(made.pdf)
    expect(Buffer.compare(Buffer.from(before), Buffer.from(after))).toBe(0)
    const file = path.join(tmp, 'scanned.pdf')
    writeFileSync(file, made.pdf)
    const text = pdftotext(file)
    expect(text).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;')
    expect(text).toContain('Ban hành Kế hoạch Cải cách hành chính nhà nước')
    // Layout units are points here: poppler's word boxes start where OCR's do.
    const [page] = restoredRuns(parsed.file, parsed.tree)
    const words = page.runs.filter((r) => r.kind === 'word')
    const boxed = pdftotextWords(file)
    const placed = words.filter((run) => boxed.some((w) => w.text === run.text && Math.abs(w.x0 - run.bbox.x0) < 1 && w.y0 < run.bbox.y1 && w.y1 > run.bbox.y0))
    expect(placed.length / words.length).toBeGreaterThan(0.95)

    // The review page renders the PDF page and boxes the number.
    const html = await reviewPage(input, parsed)
    expect(html).toMatch(/<img src="data:image\/jpeg;base64,[A-Za-z0-9+/]{1000}/)
    expect(html).toMatch(/<a class="box field [a-z]+" id="box-f\d+-0"[^>]*title="Số, ký hiệu \(number\): Số: 06\/QĐ-UBND"/)
  })

  it('replaces a scanner\'s garbage OCR layer with the restored text', async () => {
    const input = readFileSync(fixture('garbage-layer-pdf', 'input.pdf'))
    // Not rendered: the reader keeps the garbage layer's words as `ocr-text`, and restoration repairs them.
    const parsed = parseSync(await read(new VFile({path: 'garbage.pdf', value: input}), {render: false}))
    const made = await searchablePdf(input, parsed)
    expect(made.removed).toBeGreaterThan(50)
    expect(made.notes.join(' ')).toMatch(/removed the input's own invisible text/)
    const file = path.join(tmp, 'garbage.pdf')
    writeFileSync(file, made.pdf)
    expect(pdftotext(fixture('garbage-layer-pdf', 'input.pdf'))).toContain('CONG HOA XA HOI CHU NGHIA VIET NAM')
    const text = pdftotext(file)
    expect(text).not.toContain('CONG HOA XA HOI')
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc')
  })
})

describe('sohoa pdf and bulk --pdf --review', () => {
  const cli = path.join(root, 'src/cli/index.ts')
  const tsx = path.join(root, 'node_modules/.bin/tsx')

  it('copies a PDF with a good text layer unchanged, and says so', async () => {
    const out = path.join(tmp, 'text-layer.pdf')
    const {stderr} = await run(tsx, [cli, 'pdf', fixture('text-layer-pdf', 'input.pdf'), '-o', out])
    expect(stderr).toMatch(/already has a good text layer on every page: copied unchanged/)
    expect(Buffer.compare(readFileSync(out), readFileSync(fixture('text-layer-pdf', 'input.pdf')))).toBe(0)
  })

  it('refuses a text input with a clear error', async () => {
    const error = await run(tsx, [cli, 'pdf', path.join(root, 'fixtures/seed-000/input.txt'), '-o', path.join(tmp, 'x.pdf')]).catch((e: {code: number; stderr: string}) => e)
    expect(error).toMatchObject({code: 1})
    expect((error as {stderr: string}).stderr).toMatch(/input\.txt: no page images/)
    expect(existsSync(path.join(tmp, 'x.pdf'))).toBe(false)
  })

  it('writes x.pdf and x.html beside each x.json, never over an input, and --resume wants them', async () => {
    const folder = path.join(tmp, 'batch')
    mkdirSync(folder)
    copyFileSync(fixture('text-layer-pdf', 'input.pdf'), path.join(folder, 'decision.pdf'))
    copyFileSync(path.join(root, 'fixtures/seed-000/input.txt'), path.join(folder, 'plan.txt'))
    const options = {inputs: [folder], out: folder, pdf: true, review: true, concurrency: 1, ocr: pool, fsync: false}
    const report = await bulkParse(options)
    expect(report.totals.failed).toBe(0)
    const decision = report.files.find((f) => f.path.endsWith('decision.pdf'))!
    // The output folder is the inputs' folder: decision.pdf is an input, so its searchable copy takes another name.
    expect(decision.pdf).toBe(path.join(folder, 'decision.searchable.pdf'))
    expect(Buffer.compare(readFileSync(decision.pdf!), readFileSync(path.join(folder, 'decision.pdf')))).toBe(0)
    expect(readFileSync(decision.review!, 'utf8')).toContain('<!doctype html>')
    const plan = report.files.find((f) => f.path.endsWith('plan.txt'))!
    expect(existsSync(plan.pdf!)).toBe(false)
    expect(readFileSync(plan.review!, 'utf8')).toContain('Trường dữ liệu')
    expect(existsSync(path.join(folder, 'plan.json'))).toBe(true)

    rmSync(decision.review!)
    const again = await bulkParse({...options, resume: true})
    expect(again.files.find((f) => f.path.endsWith('decision.pdf'))!.status).not.toBe('skipped')
    expect(existsSync(decision.review!)).toBe(true)
    expect(again.files.find((f) => f.path.endsWith('plan.txt'))!.status).toBe('skipped')
  })

  it('needs --out for --pdf', async () => {
    await expect(bulkParse({inputs: [fixture('text-layer-pdf', 'input.pdf')], jsonl: path.join(tmp, 'x.jsonl'), pdf: true})).rejects.toThrow(/--pdf and --review .* --out DIR/)
  })
})
