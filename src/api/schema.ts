/**
 * `sohoa/schema`: the output contract, as zod schemas (one per object of the
 * output, `OutputSchema` the whole) and as JSON Schema (`jsonSchema()`, also
 * shipped as `sohoa/schema.json`).
 *
 *     import {OutputSchema, jsonSchema} from 'sohoa/schema'
 *     OutputSchema.parse(JSON.parse(text))
 */
export * from '../output/schema.js'
export {jsonSchema} from '../output/json-schema.js'
