/**
 * Every grammar in `grammars/` has a schema and loads; every example runs as
 * a test (`ok` examples must match their rule, `notOk` examples must not);
 * and a broken copy of a grammar fails on load with an error that names the
 * file and the field.
 */
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {grammarNames, grammarsFolder, loadGrammar, readGrammar, type GrammarName} from '../src/util/grammar.js'

const files = readdirSync(grammarsFolder)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))

describe('grammars', () => {
  it('should have a schema for every grammar file, and a file for every schema', () => {
    expect(files.length).toBeGreaterThan(0)
    expect([...files].sort()).toEqual([...grammarNames].sort())
  })
  for (const name of grammarNames) {
    describe(name, () => {
      const grammar = loadGrammar(name)
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

describe('a malformed grammar', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'sohoa-grammar-'))
  const original = (name: GrammarName) => JSON.parse(readFileSync(fileURLToPath(new URL(`${name}.json`, grammarsFolder)), 'utf8'))
  /** Write a copy of grammar `name` broken by `breakIt`, and the error loading it gives. */
  const load = (name: GrammarName, breakIt: (json: any) => void): string => {
    const json = original(name)
    breakIt(json)
    return loadText(name, JSON.stringify(json))
  }
  /** Write `text` as a copy of grammar `name`, and the error loading it gives. */
  const loadText = (name: GrammarName, text: string): string => {
    const file = path.join(folder, `${name}.json`)
    writeFileSync(file, text)
    try {
      readGrammar(file, name)
    } catch (error) {
      return (error as Error).message
    }
    return 'no error'
  }

  it('should load an unbroken copy', () => {
    expect(load('headings', () => undefined)).toBe('no error')
  })

  it('should name the file and the field of a wrong type', () => {
    const message = load('headings', (json) => {
      json.rules[2].pattern = 42
    })
    expect(message).toMatch(new RegExp(`^${escape(path.join(folder, 'headings.json'))}: rules\\[2\\]\\.pattern: .*string`))
  })

  it('should name a missing field', () => {
    expect(load('columns', (json) => {
      delete json.rules[1].field
    })).toMatch(/columns\.json: rules\[1\]\.field: /)
    expect(load('headings', (json) => {
      delete json.data.letters
    })).toMatch(/headings\.json: data\.letters: /)
  })

  it('should name a value outside the field’s set', () => {
    expect(load('timeframes', (json) => {
      json.rules[0].resolve = 'someday'
    })).toMatch(/timeframes\.json: rules\[0\]\.resolve: .*"year"/)
    expect(load('headings', (json) => {
      json.rules[0].flags = 'gu'
    })).toMatch(/headings\.json: rules\[0\]\.flags: .*stateful/)
  })

  it('should name an unknown (misspelt) field', () => {
    expect(load('tables', (json) => {
      json.rules[0].notok = ['x']
    })).toMatch(/tables\.json: rules\[0\]: .*notok/)
    expect(load('document-types', (json) => {
      json.data.planCode = ['KH']
    })).toMatch(/document-types\.json: data: .*planCode/)
  })

  it('should name a pattern that does not compile, with its rule', () => {
    expect(load('headings', (json) => {
      json.rules[1].pattern = '^(?<marker>\\d'
    })).toMatch(/headings\.json: rules\[1\] \(dotted\)\.pattern: Invalid regular expression/)
  })

  it('should name a rule id used twice, and a name that is not the file’s', () => {
    expect(load('plan', (json) => {
      json.rules[1].id = json.rules[0].id
    })).toMatch(/plan\.json: rules\[1\] \(periodRange\)\.id: a second rule/)
    expect(load('plan', (json) => {
      json.name = 'plans'
    })).toMatch(/plan\.json: name: "plans" is not the grammar's name "plan"/)
  })

  it('should name a file that is not JSON', () => {
    expect(loadText('plan', '{"name": "plan",')).toMatch(/plan\.json: .*JSON/)
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
