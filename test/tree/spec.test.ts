import {readFile} from 'node:fs/promises'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {SectionKindSchema, SourceSchema} from '../../src/output/schema.js'
import parser from '../../src/parser/index.js'
import type {SourceInfo} from '../../src/read/types.js'
import sections from '../../src/sections/index.js'
import {roles, type FlatRoot, type Root} from '../../src/tree/types.js'
import {textNodes, textsIn} from '../../src/tree/walk.js'

const spec = await readFile(new URL('../../src/tree/README.md', import.meta.url), 'utf8')
const seed = await readFile(new URL('../../fixtures/seed-000/input.txt', import.meta.url), 'utf8')

/** The parser's flat tree and the sections stage's structured tree of seed 000. */
function trees(): {flat: FlatRoot; structured: Root} {
  const file = new VFile({value: seed})
  const flat = unified().use(parser).parse(file)
  const structured = unified().use(sections).runSync(flat, file) as Root
  return {flat, structured}
}

describe('the tree types match the spec (src/tree/README.md)', () => {
  it('lists exactly the roles of types.ts', () => {
    const listed = /Roles: ([^.]+)\./u.exec(spec)?.[1] ?? ''
    expect([...listed.matchAll(/`(\w+)`/gu)].map((m) => m[1])).toEqual([...roles])
  })

  it('gives the section kinds of the output schema', () => {
    const kinds = /kind: ('roman'[^\n]*)/u.exec(spec)?.[1] ?? ''
    expect([...kinds.matchAll(/'(\w+)'/gu)].map((m) => m[1])).toEqual(SectionKindSchema.options)
  })

  it('keeps the flat tree (paragraphs, tables) and the structured one (parts) apart', () => {
    const {flat, structured} = trees()
    expect(new Set(flat.children.map((c) => c.type))).toEqual(new Set(['paragraph', 'table']))
    expect(structured.children.length).toBeGreaterThan(1)
    expect(structured.children.every((c) => c.type === 'part')).toBe(true)
    expect(structured).not.toBe(flat)
    // @ts-expect-error A flat tree is not a structured one.
    const wrong: Root = flat
    expect(wrong.children[0].type).not.toBe('part')
  })

  it('has one SourceInfo: the output schema’s source', () => {
    const source: SourceInfo = {path: null, sha256: '0'.repeat(64), mediaType: 'text/plain', pages: 1, route: 'text', encoding: 'tcvn3'}
    expect(SourceSchema.parse(source)).toEqual(source)
  })
})

describe('the tree walker', () => {
  it('finds the paragraphs and cells of the flat and the structured tree in document order', () => {
    const {flat, structured} = trees()
    const ofFlat = textNodes(flat)
    const ofStructured = textNodes(structured)
    const cells = (nodes: typeof ofFlat) => nodes.filter((n) => n.type === 'tableCell')
    expect(cells(ofFlat).length).toBeGreaterThan(100)
    expect(cells(ofStructured)).toEqual(cells(ofFlat))
    // Section headings became section nodes; every other paragraph is the same node, in the same order.
    const at = ofStructured.map((node) => ofFlat.indexOf(node))
    expect(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1]))).toBe(true)
    const texts = textsIn(structured.children)
    expect(texts.length).toBeGreaterThan(ofStructured.length - cells(ofStructured).length)
  })
})
