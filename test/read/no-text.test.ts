/**
 * Input with no text at all fails with `read:no-text` — in `read`, in
 * `parse` and `parseFile`, and in `sohoa parse FILE` — like an empty file,
 * instead of "parsing" to an empty output with exit 0.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse, parseFile} from '../../src/parse.js'
import {createOcrPool, read, ReadError} from '../../src/read/index.js'
import {sohoa} from '../bulk/corpus.js'
import {noTextInputs} from '../support/no-text.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-no-text-'))
const ocr = createOcrPool({workers: 1})
let inputs: Awaited<ReturnType<typeof noTextInputs>>
beforeAll(async () => {
  inputs = await noTextInputs()
  for (const input of inputs) writeFileSync(path.join(tmp, input.name), input.bytes)
})
afterAll(async () => {
  await ocr.terminate()
  rmSync(tmp, {recursive: true, force: true})
})

/** The error a promise rejects with (undefined when it resolves). */
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error)

describe('input with no text', () => {
  it('read, parseFile and parse fail with read:no-text and the reason', async () => {
    for (const input of inputs) {
      const file = path.join(tmp, input.name)
      for (const error of [await failure(read(file, {ocr})), await failure(parseFile(file, {read: {ocr}}))]) {
        expect(error, input.name).toBeInstanceOf(ReadError)
        expect(error, input.name).toMatchObject({file, reason: input.reason, source: 'read', ruleId: 'no-text'})
      }
      const bytes = await failure(parse(input.bytes, {read: {ocr}}))
      expect(bytes, input.name).toMatchObject({file: '<bytes>', reason: input.reason, ruleId: 'no-text'})
    }
  })

  it('an empty file fails the same way', async () => {
    const file = path.join(tmp, 'empty.txt')
    writeFileSync(file, '')
    expect(await failure(read(file))).toMatchObject({file, reason: 'no text: empty', ruleId: 'no-text'})
  })

  it('sohoa parse FILE exits 1 with one line naming the file, the reason and read:no-text', async () => {
    const file = path.join(tmp, 'whitespace.txt')
    const run = await sohoa(['parse', file])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(`${file}  error  no text: only whitespace  read:no-text\n`)
  })
})
