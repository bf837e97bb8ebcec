/**
 * `npx tsx scripts/make-word-fixtures.ts [--soffice PATH]`: make the Word and
 * legacy-encoding fixtures under `fixtures/word/` and `fixtures/read/`
 * (committed; CI does not run this, so it needs no LibreOffice).
 *
 * - `fixtures/word/<plan>/input.docx` from a plan JSON (copied beside it as
 *   `plan.json`: the generated sample's, and each seed's expected output),
 *   through the fixture generator's document model
 *   (`scripts/word/docx-from-blocks.ts`).
 * - `fixtures/word/<plan>-doc/input.doc`: the first DOCX converted by
 *   LibreOffice (`soffice --headless --convert-to doc`).
 * - `fixtures/word/legacy-fonts/input.docx`: runs in `.VnTime`, `.VnTimeH`
 *   and `VNI-Times`, their text in those encodings.
 * - `fixtures/read/tcvn3-text/input.txt`, `vni-text/input.txt`: a plan's
 *   text in TCVN3 and VNI bytes; `utf16-text/input.txt`: UTF-16LE without BOM.
 * - `fixtures/read/vntime-pdf/input.pdf`: a PDF whose font is a `.VnTime`-style
 *   font (`scripts/word/vntime-font.ts`).
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {readPlan} from '../src/fixture/expected.js'
import {blocksFromPlan} from '../src/fixture/from-plan.js'
import {docxFromBlocks} from './word/docx-from-blocks.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const args = process.argv.slice(2)
const soffice = args.includes('--soffice') ? args[args.indexOf('--soffice') + 1] : 'soffice'

/** Plans made into DOCX: the generated sample, and the seeds' expected outputs (plans as the parser reads their texts). */
const plans: Array<{name: string; planFile: string; extras: boolean; mergeLeads: boolean}> = [
  {name: 'seed-000', planFile: 'fixtures/seed-000/output.json', extras: true, mergeLeads: true},
  {name: 'sample', planFile: 'fixtures/generated/sample/plan.json', extras: true, mergeLeads: true},
  ...['001', '002', '003', '004'].map((n) => ({name: `seed-${n}`, planFile: `fixtures/seed-${n}/output.json`, extras: false, mergeLeads: n === '001'}))
]

for (const {name, extras, mergeLeads, planFile: relative} of plans) {
  const planFile = path.join(root, relative)
  const plan = readPlan(JSON.parse(readFileSync(planFile, 'utf8')), planFile)
  const folder = path.join(root, 'fixtures/word', name)
  mkdirSync(folder, {recursive: true})
  copyFileSync(planFile, path.join(folder, 'plan.json'))
  writeFileSync(path.join(folder, 'input.docx'), await docxFromBlocks(blocksFromPlan(plan), {extras, mergeLeads}))
  process.stdout.write(`fixtures/word/${name}/input.docx\n`)
}

// The DOC: LibreOffice's conversion of the first DOCX.
{
  const from = path.join(root, 'fixtures/word', plans[0].name, 'input.docx')
  const folder = path.join(root, 'fixtures/word', `${plans[0].name}-doc`)
  mkdirSync(folder, {recursive: true})
  const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-doc-'))
  try {
    execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${tmp}/profile`, '--convert-to', 'doc', '--outdir', tmp, from], {stdio: 'ignore'})
    copyFileSync(path.join(tmp, 'input.doc'), path.join(folder, 'input.doc'))
    copyFileSync(path.join(root, 'fixtures/word', plans[0].name, 'plan.json'), path.join(folder, 'plan.json'))
    process.stdout.write(`fixtures/word/${plans[0].name}-doc/input.doc\n`)
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
}
