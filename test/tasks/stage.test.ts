/**
 * The tasks stage on trees built by hand: what the parser and sections
 * stages hand it (tables anywhere, list items, provenance in `data`).
 */
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import tasks from '../../src/tasks/index.js'
import type {Root} from '../../src/tree/types.js'
import {paragraph, part, root, runTasks, section, table} from './trees.js'

const header = ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm']

describe('tasks stage: tables', () => {
  it('should run as a unified plugin and write file.data.tasks', async () => {
    const tree = root([part('appendix', [table([header, ['1', 'Ban hành Kế hoạch', 'Phòng Kinh tế', '', 'Quý I', 'Kế hoạch']])])])
    const file = new VFile()
    const processor = unified().use(tasks, {year: 2027})
    await processor.run(tree as never, file)
    expect(file.data.tasks).toHaveLength(1)
    expect(file.data.tasks![0].timeframe).toEqual({raw: 'Quý I', start: '2027-01-01', end: '2027-03-31', kind: 'range'})
  })

  it('should take a header wrapped over two rows and skip a row of column numbers', () => {
    const tree = root([
      part('appendix', [
        table([
          ['TT', 'Nội dung', 'Cơ quan', 'Thời gian'],
          ['', '', 'chủ trì', 'thực hiện'],
          ['1', '2', '3', '4'],
          ['1', 'Kiểm tra', 'Công an xã', 'Quý II/2026']
        ])
      ])
    ])
    const {tasks: found} = runTasks(tree)
    expect(found.map((task) => [task.id, task.content, task.lead[0]?.name])).toEqual([['1', 'Kiểm tra', 'Công an xã']])
  })

  it('should read a spanning header over sub-columns ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp")', () => {
    const tree = root([
      part('appendix', [
        table([
          ['TT', 'Nội dung', 'Cơ quan thực hiện', '', 'Thời gian'],
          ['', '', 'Chủ trì', 'Phối hợp', ''],
          ['1', 'Kiểm tra', 'Công an xã', 'Các thôn', 'Quý II/2026']
        ])
      ])
    ])
    const {tasks: found} = runTasks(tree)
    expect(found.map((task) => [task.lead[0]?.name, task.cooperating[0]?.name, task.timeframe?.start])).toEqual([
      ['Công an xã', 'Các thôn', '2026-04-01']
    ])
  })

  it('should join a time frame split into start and end columns', () => {
    const tree = root([
      part('appendix', [
        table([
          ['TT', 'Nội dung', 'Chủ trì', 'Thời gian thực hiện', ''],
          ['', '', '', 'Bắt đầu', 'Kết thúc'],
          ['1', 'Kiểm tra', 'Công an xã', 'Tháng 3/2026', 'Quý III/2026'],
          ['2', 'Tổng kết', 'Công an xã', '', '15/12/2026']
        ])
      ])
    ])
    const {tasks: found} = runTasks(tree, {year: 2026})
    expect(found.map((task) => task.timeframe)).toEqual([
      {raw: 'Tháng 3/2026 - Quý III/2026', start: '2026-03-01', end: '2026-09-30', kind: 'range'},
      {raw: '15/12/2026', start: null, end: '2026-12-15', kind: 'deadline'}
    ])
  })

  it('should treat a number with sub-numbers below it as a group, and letter rows as sub-tasks', () => {
    const tree = root([
      part('appendix', [
        table([
          header,
          ['1', 'Công tác chỉ đạo, điều hành', '', '', '', ''],
          ['1.1', 'Ban hành Kế hoạch', 'Phòng Kinh tế', '', 'Quý I/2026', 'Kế hoạch'],
          ['1.2', 'Kiểm tra', 'Công an xã', '', 'Quý II/2026', 'Báo cáo'],
          ['2', 'Tổng kết', 'Phòng Kinh tế', '', 'Quý IV/2026', ''],
          ['a)', 'Tổng kết 6 tháng', 'Phòng Kinh tế', '', '6 tháng đầu năm', '']
        ])
      ])
    ])
    const {tasks: found} = runTasks(tree, {year: 2026})
    expect(found.map((task) => [task.id, task.group])).toEqual([
      ['1.1', 'Công tác chỉ đạo, điều hành'],
      ['1.2', 'Công tác chỉ đạo, điều hành'],
      ['2', 'Công tác chỉ đạo, điều hành'],
      ['2.a', 'Công tác chỉ đạo, điều hành']
    ])
  })

  it('should continue a table split over two nodes (no header on the second) and a row broken across them', () => {
    const tree = root([
      part('appendix', [
        table([header, ['I.', 'Cải cách thể chế', '', '', '', ''], ['1', 'Rà soát văn bản quy phạm', 'Văn phòng HĐND&UBND', 'Các phòng', 'Cả năm 2026', 'Báo cáo']], 10),
        paragraph('- 2 -', 14),
        table([['', 'pháp luật', '', '', '', ''], ['2', 'Kiểm tra văn bản', 'Văn phòng HĐND&UBND', 'Các phòng', 'Quý IV/2026', 'Báo cáo']], 15)
      ])
    ])
    const {tasks: found} = runTasks(tree)
    expect(found.map((task) => [task.id, task.group, task.content])).toEqual([
      ['1', 'Cải cách thể chế', 'Rà soát văn bản quy phạm pháp luật'],
      ['2', 'Cải cách thể chế', 'Kiểm tra văn bản']
    ])
  })

  it('should read numbers written in the content column when there is no number column', () => {
    const tree = root([
      part('appendix', [
        table([
          ['Nội dung', 'Đơn vị chủ trì', 'Thời hạn'],
          ['A. Nhiệm vụ chung', '', ''],
          ['1. Ban hành Kế hoạch', 'Phòng Kinh tế', 'Quý I/2026'],
          ['2. Kiểm tra', 'Công an xã', 'Quý II/2026']
        ])
      ])
    ])
    const {tasks: found} = runTasks(tree)
    expect(found.map((task) => [task.id, task.group, task.content])).toEqual([
      ['1', 'Nhiệm vụ chung', 'Ban hành Kế hoạch'],
      ['2', 'Nhiệm vụ chung', 'Kiểm tra']
    ])
  })

  it('should read an empty lead under a task of the same group as a merged cell written once, and say so', () => {
    const rows = [
      header,
      ['I', 'Cải cách thể chế', '', '', '', ''],
      ['1', 'Rà soát', 'Văn phòng HĐND và UBND xã', '', 'Quý I/2026', ''],
      ['2', 'Kiểm tra', '', '', 'Quý II/2026', ''],
      ['II', 'Cải cách thủ tục hành chính', '', '', '', ''],
      ['3', 'Niêm yết', '', '', 'Quý I/2026', '']
    ]
    const {tasks: found, file} = runTasks(root([part('appendix', [table(rows, 1, {layout: 'tabs'})])]))
    expect(found.map((task) => [task.id, task.lead.map((a) => a.raw)])).toEqual([
      ['1', ['Văn phòng HĐND và UBND xã']],
      ['2', ['Văn phòng HĐND và UBND xã']],
      ['3', []]
    ])
    expect(found[1].confidence).toBeLessThan(found[0].confidence)
    expect(file.messages.filter((m) => m.ruleId === 'merged-from-above')).toHaveLength(1)
    // A table read from its rules shows its merged cells: an empty lead there is empty.
    const ruled = runTasks(root([part('appendix', [table(rows, 1, {layout: 'lattice'})])]))
    expect(ruled.tasks[1].lead).toEqual([])
  })

  it('should ignore tables that are not task tables', () => {
    const tree = root([part('plan', [table([['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch'], ['1', 'Tỷ lệ hồ sơ trực tuyến', '%', '80']])])])
    expect(runTasks(tree).tasks).toEqual([])
  })

  it('should qualify numbers that restart in each group with the group marker', () => {
    const tree = root([
      part('appendix', [
        table([
          header,
          ['I', 'Cải cách thể chế', '', '', '', ''],
          ['1', 'Rà soát', 'Phòng Kinh tế', '', 'Quý I/2026', ''],
          ['2', 'Kiểm tra', 'Phòng Kinh tế', '', 'Quý II/2026', ''],
          ['II', 'Cải cách thủ tục hành chính', '', '', '', ''],
          ['1', 'Niêm yết', 'Công an xã', '', 'Quý I/2026', '']
        ])
      ])
    ])
    const {tasks: found, file} = runTasks(tree)
    expect(found.map((task) => [task.id, task.group])).toEqual([
      ['I.1', 'Cải cách thể chế'],
      ['I.2', 'Cải cách thể chế'],
      ['II.1', 'Cải cách thủ tục hành chính']
    ])
    expect(file.messages).toEqual([])
  })

  it('should report a repeated number, skip an exact repeat, and flag an unnumbered row', () => {
    const row = ['1', 'Ban hành Kế hoạch', 'Phòng Kinh tế', '', 'Quý I/2026', 'Kế hoạch']
    const tree = root([
      part('appendix', [
        table([header, ['', 'Nhiệm vụ không số', 'Phòng Kinh tế', '', 'Quý I/2026', ''], row, row, ['1', 'Khác', 'Phòng Kinh tế', '', 'Quý I/2026', '']])
      ])
    ])
    const {tasks: found, file} = runTasks(tree)
    expect(found.map((task) => task.id)).toEqual(['', '1', '1'])
    expect(found[0].confidence).toBeLessThan(1)
    expect(file.messages.map((message) => message.ruleId)).toEqual(['unnumbered-task', 'duplicate-task'])
  })

  it('should keep provenance (page, line, bbox) and lower the confidence with OCR confidence and gaps', () => {
    const ocr = table([header, ['7', 'Kiểm tra', '', '', 'Quý I/2026', '']], 20)
    const row = ocr.children[1]
    row.children.forEach((cell, i) => {
      cell.data = {page: 3, confidence: 0.8, bbox: {x0: 100 * i, y0: 50, x1: 100 * i + 90, y1: 70}}
    })
    const {tasks: found} = runTasks(root([part('appendix', [ocr])]), {year: 2026})
    expect(found[0].source).toEqual({page: 3, line: 21, bbox: {x0: 0, y0: 50, x1: 590, y1: 70}})
    // Missing lead (-0.2), times the mean OCR confidence 0.8.
    expect(found[0].confidence).toBe(0.64)
  })
})

