/**
 * The tasks stage on the seeds, end to end (`parseSync`: parser, sections,
 * tasks, compiler) and, for seeds 000/001, also on the stand-in tree of
 * `textTree` (so the stage is checked apart from the sections stage):
 * task counts equal numbered rows/items, the `plan.tasks` expectations of
 * seed 000 hold, seeds without a task list give none.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {TaskSchema, type Task} from '../../src/output/schema.js'
import {parseSync} from '../../src/parse.js'
import {runChecks, type Check} from '../support/expectations.js'
import {runTasks, textTree} from './trees.js'

const seed = (name: string) => readFileSync(new URL(`../../fixtures/${name}/input.txt`, import.meta.url), 'utf8')

/** The `plan.tasks` checks of the shared expectations for seed 000. */
const checks000: Check[] = [
  {path: 'plan.tasks.length', equals: 43},
  {path: 'plan.tasks[id=1].content', startsWith: 'Ban hành Kế hoạch cải cách hành chính năm 2026 của UBND xã'},
  {path: 'plan.tasks[id=1].group', equals: 'Chỉ đạo điều hành, kiểm tra và tuyên truyền', loose: true},
  {path: 'plan.tasks[id=1].lead[0].name', equals: 'Phòng Văn hóa - Xã hội', loose: true},
  {path: 'plan.tasks[id=1].timeframe.kind', equals: 'deadline'},
  {path: 'plan.tasks[id=1].timeframe.end', equals: '2026-01-15'},
  {path: 'plan.tasks[id=2].timeframe.kind', equals: 'conditional'},
  {path: 'plan.tasks[id=3].timeframe.start', equals: '2026-10-01'},
  {path: 'plan.tasks[id=3].timeframe.end', equals: '2026-12-31'},
  {path: 'plan.tasks[id=4].outputs.length', equals: 2},
  {path: 'plan.tasks[id=7].timeframe.start', equals: '2026-07-01'},
  {path: 'plan.tasks[id=7].timeframe.end', equals: '2026-12-31'},
  {path: 'plan.tasks[id=16].lead[0].name', equals: 'Trung tâm Phục vụ hành chính công', loose: true},
  {path: 'plan.tasks[id=16].lead[0].raw', equals: 'Trung tâm Phục vụ HCC'},
  {path: 'plan.tasks[id=17].timeframe.kind', equals: 'continuous'},
  {path: 'plan.tasks[id=25].content', includes: '(đạt trên 80%)'},
  {path: 'plan.tasks[id=27].timeframe.kind', equals: 'conditional'},
  {path: 'plan.tasks[id=30].timeframe.end', equals: '2027-12-31'},
  {path: 'plan.tasks[id=35].timeframe.start', equals: '2026-01-01'},
  {path: 'plan.tasks[id=35].timeframe.end', equals: '2026-05-31'},
  {path: 'plan.tasks[id=41].timeframe.start', equals: '2026-07-01'},
  {path: 'plan.tasks[id=41].timeframe.end', equals: '2026-10-31'},
  {path: 'plan.tasks[id=43].group', equals: 'Xây dựng Chính quyền điện tử, Chính quyền số', loose: true},
  {path: 'plan.tasks[id=43].lead[0].name', equals: 'Phòng Văn hóa - Xã hội', loose: true}
]

const pipeline = (text: string) => {
  const {output, messages} = parseSync(text)
  return {tasks: output.plan?.tasks ?? [], messages: messages.filter((m) => m.source === 'tasks')}
}

describe('tasks on seed 000 (tab-separated appendix table), end to end', () => {
  const text = seed('seed-000')
  const {tasks, messages} = pipeline(text)

  it('should give one task per numbered row, none dropped or duplicated', () => {
    const numbered = text.split('\n').filter((line) => /^\d+\t/.test(line)).map((line) => line.split('\t')[0])
    expect(tasks.map((task) => task.id)).toEqual(numbered)
  })

  for (const check of checks000) {
    it(`should satisfy ${check.path} ${JSON.stringify(check.equals ?? check.includes ?? check.startsWith)}`, () => {
      expect(runChecks({plan: {tasks}}, [check])[0]).toMatchObject({ok: true})
    })
  }

  it('should produce records valid against the output schema, with provenance', () => {
    for (const task of tasks) expect(TaskSchema.parse(task)).toEqual(task)
    const line = text.split('\n')[tasks[0].source.line - 1]
    expect(line.startsWith('1\tBan hành Kế hoạch')).toBe(true)
  })

  it('should know every agency of the table and read every time frame', () => {
    expect(messages.map(String)).toEqual([])
    expect(tasks.every((task) => task.confidence === 1)).toBe(true)
  })
})

