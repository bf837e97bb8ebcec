/**
 * What table recovery costs on a scanned page: `ocrPage` (the reader's
 * preprocessing and OCR) of the table pages of `fixtures/tables-real/*\/scan.pdf`,
 * rendered as `read` renders them (300 dpi), with table rules found, erased and
 * rebuilt into grids and their doubtful cells read again (the default), against
 * the same page with `rules: false` (no rules, no grids, no cell rereads).
 * Same pool, one worker, pages in turn; CPU time of the process (the OCR
 * worker threads included), which a loaded machine disturbs less than wall
 * time.
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
    {name: 'assignment', n: 8},
    {name: 'outer-border', n: 3},
    {name: 'responsibility', n: 3}
  ].slice(0, count)
  const pool = createOcrPool({workers: 1})
  const rows = []
  const totals = {cpuOff: 0, cpuOn: 0, wallOff: 0, wallOn: 0}
  try {
    for (const {name, n} of pages) {
      const file = fileURLToPath(new URL(`../../fixtures/tables-real/${name}/scan.pdf`, import.meta.url))
      const doc = await openPdf(readFileSync(file), file)
      const {image} = await renderPage(await doc.getPage(n), 300, 1e9)
      await doc.destroy()
      await ocrPage(image, pool) // warm up the worker on this page
      const time = async (options: Parameters<typeof ocrPage>[2]) => {
        const [wall, cpu] = [performance.now(), process.cpuUsage()]
        const page = await ocrPage(image, pool, options)
        const used = process.cpuUsage(cpu)
        return {page, wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6}
      }
      const without = await time({rules: false})
      const withRules = await time({})
      totals.wallOff += without.wall
      totals.wallOn += withRules.wall
      totals.cpuOff += without.cpu
      totals.cpuOn += withRules.cpu
      rows.push({
        page: `${name} p.${n}`,
        'CPU s, without': without.cpu.toFixed(2),
        'CPU s, with': withRules.cpu.toFixed(2),
        'CPU added': `${(100 * (withRules.cpu / without.cpu - 1)).toFixed(1)}%`,
        'wall s, without / with': `${without.wall.toFixed(2)} / ${withRules.wall.toFixed(2)}`,
        grids: withRules.page.grids.length,
        'words (with / without)': `${withRules.page.lines.flatMap((l) => l.words).length} / ${without.page.lines.flatMap((l) => l.words).length}`
      })
    }
  } finally {
    await pool.terminate()
  }
  rows.push({
    page: 'all',
    'CPU s, without': totals.cpuOff.toFixed(2),
    'CPU s, with': totals.cpuOn.toFixed(2),
    'CPU added': `${(100 * (totals.cpuOn / totals.cpuOff - 1)).toFixed(1)}%`,
    'wall s, without / with': `${totals.wallOff.toFixed(2)} / ${totals.wallOn.toFixed(2)}`,
    grids: null,
    'words (with / without)': null
  })
  process.stdout.write(table(rows))
  process.stdout.write('\nCPU time is the process\'s (the OCR worker threads included); wall time on a shared 2-core machine depends on what else ran.\n')
}
