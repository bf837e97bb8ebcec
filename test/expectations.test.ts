/**
 * Acceptance facts: `fixtures/<case>/expectations.json` holds checks
 * (`{path, equals|startsWith|includes}`) against the output of
 * `fixtures/<case>/input.txt`, as the project's acceptance facts are written.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parseSync} from '../src/parse.js'
import {runChecks, type Check} from './support/expectations.js'

const root = new URL('../fixtures/', import.meta.url)
const cases = readdirSync(root).filter((name) => existsSync(new URL(`${name}/expectations.json`, root)))


describe('expectations', () => {
  for (const name of cases) {
    const {checks} = JSON.parse(readFileSync(new URL(`${name}/expectations.json`, root), 'utf8')) as {checks: Check[]}
    const {output} = parseSync(readFileSync(new URL(`${name}/input.txt`, root)))
    const active = checks
    it(`${name}: every check passes`, () => {
      const failed = runChecks(output, active).filter((r) => !r.ok)
      expect(failed.map((r) => `${r.check.path}: got ${JSON.stringify(r.actual)}`)).toEqual([])
      expect(active.length).toBeGreaterThan(0)
    })
  }
})
