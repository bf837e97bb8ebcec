/**
 * BullMQ and ioredis, loaded with `require`. Both are CommonJS; an ESM
 * `import` of them makes Node lex every module they re-export for its
 * named exports before running it, which doubles their load time
 * (0.25 → 0.13 s of CPU) — paid by every `sohoa worker` process and queue
 * command at start. Types come from `import type … from 'bullmq'`.
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

/** The `bullmq` package. */
export const bullmq = require('bullmq') as typeof import('bullmq')

/** The `ioredis` package. */
export const ioredis = require('ioredis') as typeof import('ioredis')
