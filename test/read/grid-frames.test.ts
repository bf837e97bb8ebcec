/**
 * Rules of scanned tables: faint thin rules, rules broken off by cells merged
 * down (row spans), tables ruled across only or boxed only (columns from the
 * words' gutters), and the cells with their spans.
 */
import {describe, expect, it} from 'vitest'
import {eraseRulingLines} from '../../src/read/image/ruling-lines.js'
import {findFrames, findGrids, type Grid} from '../../src/read/layout/grid.js'
import {completeFrame, gridTableCells} from '../../src/read/layout/grid-tables.js'
import type {LayoutWord} from '../../src/read/types.js'
import type {GreyImage} from '../../src/read/image/grey-image.js'
import {drawPage, grey} from './pages.js'

const word = (text: string, x0: number, y0: number, x1 = x0 + 60, y1 = y0 + 24): LayoutWord => ({text, confidence: 0.9, bbox: {x0, y0, x1, y1}})

describe('faint and broken rules', () => {
  it('finds a thin grey rule whose darker half swaps rows (a 200-dpi scan read at 300 dpi)', () => {
    const width = 1600
    const data = new Uint8Array(width * 600).fill(250)
    const image: GreyImage = {width, height: 600, data}
    // Two rows of grey (150 and 175) trading places every 200 pixels: neither row alone is a run.
    for (let x = 100; x < 1500; x++) {
      const swap = Math.floor(x / 200) % 2 === 0
      data[300 * width + x] = swap ? 150 : 175
      data[301 * width + x] = swap ? 175 : 150
    }
    const {rules} = eraseRulingLines(image)
    expect(rules.horizontal).toHaveLength(1)
    expect(rules.horizontal[0].x1 - rules.horizontal[0].x0).toBeGreaterThan(1350)
  })

  it('keeps a rule broken off by cells merged down: the cells below join their row', () => {
    const page = drawPage(1400, 700, 0, (ctx) => {
      for (const y of [100, 200, 600]) ctx.fillRect(100, y, 1200, 3)
      // Under the second row the rule stops at x = 800: the last two columns merge down.
      ctx.fillRect(100, 400, 700, 3)
      for (const x of [100, 300, 800, 1050, 1297]) ctx.fillRect(x, 100, 3, 503)
    })
    const grids = findGrids(eraseRulingLines(grey(page)).rules)
    expect(grids).toHaveLength(1)
    const [grid] = grids
    expect(grid.ys).toHaveLength(4)
    expect(grid.openBelow).toEqual([
      [false, false, false, false],
      [false, false, true, true]
    ])
    const cells = gridTableCells(grid, [word('Chủ', 850, 380), word('trì', 1100, 450), word('2', 150, 450)])
    expect(cells.filter((c) => c.rowSpan === 2).map((c) => [c.row, c.column, c.words.map((w) => w.text).join(' ')])).toEqual([
      [1, 2, 'Chủ'],
      [1, 3, 'trì']
    ])
    expect(cells.find((c) => c.row === 2 && c.column === 0)?.words.map((w) => w.text)).toEqual(['2'])
    expect(cells).toHaveLength(4 + 4 + 2)
  })
})

describe('frames without column rules', () => {
  const across = drawPage(1400, 800, 0, (ctx) => {
    for (const y of [100, 200, 400, 600]) ctx.fillRect(100, y, 1200, 3)
  })

  it('finds a table ruled across only as a frame, and a lone box as a boxed frame', () => {
    const rules = eraseRulingLines(grey(across)).rules
    expect(findGrids(rules)).toEqual([])
    const frames = findFrames(rules, [])
    expect(frames).toHaveLength(1)
    expect(frames[0].xs).toHaveLength(2)
    expect(frames[0].ys).toHaveLength(4)
    const box = drawPage(1200, 600, 0, (ctx) => {
      ctx.lineWidth = 2
      ctx.strokeRect(100, 100, 1000, 400)
    })
    const boxRules = eraseRulingLines(grey(box)).rules
    expect(findGrids(boxRules)).toEqual([])
    expect(findFrames(boxRules, [])).toHaveLength(1)
  })

  it('takes the columns of a frame from the gutters of its words, and merges a group title running across', () => {
    const frame: Grid = {xs: [100, 1300], ys: [100, 200, 400, 600], open: [[], [], []]}
    const words = [
      word('TT', 110, 140, 150),
      word('Nội', 300, 140),
      word('dung', 370, 140),
      word('Chủ', 800, 140),
      word('trì', 870, 140),
      word('Thời', 1100, 140),
      word('I', 110, 240, 130),
      word('Hạ', 300, 240),
      word('tầng', 370, 240),
      word('1', 110, 440, 130),
      word('Rà', 300, 440),
      word('soát', 370, 440),
      word('mạng', 300, 480),
      word('Văn', 800, 440),
      word('phòng', 870, 440),
      word('Quý', 1100, 440)
    ]
    const grid = completeFrame(frame, words)!
    expect(grid.xs).toHaveLength(5)
    expect(grid.ys).toEqual(frame.ys)
    const cells = gridTableCells(grid, words)
    expect(cells.filter((c) => c.row === 2).map((c) => c.words.map((w) => w.text).join(' '))).toEqual(['1', 'Rà soát mạng', 'Văn phòng', 'Quý'])
    // A group title across the content and lead columns.
    const wide = completeFrame(frame, [...words, word('chính-quyền-số-rất-dài', 440, 240, 860)])!
    expect(wide.open[1]).toEqual([false, true, false])
  })

  it('splits a boxed frame into rows at its numbers, and finds no table in a box of prose', () => {
    const box: Grid = {xs: [100, 1300], ys: [100, 600], open: [[]]}
    const words = [word('STT', 110, 120, 160), word('Nhiệm', 300, 120), word('Đơn', 800, 120), word('Thời', 1100, 120)]
    for (const [k, y] of [200, 330].entries()) {
      words.push(word(String(k + 1), 110, y, 130), word('Kiện', 300, y), word('toàn', 370, y), word('Sở', 800, y), word('Tháng', 1100, y))
      words.push(word('ban', 300, y + 40), word('Môi', 800, y + 40))
    }
    const grid = completeFrame(box, words)!
    expect(grid.xs).toHaveLength(5)
    expect(grid.ys).toHaveLength(4)
    const prose = Array.from({length: 12}, (_, k) => word('chữ', 120 + (k % 6) * 70, 150 + Math.floor(k / 6) * 40))
    expect(completeFrame(box, prose)).toBeUndefined()
  })
})
