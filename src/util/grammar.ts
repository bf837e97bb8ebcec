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
import {compileGrammar, grammarFile, readGrammarJson, type Grammar, type GrammarOf, type GrammarSource} from './grammar-file.js'
import {grammarSchemas, type GrammarName} from './grammar-schemas.js'

export {grammarNames, type GrammarName} from './grammar-schemas.js'
export {compileGrammar, grammarsFolder, type Grammar, type GrammarOf, type GrammarRule, type GrammarRuleSource, type GrammarSource} from './grammar-file.js'

const cache = new Map<GrammarName, Grammar>()

/** Load (once), check and compile `grammars/<name>.json`. */
export function loadGrammar<Name extends GrammarName>(name: Name): GrammarOf<Name> {
  let grammar = cache.get(name)
  if (!grammar) {
    grammar = readGrammar(grammarFile(name), name)
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
  const json = readGrammarJson(file)
  const checked = grammarSchemas[name].safeParse(json)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new Error(`${file}: ${fieldPath(issue.path) || '(the file)'}: ${issue.message}`)
  }
  const source: GrammarSource = checked.data
  if (source.name !== name) throw new Error(`${file}: name: "${source.name}" is not the grammar's name "${name}"`)
  return compileGrammar(source, file) as GrammarOf<Name>
}

/** `['rules', 2, 'pattern']` → `rules[2].pattern`. */
function fieldPath(path: PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('')
}
