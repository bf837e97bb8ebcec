/**
 * Lattice grids from rules: cell borders drawn piece by piece snapped into
 * one grid, merged cells from missing borders (across columns and down
 * rows), a frame around text or a lone box is no table.
 */
import {describe, expect, it} from 'vitest'
import {findLattices} from '../../src/read/pdf/lattice.js'
import type {RulingLines} from '../../src/read/image/ruling-lines.js'

/**
 * The borders of a grid drawn cell by cell, as LibreOffice draws them:
 * every slot's right and bottom border unless `open` says it is missing
 * (`right:r,c` or `bottom:r,c`), with a little jitter.
 */
function borders(xs: number[], ys: number[], open: string[] = []): RulingLines {
  const rules: RulingLines = {horizontal: [], vertical: []}
  const jitter = (k: number) => ((k * 7) % 5) * 0.1
  for (let c = 0; c + 1 < xs.length; c++) rules.horizontal.push({y: ys[0], x0: xs[c], x1: xs[c + 1]})
  for (let r = 0; r + 1 < ys.length; r++) rules.vertical.push({x: xs[0], y0: ys[r], y1: ys[r + 1]})
  for (let r = 0; r + 1 < ys.length; r++) {
    for (let c = 0; c + 1 < xs.length; c++) {
      if (!open.includes(`right:${r},${c}`)) rules.vertical.push({x: xs[c + 1] + jitter(r + c), y0: ys[r], y1: ys[r + 1]})
      if (!open.includes(`bottom:${r},${c}`)) rules.horizontal.push({y: ys[r + 1] - jitter(r * c), x0: xs[c], x1: xs[c + 1]})
    }
  }
  return rules
}

describe('findLattices', () => {
  it('snaps borders drawn cell by cell into one grid', () => {
    const [lattice, more] = findLattices(borders([50, 90, 300, 420], [100, 130, 180, 240]))
    expect(more).toBeUndefined()
    expect(lattice.xs.map(Math.round)).toEqual([50, 90, 300, 420])
    expect(lattice.ys.map(Math.round)).toEqual([100, 130, 180, 240])
    expect(lattice.cells).toHaveLength(9)
    expect(lattice.cells.every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true)
  })

  it('merges slots where a border is missing: a group title across the row, an agency down two rows', () => {
    const open = ['right:1,1', 'bottom:2,2']
    const [lattice] = findLattices(borders([50, 90, 300, 420], [100, 130, 160, 200, 240], open))
    expect(lattice.cells.map((c) => [c.row, c.column, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 1],
      [0, 2, 1, 1],
      [1, 0, 1, 1],
      [1, 1, 1, 2],
      [2, 0, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 2, 1],
      [3, 0, 1, 1],
      [3, 1, 1, 1]
    ])
    expect(lattice.cells[7].bbox.y0).toBeCloseTo(160, 0)
    expect(lattice.cells[7].bbox.y1).toBeCloseTo(240, 0)
  })

  it('cuts a merged region that is no rectangle into runs row by row', () => {
    // Row 0 merged across columns 1-2, and column 2 merged down rows 0-1: an L shape.
    const [lattice] = findLattices(borders([0, 40, 80, 120], [0, 20, 40, 60], ['right:0,1', 'bottom:0,2']))
    const shapes = lattice.cells.map((c) => [c.row, c.column, c.rowSpan, c.colSpan])
    expect(shapes).toContainEqual([0, 1, 1, 2])
    expect(shapes).toContainEqual([1, 2, 1, 1])
    // Every slot is in exactly one cell.
    const covered = lattice.cells.reduce((n, c) => n + c.rowSpan * c.colSpan, 0)
    expect(covered).toBe(9)
  })

  it('finds two tables apart, top to bottom, and no table in a frame or an underline', () => {
    const low = borders([50, 100, 200], [400, 420, 440])
    const high = borders([60, 160, 260, 360], [100, 120, 140])
    const frame = borders([20, 580], [20, 800])
    const rules: RulingLines = {
      horizontal: [...low.horizontal, ...high.horizontal, ...frame.horizontal, {y: 60, x0: 200, x1: 300}],
      vertical: [...low.vertical, ...high.vertical, ...frame.vertical]
    }
    const found = findLattices({horizontal: rules.horizontal, vertical: rules.vertical})
    expect(found.map((l) => [l.xs.length - 1, l.ys.length - 1])).toEqual([
      [3, 2],
      [2, 2]
    ])
  })

  it('takes rows ruled only left and right of the text (no inner rule in the column) as merged', () => {
    // A table whose header row has two stacked lines in column 0 only: no edge at y = 115 in columns 1 and 2.
    const rules = borders([0, 50, 100, 150], [100, 115, 130, 160], ['bottom:0,1', 'bottom:0,2'])
    const [lattice] = findLattices(rules)
    expect(lattice.cells.filter((c) => c.row === 0).map((c) => [c.column, c.rowSpan])).toEqual([
      [0, 1],
      [1, 2],
      [2, 2]
    ])
  })
})