describe('tasks stage: list form', () => {
  const item = (marker: string, title: string, fields: string[], line: number) =>
    section(
      marker,
      'dotted',
      title,
      fields.map((text, i) => section('-', 'dash', text, [], line + 1 + i)),
      line
    )

  it('should make a task of a numbered item with labelled fields, the group from its parent', () => {
    const tree: Root = root([
      part('plan', [
        section('IV.', 'roman', 'NHIỆM VỤ CỤ THỂ', [
          section('1.', 'arabic', 'Công tác chỉ đạo, điều hành', [
            item('1.1.', 'Xây dựng Kế hoạch tuyên truyền', ['Cơ quan chủ trì thực hiện: **Phòng Văn hóa - Xã hội.**', 'Cơ quan phối hợp: Các cơ quan, đơn vị.', 'Thời gian thực hiện: Quý I/2026'], 10),
            item('1.2.', 'Kiểm tra', ['Cơ quan chủ trì: Văn phòng HĐND&UBND phường.'], 20)
          ])
        ])
      ])
    ])
    const {tasks: found} = runTasks(tree)
    expect(found).toMatchObject([
      {
        id: '1.1',
        group: 'Công tác chỉ đạo, điều hành',
        content: 'Xây dựng Kế hoạch tuyên truyền',
        lead: [{name: 'Phòng Văn hóa - Xã hội', raw: 'Phòng Văn hóa - Xã hội'}],
        cooperating: [{name: 'Các cơ quan, đơn vị'}],
        timeframe: {start: '2026-01-01', end: '2026-03-31'},
        outputs: [],
        source: {line: 10, page: null}
      },
      // Missing fields stay empty, not invented.
      {id: '1.2', lead: [{name: 'Văn phòng HĐND và UBND'}], cooperating: [], timeframe: null, outputs: []}
    ])
  })

  it('should read "+" sub-items of the outputs and a continuation paragraph of the content', () => {
    const outputs = section('-', 'dash', 'Sản phẩm:', [section('+', 'plus', 'Kế hoạch của UBND phường; báo cáo.'), section('+', 'plus', 'Quyết định phê duyệt (nếu có).')])
    const tree = root([
      part('plan', [
        section('3.2.', 'dotted', 'Thực hiện việc rà soát, đánh giá TTHC để', [
          paragraph('kiến nghị đơn giản hóa.'),
          section('-', 'dash', 'Cơ quan chủ trì thực hiện: Trung tâm Phục vụ Hành chính công.'),
          outputs,
          section('-', 'dash', 'Thời gian thực hiện: Thường xuyên trong năm.')
        ])
      ])
    ])
    const {tasks: found} = runTasks(tree, {year: 2026})
    expect(found[0]).toMatchObject({
      id: '3.2',
      content: 'Thực hiện việc rà soát, đánh giá TTHC để kiến nghị đơn giản hóa.',
      outputs: ['Kế hoạch của UBND phường', 'báo cáo', 'Quyết định phê duyệt (nếu có)'],
      timeframe: {kind: 'continuous', start: '2026-01-01', end: '2026-12-31'}
    })
  })

  it('should read fields that follow the item as siblings (a flat tree)', () => {
    const tree = root([
      part('plan', [
        section('2.1.', 'dotted', 'Rà soát văn bản'),
        section('-', 'dash', 'Đơn vị chủ trì: Công an xã'),
        section('-', 'dash', 'Thời hạn hoàn thành: Trước ngày 15/01/2026'),
        section('2.2.', 'dotted', 'Không phải nhiệm vụ')
      ])
    ])
    const {tasks: found} = runTasks(tree)
    expect(found.map((task) => [task.id, task.lead[0]?.name, task.timeframe?.end])).toEqual([['2.1', 'Công an xã', '2026-01-15']])
  })

  it('should take a labelled "Nội dung:" as content and bold labels as labels', () => {
    const tree = root([
      part('plan', [
        section('a)', 'letter', 'Nhiệm vụ 1', [
          section('-', 'dash', 'Nội dung: Rà soát thủ tục hành chính'),
          section('-', 'dash', '**Đơn vị chủ trì:** Công an xã'),
          section('-', 'dash', '**Thời hạn hoàn thành:** Quý II/2026')
        ])
      ])
    ])
    expect(runTasks(tree).tasks).toMatchObject([
      {id: 'a', content: 'Nhiệm vụ 1 Rà soát thủ tục hành chính', lead: [{name: 'Công an xã'}], timeframe: {start: '2026-04-01'}}
    ])
  })

  it('should not take a section with only a date or prose dashes for a task', () => {
    const tree = root([
      part('plan', [
        section('2.', 'arabic', 'Thời gian, địa điểm', [section('-', 'dash', 'Thời gian: 8 giờ ngày 15/3/2026'), section('-', 'dash', 'Địa điểm: Hội trường UBND xã')]),
        section('3.', 'arabic', 'Trách nhiệm', [section('-', 'dash', 'Chủ trì, phối hợp với cơ quan liên quan tham mưu thực hiện')])
      ])
    ])
    expect(runTasks(tree).tasks).toEqual([])
  })
})

describe('tasks stage: the plan year', () => {
  const tree = () => root([part('appendix', [table([header, ['1', 'A', 'Phòng Kinh tế', '', '6 tháng đầu năm', '']])])])

  it('should take the year from the plan title, then the document', () => {
    expect(runTasks(tree(), {}, {plan: {title: 'Kế hoạch cải cách hành chính năm 2027'}}).tasks[0].timeframe?.start).toBe('2027-01-01')
    const document = {date: {raw: '', iso: null, year: 2028, month: null, day: null}} as never
    expect(runTasks(tree(), {}, {document}).tasks[0].timeframe?.start).toBe('2028-01-01')
  })

  it('should not guess a year for a plan over several years', () => {
    const data = {plan: {title: 'Kế hoạch giai đoạn 2026 - 2030', period: {from: 2026, to: 2030}}}
    expect(runTasks(tree(), {}, data).tasks[0].timeframe).toEqual({raw: '6 tháng đầu năm', start: null, end: null, kind: 'range'})
  })
})
