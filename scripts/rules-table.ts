/**
 * Write the table of rules (`src/rules/registry.ts`) into README.md between
 * its markers. A test fails when the committed table is out of date: run
 * `npm run rules` after changing a rule.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {withRulesTable} from '../src/rules/table.js'

const target = new URL('../README.md', import.meta.url)
writeFileSync(target, withRulesTable(readFileSync(target, 'utf8')))
process.stdout.write(`wrote the rules table into ${target.pathname}\n`)
