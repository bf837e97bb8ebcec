/**
 * Ruled tables: rules found and erased in a drawn page (straight, or
 * straightened), the grid rebuilt from them with its merged cells, and words
 * put into their cells.
 */
import {describe, expect, it} from 'vitest'
import {eraseRulingLines} from '../../src/read/image/ruling-lines.js'
import {measureSkew, rotateImage} from '../../src/read/image/skew.js'
import {findGrids, gridCells, type Grid} from '../../src/read/layout/grid.js'
import {gridRows} from '../../src/read/layout/grid-tables.js'
import type {LayoutWord} from '../../src/read/types.js'
import {drawPage, grey, proseAndTable} from './pages.js'

const near = (values: number[], want: number[], tolerance = 3) => {
  expect(values).toHaveLength(want.length)
  values.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(tolerance))
}

describe('eraseRulingLines and findGrids', () => {
  it('rebuilds the grid of a ruled table, with the merged cells of its second row', () => {
    const {image, rules} = eraseRulingLines(grey(proseAndTable()))
    const grids = findGrids(rules)
    expect(grids).toHaveLength(1)
    const [grid] = grids
    near(grid.xs, [160, 260, 900, 1500])
    near(grid.ys, [1400, 1480, 1540, 1660, 1780])
    expect(grid.open).toEqual([
      [false, false],
      [false, true],
      [false, false],
      [false, false]
    ])
    // The rules are gone: no dark pixel along them.
    for (const y of [1400, 1480, 1780]) {
      for (let x = 200; x < 1450; x += 7) expect(image.data[y * image.width + x]).toBeGreaterThan(200)
    }
  })

  it('finds the same grid on a page turned by 0.7° once it is straightened', () => {
    const turned = grey(proseAndTable(0.7))
    const straight = rotateImage(turned, -measureSkew(turned).degrees)
    const grids = findGrids(eraseRulingLines(straight).rules)
    expect(grids).toHaveLength(1)
    // Rotated about the page's centre, the table moved a little, but its rows and columns are whole.
    expect(grids[0].xs).toHaveLength(4)
    expect(grids[0].ys).toHaveLength(5)
    expect(grids[0].open[1]).toEqual([false, true])
    expect(grids[0].ys[1] - grids[0].ys[0]).toBeCloseTo(80, -1)
  })

  it('bridges short gaps in a rule (ink that did not take)', () => {
    const page = drawPage(1200, 600, 0, (ctx) => {
      ctx.lineWidth = 2
      for (const y of [100, 300, 500]) ctx.fillRect(100, y, 1000, 2)
      for (const x of [100, 600, 1098]) ctx.fillRect(x, 100, 2, 402)
      // Drop-outs across the middle rule and the middle column.
      ctx.fillStyle = '#ffffff'
      for (let x = 150; x < 1050; x += 90) ctx.fillRect(x, 298, 3, 6)
      for (let y = 130; y < 480; y += 60) ctx.fillRect(598, y, 6, 3)
    })
    const grids = findGrids(eraseRulingLines(grey(page)).rules)
    expect(grids).toHaveLength(1)
    near(grids[0].ys, [101, 301, 501])
    near(grids[0].xs, [100, 601, 1100])
  })

  it('finds no grid in prose, nor in a lone box', () => {
    const page = drawPage(1200, 600, 0, (ctx) => {
      ctx.lineWidth = 2
      ctx.strokeRect(100, 100, 1000, 400)
    })
    expect(findGrids(eraseRulingLines(grey(page)).rules)).toEqual([])
  })
})

describe('gridCells and gridRows', () => {
  const grid: Grid = {
    xs: [0, 50, 300, 500],
    ys: [0, 40, 80, 200],
    open: [
      [false, false],
      [false, true],
      [false, false]
    ]
  }
  const word = (text: string, x0: number, y0: number, x1 = x0 + 30, y1 = y0 + 20): LayoutWord => ({text, confidence: 0.9, bbox: {x0, y0, x1, y1}})

  it('lists the cells row by row, a merged cell once', () => {
    expect(gridCells(grid).map((c) => [c.row, ...c.columns])).toEqual([
      [0, 0, 1],
      [0, 1, 2],
      [0, 2, 3],
      [1, 0, 1],
      [1, 1, 3],
      [2, 0, 1],
      [2, 1, 2],
      [2, 2, 3]
    ])
  })

  it('puts each word in its cell: wrapped lines in reading order, a merged cell in its first column', () => {
    const rows = gridRows(grid, [
      word('TT', 10, 10),
      word('Nội', 60, 10),
      word('dung', 100, 10),
      word('Cơ', 310, 10),
      word('I.', 10, 50),
      word('Chỉ', 60, 50),
      word('đạo', 250, 50),
      word('điều', 320, 50),
      word('hành', 420, 50),
      word('wrapped', 60, 120),
      word('1', 10, 90),
      word('Ban', 60, 90),
      word('hành', 120, 90),
      word('x', 320, 90)
    ])
    const text = rows.map((r) => r.cells.map((c) => c.map((w) => w.text).join(' ')))
    expect(text).toEqual([
      ['TT', 'Nội dung', 'Cơ'],
      ['I.', 'Chỉ đạo điều hành', ''],
      ['1', 'Ban hành wrapped', 'x']
    ])
    expect(rows[2].bbox).toEqual({x0: 0, y0: 80, x1: 500, y1: 200})
  })
})
