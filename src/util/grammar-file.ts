/**
 * Grammar files without their zod check: the types of a grammar, where the
 * files are, reading one and compiling its rules. `grammar.ts` checks each
 * file against its schema on load; this module does not import zod, so that
 * `sohoa restore` (which needs two grammars for document codes) starts
 * without loading zod and the plan schemas (~0.09 s CPU).
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {z} from 'zod'
import type {grammarSchemas, GrammarName} from './grammar-schemas.js'
import {packageRoot} from './package-root.js'

/** What every grammar file holds, whatever its own fields. */
export interface GrammarSource {
  name: string
  description?: string
  rules: GrammarRuleSource[]
  data?: unknown
}

/** What every rule of a grammar file holds. */
export interface GrammarRuleSource {
  id: string
  pattern: string
  flags?: string
  description?: string
  ok?: string[]
  notOk?: string[]
}

/** A rule with its compiled expression. */
export type GrammarRule<Rule extends GrammarRuleSource = GrammarRuleSource> = Rule & {regex: RegExp}

/** A loaded grammar: rules by order and by id, plus its data tables, typed by the file's schema. */
export interface Grammar<Source extends GrammarSource = GrammarSource> {
  name: string
  rules: Array<GrammarRule<Source['rules'][number]>>
  rule: (id: string) => GrammarRule<Source['rules'][number]>
  data: Source['data']
}

/** URL of the `grammars/` folder. */
export const grammarsFolder = new URL('grammars/', packageRoot)

/** The grammar of `grammars/<name>.json`, typed by its schema. */
export type GrammarOf<Name extends GrammarName> = Grammar<z.output<(typeof grammarSchemas)[Name]>>

/** Path of `grammars/<name>.json`. */
export function grammarFile(name: GrammarName): string {
  return fileURLToPath(new URL(`${name}.json`, grammarsFolder))
}

/** The JSON of a grammar file; throws naming `file` when it cannot be read or parsed. */
export function readGrammarJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, {cause: error})
  }
}

const unchecked = new Map<GrammarName, Grammar>()

/**
 * Load (once) and compile `grammars/<name>.json` without checking it against its schema: for
 * code that must start without zod (`sohoa restore`). Every other caller uses `loadGrammar`,
 * which checks; the grammar tests check every file.
 */
export function loadGrammarUnchecked<Name extends GrammarName>(name: Name): GrammarOf<Name> {
  let grammar = unchecked.get(name)
  if (!grammar) {
    const file = grammarFile(name)
    grammar = compileGrammar(readGrammarJson(file) as GrammarSource, file)
    unchecked.set(name, grammar)
  }
  return grammar as GrammarOf<Name>
}

/** Compile a checked grammar source; throws naming `file`, the rule and the field when a pattern is invalid. */
export function compileGrammar<Source extends GrammarSource>(source: Source, file = `grammar ${source.name}`): Grammar<Source> {
  const seen = new Set<string>()
  const rules = source.rules.map((rule, index) => {
    const where = `${file}: rules[${index}] (${rule.id})`
    if (seen.has(rule.id)) throw new Error(`${where}.id: a second rule with this id`)
    seen.add(rule.id)
    try {
      return {...rule, regex: new RegExp(rule.pattern, rule.flags ?? 'u')}
    } catch (error) {
      throw new Error(`${where}.pattern: ${(error as Error).message}`)
    }
  })
  const byId = new Map(rules.map((r) => [r.id, r]))
  return {
    name: source.name,
    rules,
    rule(id) {
      const found = byId.get(id)
      if (!found) throw new Error(`grammar ${source.name} has no rule ${id}`)
      return found
    },
    data: source.data
  }
}
