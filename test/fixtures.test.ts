/**
 * Fixture folders: `fixtures/<case>/input.txt` → `output.json` (the whole
 * output) and `messages.txt` (the messages, linter style). Run with
 * `UPDATE=1` (`npm run test:update`) to rewrite the expected files, then
 * review the diff.
 */
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {formatMessages} from '../src/cli/report.js'
import {parseSync} from '../src/parse.js'

const root = new URL('../fixtures/', import.meta.url)
const update = Boolean(process.env.UPDATE)
const cases = readdirSync(root, {withFileTypes: true})
  .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/input.txt`, root)))
  .map((d) => d.name)

describe('fixtures', () => {
  it('should have text fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5)
  })
  for (const name of cases) {
    it(`should parse ${name} as expected`, () => {
      const input = path.posix.join('fixtures', name, 'input.txt')
      const {output, messages} = parseSync(readFileSync(new URL(`${name}/input.txt`, root)), {path: input})
      const json = JSON.stringify(output, null, 2) + '\n'
      const report = formatMessages(input, messages) + '\n'
      const outputUrl = new URL(`${name}/output.json`, root)
      const messagesUrl = new URL(`${name}/messages.txt`, root)
      if (update || !existsSync(outputUrl)) {
        writeFileSync(outputUrl, json)
        writeFileSync(messagesUrl, report)
      }
      expect(json).toBe(readFileSync(outputUrl, 'utf8'))
      expect(report).toBe(readFileSync(messagesUrl, 'utf8'))
    })
  }
})