describe('tasks on seed 000 through the stand-in tree', () => {
  it('should give the same tasks as the pipeline', () => {
    const text = seed('seed-000')
    const title = 'Cải cách hành chính nhà nước xã Chấn Hưng năm 2026'
    const standIn = runTasks(textTree(text), {}, {plan: {title}}).tasks
    const strip = (tasks: Task[]) => tasks.map(({source, ...task}) => task)
    expect(strip(standIn)).toEqual(strip(pipeline(text).tasks))
  })
})

for (const [label, run] of [
  ['end to end', (text: string) => pipeline(text).tasks],
  ['stand-in tree', (text: string) => runTasks(textTree(text), {}, {plan: {title: 'Cải cách hành chính phường Nam Đồ Sơn năm 2026'}}).tasks]
] as const) describe(`tasks on seed 001 (list form, section IV), ${label}`, () => {
  const text = seed('seed-001')
  const tasks = run(text)
  const lines = text.split('\n')
  const from = lines.findIndex((line) => line.startsWith('IV. '))
  const to = lines.findIndex((line, i) => i > from && /^V\. /.test(line))
  const items = lines.slice(from, to).filter((line) => /^\d+\.\d+\.?\s/.test(line)).map((line) => line.split(/\.?\s/)[0].replace(/\.$/, ''))

  it('should make every N.N. item of section IV a task, in order', () => {
    expect(items.length).toBeGreaterThan(40)
    expect(tasks.map((task) => task.id)).toEqual(items)
  })

  it('should read the labelled fields of an item', () => {
    const task = tasks.find((t) => t.id === '2.4')!
    expect(task.group).toBe('Cải cách thể chế')
    expect(task.content.startsWith('Rà soát công bố Danh mục văn bản quy phạm pháp luật')).toBe(true)
    expect(task.lead).toEqual([{name: 'Văn phòng HĐND và UBND', raw: 'Văn phòng HĐND&UBND phường'}])
    expect(task.timeframe).toEqual({raw: 'Chậm nhất là ngày 31/01/2026', start: null, end: '2026-01-31', kind: 'deadline'})
  })

  it('should list "+" sub-items of the outputs and leave missing fields empty', () => {
    const outputs = tasks.find((t) => t.id === '3.2')!.outputs
    expect(outputs.at(-2)?.startsWith('Quyết định phê duyệt phương án đơn giản hóa TTHC')).toBe(true)
    expect(outputs.at(-1)?.startsWith('Báo cáo kết quả rà soát, đánh giá TTHC')).toBe(true)
    expect(tasks.find((t) => t.id === '2.2')!.outputs).toEqual([])
    expect(tasks.find((t) => t.id === '6.2')!.timeframe).toMatchObject({start: '2026-01-01', end: '2026-01-31'})
  })

  it('should strip markdown emphasis from agencies and split "và" between agencies', () => {
    const task = tasks.find((t) => t.id === '4.3')!
    expect(task.lead.map((a) => a.name)).toEqual(['Phòng Văn hóa - Xã hội', 'Các đơn vị sự nghiệp công lập'])
    expect(tasks.every((t) => !t.lead.some((a) => a.raw.includes('*')))).toBe(true)
  })

  it('should give every item its lead and time frame (each item of the seed has them)', () => {
    expect(tasks.filter((t) => t.lead.length === 0 || t.timeframe === null).map((t) => t.id)).toEqual([])
  })
})

describe('tasks on seeds without tasks', () => {
  for (const name of ['seed-002', 'seed-003', 'seed-004']) {
    it(`should find no task in ${name}`, () => {
      expect(pipeline(seed(name)).tasks).toEqual([])
      expect(runTasks(textTree(seed(name))).tasks).toEqual([])
    })
  }
})
