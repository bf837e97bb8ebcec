/**
 * `npx tsx scripts/make-word-fixtures.ts [--soffice PATH] [--python PATH]`: make the Word and
 * legacy-encoding fixtures under `fixtures/word/` and `fixtures/read/`
 * (committed; CI does not run this, so it needs no LibreOffice).
 *
 * - `fixtures/word/<plan>/input.docx` from a plan JSON (copied beside it as
 *   `plan.json`: the generated sample's, and each seed's expected output),
 *   through the fixture generator's document model
 *   (`scripts/word/docx-from-blocks.ts`).
 * - `fixtures/word/<plan>-doc/input.doc`: the first DOCX converted by
 *   LibreOffice (`soffice --headless --convert-to doc`); `<plan>-lo/`: that
 *   DOCX saved again by LibreOffice (another producer's XML).
 * - `fixtures/word/sample-tcvn3/`, `sample-vni/`: the sample typed in TCVN3
 *   (`.VnTime`, capitals in `.VnTimeH`) and in VNI (`VNI-Times`).
 * - `fixtures/read/<encoding>-text/input.txt` (+ `expected.txt`): the sample's
 *   text in TCVN3, VNI, UTF-16LE without BOM, Windows-1258.
 * - `fixtures/read/errors/encrypted.doc` (LibreOffice, through UNO:
 *   `scripts/word/encrypt-docx.py`) and `encrypted.docx` (the OLE wrapper of
 *   Office encryption, written with the cfb package).
 * - `fixtures/read/vntime-pdf/input.pdf`: the sample's text in a PDF whose
 *   fonts are `.VnTime`-style fonts made from Liberation Serif
 *   (`scripts/word/vntime-font.ts`), so its text layer reads as TCVN3.
 */
import {execFileSync} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import fontkit from '@pdf-lib/fontkit'
import CFB from 'cfb'
import {PDFDocument} from 'pdf-lib'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {readPlan} from '../src/fixture/expected.js'
import {blocksFromPlan} from '../src/fixture/from-plan.js'
import {fromLegacy, type LegacyEncoding} from '../src/read/encoding/legacy.js'
import {docxFromBlocks} from './word/docx-from-blocks.js'
import {legacyBytes, toLegacy} from './word/legacy-encode.js'
import {makeVnTimeFont} from './word/vntime-font.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const args = process.argv.slice(2)
const soffice = args.includes('--soffice') ? args[args.indexOf('--soffice') + 1] : 'soffice'
/** A Python with LibreOffice's `uno` module (Debian's, not a virtualenv's). */
const python = args.includes('--python') ? args[args.indexOf('--python') + 1] : 'python3'

/** Plans made into DOCX: the generated sample, and the seeds' expected outputs (plans as the parser reads their texts). */
const plans: Array<{name: string; planFile: string; extras: boolean; mergeLeads: boolean; legacy?: LegacyEncoding}> = [
  {name: 'seed-000', planFile: 'fixtures/seed-000/output.json', extras: true, mergeLeads: true},
  {name: 'sample', planFile: 'fixtures/generated/sample/plan.json', extras: true, mergeLeads: true},
  {name: 'sample-tcvn3', planFile: 'fixtures/generated/sample/plan.json', extras: false, mergeLeads: false, legacy: 'tcvn3'},
  {name: 'sample-vni', planFile: 'fixtures/generated/sample/plan.json', extras: false, mergeLeads: false, legacy: 'vni'},
  ...['001', '002', '003', '004'].map((n) => ({name: `seed-${n}`, planFile: `fixtures/seed-${n}/output.json`, extras: false, mergeLeads: n === '001'}))
]

for (const {name, extras, mergeLeads, legacy, planFile: relative} of plans) {
  const planFile = path.join(root, relative)
  const plan = readPlan(JSON.parse(readFileSync(planFile, 'utf8')), planFile)
  const folder = path.join(root, 'fixtures/word', name)
  mkdirSync(folder, {recursive: true})
  copyFileSync(planFile, path.join(folder, 'plan.json'))
  writeFileSync(path.join(folder, 'input.docx'), await docxFromBlocks(blocksFromPlan(plan), {extras, mergeLeads, legacy}))
  process.stdout.write(`fixtures/word/${name}/input.docx\n`)
}

