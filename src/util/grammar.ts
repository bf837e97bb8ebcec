/**
 * Declarative grammars: JSON files in `grammars/` holding named regular
 * expressions with `ok`/`notOk` examples (the examples run as tests).
 *
 * A grammar file looks like:
 *
 *     {
 *       "name": "headings",
 *       "description": "…",
 *       "rules": [
 *         {"id": "roman", "pattern": "^(?<marker>[IVXL]+)\\.\\s+", "flags": "u",
 *          "ok": ["II. NHIỆM VỤ"], "notOk": ["Iđ. x"], "…": "fields this grammar's rules add"}
 *       ],
 *       "data": {"…": "tables (synonyms, gazetteers) that are not patterns"}
 *     }
 *
 * Each file is checked on load against its zod schema
 * (`grammar-schemas.ts`): a malformed file throws an error naming the file
 * and the field (`grammars/headings.json: rules[2].pattern: …`), and the
 * loaded grammar is typed by its schema.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {z} from 'zod'
import {grammarSchemas, type GrammarName} from './grammar-schemas.js'

export {grammarNames, type GrammarName} from './grammar-schemas.js'

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

/** The grammar of `grammars/<name>.json`, typed by its schema. */
export type GrammarOf<Name extends GrammarName> = Grammar<z.output<(typeof grammarSchemas)[Name]>>

const cache = new Map<GrammarName, Grammar>()

/** URL of the `grammars/` folder (works from `src/` and from `dist/`). */
export const grammarsFolder = new URL('../../grammars/', import.meta.url)

/** Load (once), check and compile `grammars/<name>.json`. */
export function loadGrammar<Name extends GrammarName>(name: Name): GrammarOf<Name> {
  let grammar = cache.get(name)
  if (!grammar) {
    grammar = readGrammar(fileURLToPath(new URL(`${name}.json`, grammarsFolder)), name)
    cache.set(name, grammar)
  }
  return grammar as GrammarOf<Name>
}

/**
 * Read, check and compile a grammar file against the schema of grammar
 * `name`; throws an error naming `file` and the field when the file is
 * malformed (not JSON, a field missing, of the wrong type or unknown, a
 * pattern that does not compile, a rule id used twice).
 */
export function readGrammar<Name extends GrammarName>(file: string, name: Name): GrammarOf<Name> {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, {cause: error})
  }
  const checked = grammarSchemas[name].safeParse(json)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new Error(`${file}: ${fieldPath(issue.path) || '(the file)'}: ${issue.message}`)
  }
  const source: GrammarSource = checked.data
  if (source.name !== name) throw new Error(`${file}: name: "${source.name}" is not the grammar's name "${name}"`)
  return compileGrammar(source, file) as GrammarOf<Name>
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

/** `['rules', 2, 'pattern']` → `rules[2].pattern`. */
function fieldPath(path: PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('')
}
