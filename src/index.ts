/**
 * sohoa: Vietnamese administrative documents to schema-validated JSON.
 */
export type * from './tree/types.js'
export type * from './read/types.js'
export * from './output/schema.js'
