/**
 * Hostile and broken Word files fail fast, in bounded memory, with an error
 * naming the file: zip bombs (header honest or lying), XML with a DTD
 * (entity expansion), broken XML, a truncated archive, encrypted files. The
 * bomb and the broken XML also go through the CLI, timed and measured.
 */
import {execFile} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, describe, expect, it} from 'vitest'
import {parseXml, XmlError} from '../../src/read/docx/xml.js'
import {read} from '../../src/read/index.js'
import {bombStream, deflated, documentXml, docxFrame, zipArchive} from '../support/zip.js'
import {fixture, root} from './helpers.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-hostile-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** Write `bytes` as `name` in the temporary folder; its path. */
function file(name: string, bytes: Buffer): string {
  const p = path.join(tmp, name)
  writeFileSync(p, bytes)
  return p
}

async function failure(p: string): Promise<string> {
  return read(p).then(
    () => 'read without error',
    (error: Error) => error.message
  )
}

const paragraph = '<w:p><w:r><w:t>Kế hoạch cải cách hành chính</w:t></w:r></w:p>'
const gib3 = 3 * 1024 ** 3

describe('hostile DOCX', () => {
  it('a 3 GiB zip bomb that states its size fails before inflating', async () => {
    const p = file('bomb-honest.docx', zipArchive([...docxFrame(), {name: 'word/document.xml', data: bombStream(3072), size: gib3}]))
    expect(await failure(p)).toMatch(new RegExp(`^read: ${escape(p)}: corrupt or hostile DOCX: word/document.xml would inflate to 3.0 GiB .*zip bomb`))
  })

  it('a zip bomb that understates its size stops where it passes the stated size', async () => {
    const p = file('bomb-lying.docx', zipArchive([...docxFrame(), {name: 'word/document.xml', data: bombStream(64), size: 1000}]))
    expect(await failure(p)).toMatch(/word\/document.xml inflates past the 1000 B its header states/)
  })

  it('XML with a DTD (entity expansion) is refused', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    const xml = laughs + documentXml('<w:p><w:r><w:t>&c;</w:t></w:r></w:p>').replace(/^<\?xml[^>]*\?>/, '')
    const p = file('laughs.docx', zipArchive([...docxFrame(), deflated('word/document.xml', xml)]))
    expect(await failure(p)).toMatch(new RegExp(`^read: ${escape(p)}: corrupt DOCX: word/document.xml: line 1: DOCTYPE refused`))
  })

  it('broken XML names the part and the line', async () => {
    const xml = documentXml(paragraph).replace('</w:t>', '</w:x>')
    const p = file('broken.docx', zipArchive([...docxFrame(), deflated('word/document.xml', xml)]))
    expect(await failure(p)).toMatch(new RegExp(`^read: ${escape(p)}: corrupt DOCX: word/document.xml: line 1: `))
  })

  it('a truncated archive, and one without its document', async () => {
    const whole = zipArchive([...docxFrame(), deflated('word/document.xml', documentXml(paragraph))])
    expect(await failure(file('cut.docx', whole.subarray(0, whole.length - 40)))).toMatch(/cut\.docx: corrupt or hostile DOCX: not a readable ZIP archive/)
    const p = file('empty.docx', zipArchive([...docxFrame(), deflated('word/styles.xml', '<w:styles xmlns:w="x"/>')]))
    expect(await failure(p)).toMatch(/empty\.docx: corrupt DOCX \(no word\/document\.xml\)/)
  })

  it('an encrypted DOCX (OLE wrapper) and an encrypted DOC', async () => {
    expect(await failure(fixture('errors', 'encrypted.docx'))).toMatch(/encrypted\.docx: encrypted Office document \(password required\)$/)
    expect(await failure(fixture('errors', 'encrypted.doc'))).toMatch(/encrypted\.doc: encrypted Word document \(password required\)$/)
  })

  it('a minimal valid DOCX still reads (the frame the hostile ones share)', async () => {
    const p = file('ok.docx', zipArchive([...docxFrame(), deflated('word/document.xml', documentXml(paragraph))]))
    expect(String((await read(p)).value)).toBe('Kế hoạch cải cách hành chính')
  })

  it('caps the elements an XML part may make', () => {
    expect(() => parseXml(Buffer.from(`<a>${'<b/>'.repeat(50)}</a>`), {maxElements: 20})).toThrow(XmlError)
  })
})

describe('hostile files through the CLI: exit 1 naming the file, within 20 s and 1.5 GB', () => {
  const run = promisify(execFile)
  // The CLI in-process, reporting on exit its peak RSS (KiB) and the seconds since it was loaded (the work on the
  // file: compiling the sources through tsx, seconds on a loaded machine, comes before).
  const probe = `await import(${JSON.stringify(path.join(root, 'src/cli/index.ts'))}); const t0 = performance.now(); process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\nwork ' + (performance.now() - t0) / 1000 + '\\n'))`
  async function sohoa(...args: string[]): Promise<{code: number; stderr: string; seconds: number; work: number; rssMB: number}> {
    const start = performance.now()
    let code = 0
    let stderr = ''
    try {
      ;({stderr} = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe, 'sohoa', ...args], {cwd: root}))
    } catch (error) {
      ;({code, stderr} = error as {code: number; stderr: string})
    }
    const rss = Number(/maxrss (\d+)/.exec(stderr)?.[1] ?? NaN)
    const work = Number(/work ([\d.]+)/.exec(stderr)?.[1] ?? NaN)
    return {code, stderr, seconds: (performance.now() - start) / 1000, work, rssMB: rss / 1024}
  }

  it('a 3 GiB zip bomb whose header claims 100 MiB (inflated and counted up to there)', async () => {
    const p = file('bomb.docx', zipArchive([...docxFrame(), {name: 'word/document.xml', data: bombStream(3072), size: 100 * 1024 ** 2}]))
    const result = await sohoa('parse', p)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`${escape(p)}\\W+(error\\W+)?corrupt or hostile DOCX: word/document.xml inflates past the 100.0 MiB its header states`))
    expect(result.work).toBeLessThan(20)
    expect(result.seconds).toBeLessThan(60)
    expect(result.rssMB).toBeLessThan(1500)
  }, 90_000)

  it('a DOCX with broken XML', async () => {
    const p = file('broken-cli.docx', zipArchive([...docxFrame(), deflated('word/document.xml', documentXml(paragraph).slice(0, -30))]))
    const result = await sohoa('parse', p)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`${escape(p)}\\W+(error\\W+)?corrupt DOCX: word/document.xml: line 1: unclosed tag`))
    expect(result.work).toBeLessThan(20)
    expect(result.seconds).toBeLessThan(60)
    expect(result.rssMB).toBeLessThan(1500)
  }, 90_000)
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
