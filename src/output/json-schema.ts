/**
 * The JSON Schema of the output, generated from the zod schema.
 */
import {z} from 'zod'
import {OutputSchema} from './schema.js'

/** JSON Schema (draft 2020-12) of a `parse` result. */
export function jsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://sohoa.invalid/schema/plan-v1.json',
    title: 'sohoa output v1',
    ...z.toJSONSchema(OutputSchema, {target: 'draft-2020-12'})
  }
}
