/**
 * Rules of scanned tables: faint thin rules, rules broken off by cells merged
 * down (row spans), tables ruled across only or boxed only (columns from the
 * gutters of their ink), and the cells with their spans.
 */
import {describe, expect, it} from 'vitest'
import {eraseRulingLines} from '../../src/read/image/ruling-lines.js'
import {darkLevel} from '../../src/read/image/ink-level.js'
import {findFrames, findGrids} from '../../src/read/layout/grid.js'
import {gridTableCells} from '../../src/read/layout/grid-tables.js'
import {frameGrid} from '../../src/read/image/frame-grid.js'
import {cssFont} from '../../src/fixture/fonts.js'
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

  it('finds the faint rules of a pale page by the page\'s own ink level (print at grey 120, rules at 175)', () => {
    const page = drawPage(1600, 800, 0, (ctx) => {
      ctx.fillStyle = '#787878'
      // Pale "text": strokes covering a few per cent of the page.
      for (let k = 0; k < 40; k++) ctx.fillRect(150 + (k % 10) * 130, 150 + Math.floor(k / 10) * 120, 90, 8)
      ctx.fillStyle = '#afafaf'
      for (const y of [100, 700]) ctx.fillRect(100, y, 1400, 2)
      for (const x of [100, 1498]) ctx.fillRect(x, 100, 2, 602)
    })
    const image = grey(page)
    expect(darkLevel(image)).toBeGreaterThan(175)
    const {rules} = eraseRulingLines(image)
    expect(rules.horizontal).toHaveLength(2)
    expect(rules.vertical).toHaveLength(2)
    // Black print keeps the usual level.
    expect(darkLevel(grey(drawPage(400, 400, 0, (ctx) => ctx.fillRect(50, 50, 100, 100))))).toBe(160)
  })

  it('takes no rule from the stems of letters one above the other ("p" over "N"), and erases none of them', () => {
    const page = drawPage(800, 400, 0, (ctx) => {
      // A stem 100 pixels long with a letter's bowl on its right along its upper half, a rule with paper either side.
      ctx.fillRect(200, 100, 4, 100)
      ctx.lineWidth = 4
      ctx.beginPath()
      ctx.arc(222, 125, 20, 0, 2 * Math.PI)
      ctx.stroke()
      ctx.fillRect(500, 100, 3, 200)
    })
    const {image, rules} = eraseRulingLines(grey(page))
    expect(rules.vertical.map((v) => Math.round(v.x))).toEqual([501])
    expect(image.data[150 * image.width + 201]).toBeLessThan(100)
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

  /** A table of 5 columns drawn without column rules: header, a group title running across, two tasks (one wrapped over two lines). */
  const tableText = (ctx: Parameters<Parameters<typeof drawPage>[3]>[0], top: number, pitch: number, groupTitle: string) => {
    ctx.font = cssFont({size: 12}, 200 / 72)
    const cells = [
      [top, ['TT', 'Nội dung công việc', 'Chủ trì', 'Phối hợp', 'Thời gian']],
      [top + pitch, ['I', groupTitle, '', '', '']],
      [top + 2 * pitch, ['1', 'Rà soát, nâng cấp mạng', 'Văn phòng', 'Viễn thông', 'Quý I/2026']],
      [top + 2 * pitch + 42, ['', 'nội bộ của xã', 'UBND xã', '', '']],
      [top + 3 * pitch + 42, ['2', 'Trang bị máy tính', 'Phòng Kinh tế', 'Công an xã', 'Quý II/2026']]
    ] as const
    const xs = [120, 230, 700, 960, 1220]
    for (const [y, texts] of cells) texts.forEach((text, c) => ctx.fillText(text, xs[c], y))
  }

  it('takes the columns of a frame ruled across from the gutters of its ink, and merges a group title running across', () => {
    const draw = (title: string) =>
      grey(
        drawPage(1500, 800, 0, (ctx) => {
          for (const y of [100, 170, 240, 360, 430]) ctx.fillRect(100, y, 1300, 3)
          tableText(ctx, 145, 70, title)
        })
      )
    const narrow = draw('Hạ tầng số')
    const {image, rules} = eraseRulingLines(narrow)
    const [frame] = findFrames(rules, findGrids(rules))
    const grid = frameGrid(image, frame)!
    expect(grid.ys).toEqual(frame.ys)
    // Each column edge in the gutter between the text of the columns either side.
    const gaps = [[165, 228], [560, 698], [900, 958], [1120, 1218]]
    expect(grid.xs).toHaveLength(6)
    grid.xs.slice(1, -1).forEach((x, k) => expect(x > gaps[k][0] && x < gaps[k][1]).toBe(true))
    expect(grid.open[1]).toEqual([false, false, false, false])
    // A group title across the content and lead columns merges them in its row.
    const wide = eraseRulingLines(draw('Hạ tầng số và chính quyền số của xã'))
    const wideGrid = frameGrid(wide.image, findFrames(wide.rules, [])[0])!
    expect(wideGrid.xs).toHaveLength(6)
    expect(wideGrid.open[1]).toEqual([false, true, false, false])
  })

  it('splits a boxed frame into rows at the wider gaps, even when its foot is cut by the page; a box of prose is no table', () => {
    // A box open at the foot: the table goes on over the page break.
    const page = grey(
      drawPage(1500, 800, 0, (ctx) => {
        ctx.fillRect(100, 100, 1300, 3)
        ctx.fillRect(100, 100, 3, 600)
        ctx.fillRect(1397, 100, 3, 600)
        tableText(ctx, 145, 80, 'Hạ tầng số')
      })
    )
    const {image, rules} = eraseRulingLines(page)
    const frames = findFrames(rules, findGrids(rules))
    expect(frames).toHaveLength(1)
    expect(frames[0].ys[1]).toBeGreaterThan(690)
    const grid = frameGrid(image, frames[0])!
    expect(grid.xs).toHaveLength(6)
    // Header, group, a task over two lines, a task.
    expect(grid.ys).toHaveLength(5)
    const prose = grey(
      drawPage(1500, 600, 0, (ctx) => {
        ctx.lineWidth = 3
        ctx.strokeRect(100, 100, 1300, 400)
        ctx.font = cssFont({size: 12}, 200 / 72)
        for (let k = 0; k < 6; k++) ctx.fillText('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025 và các văn bản', 130 + (k % 2) * 14, 160 + k * 50)
      })
    )
    const boxed = eraseRulingLines(prose)
    const [box] = findFrames(boxed.rules, [])
    expect(box).toBeDefined()
    expect(frameGrid(boxed.image, box)).toBeUndefined()
  })
})
