/**
 * Table fixtures, one per layout: `fixtures/tables/<case>/input.txt` →
 * the tasks (`expected.json`) and the stage's messages (`messages.txt`),
 * through the real parser (tables by `detectTables`) and the tasks stage.
 * `UPDATE=1` (npm run test:update) rewrites the expected files.
 */
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parseTasks} from './trees.js'

const folder = new URL('../../fixtures/tables/', import.meta.url)
const update = process.env.UPDATE === '1'
const cases = readdirSync(folder, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

describe('table fixtures', () => {
  it('should have a fixture per layout', () => {
    expect(cases).toEqual(expect.arrayContaining(['tabs', 'pipes', 'grid', 'aligned', 'wrapped', 'pages']))
  })

  for (const name of cases) {
    it(`${name} should give the expected tasks and messages`, () => {
      const base = new URL(`${name}/`, folder)
      const input = readFileSync(new URL('input.txt', base), 'utf8')
      // The first line is the plan's title: its year resolves relative time frames.
      const title = input.split('\n')[0]
      const {tasks, file} = parseTasks(input, {plan: {title}})
      const actual = JSON.stringify(tasks, null, 2) + '\n'
      const messages = file.messages.map((message) => `${String(message)} [${message.ruleId}]`).join('\n') + '\n'
      const expectedUrl = new URL('expected.json', base)
      const messagesUrl = new URL('messages.txt', base)
      if (update || !existsSync(expectedUrl)) {
        writeFileSync(expectedUrl, actual)
        writeFileSync(messagesUrl, messages)
      }
      expect(actual).toBe(readFileSync(expectedUrl, 'utf8'))
      expect(messages).toBe(readFileSync(messagesUrl, 'utf8'))
    })
  }
})
