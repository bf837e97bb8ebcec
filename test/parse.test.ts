/**
 * What `parse`, `parseSync` and `parseFile` take: text, bytes or a VFile.
 * Anything else is a TypeError that says so; a document with no text is
 * rejected the same way whichever form it comes in.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {parse, parseFile, parseSync, read, ReadError} from '../src/index.js'

const takes = /expected the document's text \(a string\), its bytes \(a Uint8Array\) or a VFile from read\(\)/

describe('parse: its input', () => {
  it('throws a TypeError saying what it takes for null, a number or an object', async () => {
    for (const input of [null, undefined, 123, {text: 'KẾ HOẠCH'}]) {
      await expect(parse(input as never)).rejects.toThrow(TypeError)
      await expect(parse(input as never)).rejects.toThrow(takes)
      expect(() => parseSync(input as never)).toThrow(takes)
    }
    await expect(parse(null as never)).rejects.toThrow('parse: expected the document\'s text (a string), its bytes (a Uint8Array) or a VFile from read(), got null')
    await expect(parse(123 as never)).rejects.toThrow(/got a number \(123\)$/)
    await expect(parseFile(123 as never)).rejects.toThrow(new TypeError('parseFile: expected a file path (a string), got a number (123)'))
    await expect(read(null as never)).rejects.toThrow(new TypeError('read: expected a file path (a string), bytes (a Uint8Array) or a VFile, got null'))
  })

  it('rejects a document with no text alike as a string, as bytes and as a VFile: read:no-text', async () => {
    const empty = {reason: 'no text: empty', source: 'read', ruleId: 'no-text'}
    const blank = {reason: 'no text: only whitespace', source: 'read', ruleId: 'no-text'}
    const cases: Array<[Promise<unknown>, object]> = [
      [parse(''), {...empty, file: '<text>'}],
      [parse(new Uint8Array(0)), {...empty, file: '<bytes>'}],
      [parse(' \n\t\n'), {...blank, file: '<text>'}],
      [parse(new TextEncoder().encode(' \n\t\n')), {...blank, file: '<bytes>'}],
      [parse('', {path: 'x.txt'}), {...empty, file: 'x.txt'}],
      [parse(new VFile({path: 'y.txt', value: '\n\n'})), {...blank, file: 'y.txt'}]
    ]
    for (const [promise, expected] of cases) {
      const error = await promise.then(() => undefined, (e: unknown) => e)
      expect(error).toBeInstanceOf(ReadError)
      expect(error).toMatchObject(expected)
    }
    expect(() => parseSync('')).toThrow(ReadError)
  })

  it('still parses the shortest real document', async () => {
    const {output} = await parse('KẾ HOẠCH\nCải cách hành chính năm 2026\nI. MỤC ĐÍCH')
    expect(output.document.type?.code).toBe('KH')
  })
})
