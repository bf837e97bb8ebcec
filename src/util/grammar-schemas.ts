/**
 * One zod schema per grammar file in `grammars/`: the fields every rule has
 * (`id`, `pattern`, `flags`, `description`, `ok`, `notOk`), the fields a
 * grammar's rules add (a column's `field`, a time frame's `kind` and
 * `resolve`), and the grammar's `data` tables. Unknown fields are errors, so
 * a misspelt key fails on load instead of being ignored.
 */
import {z} from 'zod'
import {TimeframeSchema} from '../output/schema.js'

/** The fields every rule has. */
const ruleShape = {
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a rule id is a camelCase name'),
  pattern: z.string().min(1),
  flags: z
    .string()
    .regex(/^[dimsuv]*$/, 'flags may be d, i, m, s, u, v (g and y make a pattern stateful: add them where it is used)')
    .optional(),
  description: z.string().optional(),
  ok: z.array(z.string()).optional(),
  notOk: z.array(z.string()).optional()
}

/** The schema of a grammar file whose rules add `rule` fields and whose `data` is `data`. */
function grammar<Rule extends z.ZodRawShape, Data extends z.ZodType>(rule: Rule, data: Data) {
  return z.strictObject({
    name: z.string(),
    description: z.string(),
    rules: z.array(z.strictObject({...ruleShape, ...rule})).min(1),
    data
  })
}

/** A grammar with no data tables. */
const noData = z.undefined().optional()

const strings = z.array(z.string().min(1))

/** A task field a column header or a list-form label can name. */
const columnField = z.enum(['number', 'content', 'lead', 'cooperating', 'timeframe', 'start', 'end', 'outputs', 'monitoring', 'note'])

/** How a time-frame rule's groups become dates (`src/normalize/timeframe.ts` has one resolver per name). */
const timeframeResolve = z.enum([
  'none',
  'continuous',
  'fromYear',
  'deadlineDate',
  'dayRange',
  'date',
  'dateRange',
  'beforeMonth',
  'byMonth',
  'beforeQuarter',
  'byQuarter',
  'beforeYear',
  'byYear',
  'monthSpan',
  'months',
  'fromMonth',
  'quarters',
  'quarterSpan',
  'halfYear',
  'years',
  'year'
])

/** The schema of each grammar file, by name (the file is `grammars/<name>.json`). */
export const grammarSchemas = {
  abbreviations: grammar({}, z.strictObject({known: strings, misread: z.record(z.string(), strings)})),
  agencies: grammar(
    {},
    z.strictObject({
      abbreviations: z.record(z.string(), z.string()),
      entries: z.array(z.strictObject({name: z.string().min(1), aliases: strings}))
    })
  ),
  'block-openers': grammar({}, noData),
  columns: grammar({field: columnField}, noData),
  'document-codes': grammar({}, noData),
  'document-types': grammar(
    {},
    z.strictObject({codes: z.record(z.string(), z.string()), names: z.record(z.string(), z.string()), planCodes: strings})
  ),
  header: grammar({}, noData),
  headings: grammar({}, z.strictObject({letters: strings, latinLetters: strings})),
  plan: grammar({}, noData),
  references: grammar({}, noData),
  responsibility: grammar({}, noData),
  'row-markers': grammar({}, noData),
  tables: grammar({}, noData),
  timeframes: grammar({kind: TimeframeSchema.shape.kind.unwrap(), resolve: timeframeResolve}, noData)
}

/** The name of a grammar file. */
export type GrammarName = keyof typeof grammarSchemas

/** Every grammar's name. */
export const grammarNames = Object.keys(grammarSchemas) as GrammarName[]

/** A task field a column or label can hold (`start`/`end`: a time frame split over two columns). */
export type ColumnField = z.infer<typeof columnField>

/** The name of a time-frame resolver. */
export type TimeframeResolve = z.infer<typeof timeframeResolve>
