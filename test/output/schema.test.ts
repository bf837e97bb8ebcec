import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {jsonSchema} from '../../src/output/json-schema.js'
import {OutputSchema} from '../../src/output/schema.js'
import {parseSync} from '../../src/parse.js'

describe('output schema', () => {
  it('should ship the JSON Schema generated from the zod schema (run `npm run schema`)', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../schema/plan.schema.json', import.meta.url), 'utf8'))
    expect(shipped).toEqual(jsonSchema())
  })

  it('should reject an output without a source', () => {
    expect(OutputSchema.safeParse({schemaVersion: 1}).success).toBe(false)
  })

  it('should validate what parse returns', () => {
    const {output} = parseSync('KẾ HOẠCH\nCải cách hành chính năm 2026\nI. MỤC ĐÍCH')
    expect(OutputSchema.safeParse(output).success).toBe(true)
    expect(output.schemaVersion).toBe(1)
    expect(output.source).toMatchObject({route: 'text', mediaType: 'text/plain'})
  })
})
