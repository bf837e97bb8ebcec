/**
 * Write `schema/plan.schema.json`, the JSON Schema generated from the zod
 * schema (`src/output/schema.ts`). A test fails when the committed file is
 * out of date: run `npm run schema` after changing the contract.
 */
import {writeFileSync} from 'node:fs'
import {jsonSchema} from '../src/output/json-schema.js'

const target = new URL('../schema/plan.schema.json', import.meta.url)
writeFileSync(target, JSON.stringify(jsonSchema(), null, 2) + '\n')
process.stdout.write(`wrote ${target.pathname}\n`)
