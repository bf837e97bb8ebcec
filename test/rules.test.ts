import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {InputError} from '../src/bulk/input-error.js'
import {diagnostics} from '../src/output/diagnostics.js'
import {ReadError} from '../src/read/read-error.js'
import {rules, type FailureRule, type RuleId} from '../src/rules/registry.js'
import {report} from '../src/rules/report.js'
import {rulesTable, withRulesTable} from '../src/rules/table.js'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Every `.ts` file under `src/`, relative to the repository. */
function sources(dir = 'src'): string[] {
  return readdirSync(path.join(root, dir), {withFileTypes: true}).flatMap((entry) => {
    const relative = path.join(dir, entry.name)
    return entry.isDirectory() ? sources(relative) : entry.name.endsWith('.ts') ? [relative] : []
  })
}

describe('the rule registry', () => {
  it('is rendered into the README (npm run rules)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
    expect(readme).toContain(rulesTable())
    expect(withRulesTable(readme)).toBe(readme)
  })

  it('is where every message comes from: no stage calls file.message itself', () => {
    const direct = sources().filter((file) => file !== path.join('src', 'rules', 'report.ts') && /\b\w+\.(?:message|info|fail)\(/u.test(readFileSync(path.join(root, file), 'utf8')))
    expect(direct).toEqual([])
  })

  it('names every rule a stage reports', () => {
    const used = new Set<string>()
    for (const file of sources()) {
      const text = readFileSync(path.join(root, file), 'utf8')
      for (const m of text.matchAll(/\breport\(\s*[\w.]+,\s*'([a-z-]+)'/gu)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(10)
    for (const id of used) expect(Object.keys(rules), id).toContain(id)
  })

  it('gives a message its stage and severity: info through file.info, warnings not fatal', () => {
    const file = new VFile()
    const info = report(file, 'ocr-abbreviation', 'Abbreviation read as `VI` taken for `VT`', {actual: 'VI', expected: ['VT']})
    const warning = report(file, 'numbering-gap', 'Gap in numbering', {place: {line: 3, column: 1}})
    expect([info.source, info.fatal, warning.source, warning.fatal]).toEqual(['sections', undefined, 'sections', false])
    expect(diagnostics(file.messages)).toEqual([
      {severity: 'info', source: 'sections', ruleId: 'ocr-abbreviation', message: 'Abbreviation read as `VI` taken for `VT`', actual: 'VI', expected: ['VT']},
      {severity: 'warning', source: 'sections', ruleId: 'numbering-gap', message: 'Gap in numbering', line: 3, column: 1}
    ])
  })

  it('makes failures carry the stage of their rule; a ReadError is a fatal vfile message', () => {
    const error = new ReadError('x.pdf', 'encrypted PDF (password required)')
    expect(error).toBeInstanceOf(VFileMessage)
    expect([error.fatal, error.source, error.ruleId, error.reason, error.message]).toEqual([true, 'read', 'unreadable', 'encrypted PDF (password required)', 'read: x.pdf: encrypted PDF (password required)'])
    expect(diagnostics([error])[0].severity).toBe('error')
    const failures: FailureRule[] = ['no-text', 'max-bytes', 'timeout', 'crashed', 'write-failed', 'internal']
    for (const ruleId of failures) expect(new InputError('x.pdf', 'reason', ruleId).source).toBe(rules[ruleId].stage)
    const errors = (Object.keys(rules) as RuleId[]).filter((id) => rules[id].severity === 'error')
    expect(errors).toEqual(expect.arrayContaining(failures))
    // @ts-expect-error A warning rule is not a failure.
    expect(new InputError('x.pdf', 'reason', 'max-pages').ruleId).toBe('max-pages')
  })
})
