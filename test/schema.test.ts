import {describe, expect, it} from 'vitest'
import {OutputSchema} from '../src/output/schema.js'

describe('output schema', () => {
  it('should reject an output without a source', () => {
    expect(OutputSchema.safeParse({schemaVersion: 1}).success).toBe(false)
  })
})