// The DOC: LibreOffice's conversion of the first DOCX; and that DOCX as LibreOffice saves it (its own styles, numbering, tables).
{
  const from = path.join(root, 'fixtures/word', plans[0].name, 'input.docx')
  const folder = path.join(root, 'fixtures/word', `${plans[0].name}-lo`)
  mkdirSync(folder, {recursive: true})
  const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-lo-'))
  try {
    execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${tmp}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', path.join(tmp, 'out'), from], {stdio: 'ignore'})
    copyFileSync(path.join(tmp, 'out', 'input.docx'), path.join(folder, 'input.docx'))
    copyFileSync(path.join(root, 'fixtures/word', plans[0].name, 'plan.json'), path.join(folder, 'plan.json'))
    process.stdout.write(`fixtures/word/${plans[0].name}-lo/input.docx\n`)
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
}
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

// Text files in the encodings a text file may come in: the sample plan's text.
{
  const text = readFileSync(path.join(root, 'fixtures/generated/sample/truth.txt'), 'utf8').normalize('NFC')
  const write = (name: string, bytes: Buffer, expected: string) => {
    const folder = path.join(root, 'fixtures/read', name)
    mkdirSync(folder, {recursive: true})
    writeFileSync(path.join(folder, 'input.txt'), bytes)
    writeFileSync(path.join(folder, 'expected.txt'), expected)
    process.stdout.write(`fixtures/read/${name}/input.txt\n`)
  }
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const legacy = toLegacy(text, encoding)
    // TCVN3 has no capitals with tones: those letters were typed small, and read back small.
    write(`${encoding}-text`, legacyBytes(legacy), encoding === 'tcvn3' ? fromLegacy(legacy, encoding) : text)
  }
  write('utf16-text', Buffer.from(text, 'utf16le'), text)
  write('windows-1258-text', execFileSync('iconv', ['-f', 'UTF-8', '-t', 'WINDOWS-1258'], {input: text}), text)
}

// Encrypted Word files: a DOC saved with a password by LibreOffice (RC4, the FIB's fEncrypted flag), and a DOCX in
// the OLE wrapper of Office encryption (EncryptionInfo and EncryptedPackage streams; LibreOffice 7.4 does not write it).
{
  const folder = path.join(root, 'fixtures/read/errors')
  mkdirSync(folder, {recursive: true})
  execFileSync(python, [path.join(root, 'scripts/word/encrypt-docx.py'), path.join(root, 'fixtures/word/sample/input.docx'), path.join(folder, 'encrypted.doc'), 'sohoa', 'MS Word 97'], {stdio: 'ignore'})
  const container = CFB.utils.cfb_new()
  // EncryptionInfo of agile encryption: version 4.4, flags 0x40, then the XML descriptor.
  const descriptor = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>'
  CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(descriptor)]))
  const payload = randomBytes(4096)
  const size = Buffer.alloc(8)
  size.writeUInt32LE(payload.length, 0)
  CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.concat([size, payload]))
  writeFileSync(path.join(folder, 'encrypted.docx'), CFB.write(container, {type: 'buffer'}) as Buffer)
  process.stdout.write('fixtures/read/errors/encrypted.doc, encrypted.docx\n')
}

// A PDF typed in .VnTime (headings in .VnTimeH): the sample's text, drawn with the fonts of scripts/word/vntime-font.ts.
{
  // The table rows (tab-separated) are left out: this fixture is about the encoding.
  const text = readFileSync(path.join(root, 'fixtures/generated/sample/truth.txt'), 'utf8').normalize('NFC').split('\n').filter((l) => !l.includes('\t'))
  const liberation = readFileSync(path.join(root, 'fixtures/fonts/LiberationSerif-Regular.ttf'))
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  const vntime = await pdf.embedFont(makeVnTimeFont(liberation), {subset: true})
  const vntimeH = await pdf.embedFont(makeVnTimeFont(liberation, {capitals: true}), {subset: true})
  // fontkit's shaping drops U+00AD (a soft hyphen, TCVN3's ư): map each character to its glyph directly, as the ABC fonts did.
  for (const font of [vntime, vntimeH]) {
    const face = (font as unknown as {embedder: {font: {layout: unknown; glyphForCodePoint: (c: number) => unknown}}}).embedder.font
    face.layout = (text: string) => ({glyphs: [...text].map((c) => face.glyphForCodePoint(c.codePointAt(0) ?? 0))})
  }
  let page = pdf.addPage([595.28, 841.89])
  let y = 790
  const shown: string[] = []
  for (const line of text) {
    if (y < 60) {
      page = pdf.addPage([595.28, 841.89])
      y = 790
    }
    // A line in capitals is typed in small letters in .VnTimeH, as ABC users did.
    const capitals = /\p{Lu}/u.test(line) && line === line.toLocaleUpperCase('vi')
    const typed = toLegacy(capitals ? line.toLocaleLowerCase('vi') : line, 'tcvn3')
    if (typed.trim() !== '') page.drawText(typed, {x: 56, y, size: 12, font: capitals ? vntimeH : vntime})
    // What the page shows (a capital with a tone, outside .VnTimeH, had to be typed small).
    if (typed.trim() !== '') shown.push(fromLegacy(typed, 'tcvn3', {capitals}))
    y -= 18
  }
  const folder = path.join(root, 'fixtures/read/vntime-pdf')
  mkdirSync(folder, {recursive: true})
  writeFileSync(path.join(folder, 'input.pdf'), await pdf.save({useObjectStreams: false}))
  writeFileSync(path.join(folder, 'expected.txt'), shown.join('\n') + '\n')
  process.stdout.write('fixtures/read/vntime-pdf/input.pdf\n')
}
