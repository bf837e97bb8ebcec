/**
 * Every example of every grammar in `grammars/` runs as a test: `ok`
 * examples must match their rule, `notOk` examples must not.
 */
import {readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {grammarsFolder, loadGrammar} from '../src/util/grammar.js'

const names = readdirSync(grammarsFolder)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))

describe('grammars', () => {
  it('should have grammar files', () => {
    expect(names.length).toBeGreaterThan(0)
  })
  for (const name of names) {
    describe(name, () => {
      const grammar = loadGrammar(name)
      // A grammar of tables only (no patterns) must hold its tables.
      if (grammar.rules.length === 0) {
        it('should hold data tables', () => {
          expect(Object.keys(grammar.data).length).toBeGreaterThan(0)
        })
      }
      for (const rule of grammar.rules) {
        for (const example of rule.ok ?? []) {
          it(`${rule.id} should match ${JSON.stringify(example)}`, () => {
            expect(rule.regex.test(example.normalize('NFC'))).toBe(true)
          })
        }
        for (const example of rule.notOk ?? []) {
          it(`${rule.id} should not match ${JSON.stringify(example)}`, () => {
            expect(rule.regex.test(example.normalize('NFC'))).toBe(false)
          })
        }
      }
    })
  }
})
