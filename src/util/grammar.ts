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
 *          "ok": ["II. NHIỆM VỤ"], "notOk": ["Iđ. x"], "…": "any other data the stage needs"}
 *       ],
 *       "data": {"…": "tables (synonyms, gazetteers) that are not patterns"}
 *     }
 */
import {readFileSync} from 'node:fs'

/** One rule of a grammar file, as written. */
export interface GrammarRuleSource {
  id: string
  pattern: string
  flags?: string
  ok?: string[]
  notOk?: string[]
  [key: string]: unknown
}

/** A grammar file, as written. */
export interface GrammarSource {
  name: string
  description?: string
  rules: GrammarRuleSource[]
  data?: Record<string, unknown>
}

/** A rule with its compiled expression. */
export interface GrammarRule extends GrammarRuleSource {
  regex: RegExp
}

/** A loaded grammar: rules by order and by id, plus its data tables. */
export interface Grammar {
  name: string
  rules: GrammarRule[]
  rule: (id: string) => GrammarRule
  data: Record<string, unknown>
}

const cache = new Map<string, Grammar>()

/** URL of the `grammars/` folder (works from `src/` and from `dist/`). */
export const grammarsFolder = new URL('../../grammars/', import.meta.url)

/** Load (once) and compile `grammars/<name>.json`. */
export function loadGrammar(name: string): Grammar {
  let grammar = cache.get(name)
  if (!grammar) {
    const source = JSON.parse(readFileSync(new URL(`${name}.json`, grammarsFolder), 'utf8')) as GrammarSource
    grammar = compileGrammar(source)
    cache.set(name, grammar)
  }
  return grammar
}

/** Compile a grammar source; throws naming the rule when a pattern is invalid. */
export function compileGrammar(source: GrammarSource): Grammar {
  const rules = source.rules.map((rule) => {
    if (rule.flags?.includes('g') || rule.flags?.includes('y')) {
      throw new Error(`grammar ${source.name}: rule ${rule.id}: flags g and y make a pattern stateful; add them where it is used`)
    }
    try {
      return {...rule, regex: new RegExp(rule.pattern, rule.flags ?? 'u')}
    } catch (error) {
      throw new Error(`grammar ${source.name}: rule ${rule.id}: ${(error as Error).message}`)
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
    data: source.data ?? {}
  }
}
