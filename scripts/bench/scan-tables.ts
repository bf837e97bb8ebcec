/**
 * What table recovery costs on a scanned page: `ocrPage` (the reader's
 * preprocessing and OCR) of the table pages of `fixtures/tables-real/*\/scan.pdf`,
 * rendered as `read` renders them (300 dpi), with table rules found, erased and
 * rebuilt into grids and their doubtful cells read again (the default), against
 * the same page with `rules: false` (no rules, no grids, no cell rereads).
 * Same pool, one worker, pages in turn.
 *
 *   npm run bench -- scan-tables [--pages 4]
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {openPdf} from '../../src/read/pdf/pdfjs.js'
import {renderPage} from '../../src/read/read-pdf.js'
import {createOcrPool} from '../../src/read/index.js'
import {ocrPage} from '../../src/read/ocr-page.js'
import {table} from '../table.js'

/** One-line title of this benchmark. */
export const title = 'Scanned tables: OCR time of a page with and without table recovery'

/** Run the benchmark and print its table. */
export async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--pages')
  const count = i >= 0 ? Number(args[i + 1]) : 4
  const pages: Array<{name: string; n: number}> = [
    {name: 'assignment', n: 4},
    {name: 'responsibility', n: 2},
    {name: 'horizontal-rules', n: 2},
    {name: 'outer-border', n: 2},
    {name: 'assignment', n: 8}
  ].slice(0, count)
  const pool = createOcrPool({workers: 1})
  const rows = []
  let withTotal = 0
  let withoutTotal = 0
  try {
    for (const {name, n} of pages) {
      const file = fileURLToPath(new URL(`../../fixtures/tables-real/${name}/scan.pdf`, import.meta.url))
      const doc = await openPdf(readFileSync(file), file)
      const {image} = await renderPage(await doc.getPage(n), 300, 1e9)
      await doc.destroy()
      await ocrPage(image, pool) // warm up the worker on this page
      let t = performance.now()
      const without = await ocrPage(image, pool, {rules: false})
      const off = performance.now() - t
      t = performance.now()
      const withRules = await ocrPage(image, pool)
      const on = performance.now() - t
      withTotal += on
      withoutTotal += off
      rows.push({page: `${name} p.${n}`, 'no table recovery, s': (off / 1000).toFixed(2), 'with table recovery, s': (on / 1000).toFixed(2), added: `${(100 * (on / off - 1)).toFixed(1)}%`, grids: withRules.grids.length, 'words (with / without)': `${withRules.lines.flatMap((l) => l.words).length} / ${without.lines.flatMap((l) => l.words).length}`})
    }
  } finally {
    await pool.terminate()
  }
  rows.push({page: 'all', 'no table recovery, s': (withoutTotal / 1000).toFixed(2), 'with table recovery, s': (withTotal / 1000).toFixed(2), added: `${(100 * (withTotal / withoutTotal - 1)).toFixed(1)}%`, grids: null, 'words (with / without)': null})
  process.stdout.write(table(rows))
  process.stdout.write('\nTimed on a shared 2-core machine: other jobs may have run at the same time.\n')
}
