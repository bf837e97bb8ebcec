/**
 * The small parts of bulk import: sizes, output paths, image headers,
 * resume records, JSONL repair, atomic writes, the language check.
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {removeStaleTemporaries, temporarySuffix, writeFileAtomic} from '../../src/bulk/atomic-write.js'
import {formatBytes, parseByteSize} from '../../src/bulk/byte-size.js'
import {imageSize} from '../../src/bulk/image-size.js'
import {discoverInputs, globBase} from '../../src/bulk/inputs.js'
import {indexJsonl, resumeKey} from '../../src/bulk/jsonl-sink.js'
import {checkLanguage} from '../../src/diacritics/language.js'
import {commonFolder, outputPaths} from '../../src/bulk/output-paths.js'
import {hashFile, recordedSha256, recordedSource} from '../../src/bulk/resume.js'
import {parseSync} from '../../src/parse.js'
import {read} from '../../src/read/index.js'
import {pngClaiming, root, seed} from './corpus.js'

const tmp = mkdtempSync(path.join(tmpdir(), 'sohoa-bulk-units-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

describe('byte sizes', () => {
  it('reads sizes with units in powers of 1024', () => {
    expect(parseByteSize('1048576')).toBe(1048576)
    expect(parseByteSize('32M')).toBe(32 * 1024 ** 2)
    expect(parseByteSize('32MiB')).toBe(32 * 1024 ** 2)
    expect(parseByteSize('1.5 GB')).toBe(1.5 * 1024 ** 3)
    expect(parseByteSize('500k')).toBe(500 * 1024)
    expect(parseByteSize('lots')).toBeUndefined()
    expect(parseByteSize('-3M')).toBeUndefined()
  })

  it('formats sizes for people', () => {
    expect(formatBytes(812)).toBe('812 B')
    expect(formatBytes(50_000_000)).toBe('47.7 MiB')
    expect(formatBytes(32 * 1024 ** 2)).toBe('32.0 MiB')
  })
})

describe('output paths', () => {
  const f = (p: string, root = path.dirname(p)) => ({path: p, root})

  it('mirror sub-folders under the folder argument', () => {
    const files = [f('archive/a/b/x.pdf', 'archive'), f('archive/y.txt', 'archive')]
    expect(outputPaths(files)).toEqual([path.join('a', 'b', 'x.json'), 'y.json'])
  })

  it('keep files of several folders apart under their common folder', () => {
    const files = [f('data/2024/x.pdf', 'data/2024'), f('data/2025/x.pdf', 'data/2025')]
    expect(outputPaths(files)).toEqual([path.join('2024', 'x.json'), path.join('2025', 'x.json')])
  })

  it('give inputs that would share an output their whole name, and never the report\'s', () => {
    const files = [f('in/x.pdf', 'in'), f('in/x.txt', 'in'), f('in/report.pdf', 'in'), f('in/x.pdf.md', 'in')]
    expect(outputPaths(files, ['report.json'])).toEqual(['x.pdf.2.json', 'x.txt.json', 'report.pdf.json', 'x.pdf.json'])
  })

  it('keep each input\'s name when asked (restored text), numbering names only a case apart', () => {
    const files = [f('in/a/x.txt', 'in'), f('in/y.md', 'in'), f('in/X.txt', 'in'), f('in/x.txt', 'in')]
    expect(outputPaths(files, [], null)).toEqual([path.join('a', 'x.txt'), 'y.md', 'X.txt', 'x.2.txt'])
  })

  it('find the deepest common folder', () => {
    expect(commonFolder(['/a/b/c', '/a/b/d', '/a/b'])).toBe('/a/b')
    expect(commonFolder(['/a/b', '/c'])).toBe('/')
  })
})

describe('inputs', () => {
  it('expand folders (document extensions only, no hidden files), globs and files, each once', async () => {
    const dir = path.join(tmp, 'inputs')
    mkdirSync(path.join(dir, 'sub/.hidden'), {recursive: true})
    for (const name of ['a.txt', 'B.PDF', 'c.jpeg', 'notes.xlsx', '.DS_Store', 'sub/d.tif', 'sub/.hidden/e.txt', 'sub/f.json']) {
      writeFileSync(path.join(dir, name), 'x')
    }
    const found = await discoverInputs([dir, `${dir}/sub/*.tif`, path.join(dir, 'a.txt'), path.join(dir, 'missing.pdf')])
    expect(found.files.map((x) => path.relative(dir, x.path))).toEqual(['B.PDF', 'a.txt', 'c.jpeg', path.join('sub', 'd.tif'), 'missing.pdf'])
    expect(found.files[3].root).toBe(dir)
    const excluded = await discoverInputs([dir], {exclude: [path.join(dir, 'sub')]})
    expect(excluded.files.map((x) => path.basename(x.path))).toEqual(['B.PDF', 'a.txt', 'c.jpeg'])
    // An output folder that holds the input itself (`sohoa parse . --out .`) leaves only the extension filter.
    expect((await discoverInputs([dir], {exclude: [dir]})).files).toHaveLength(4)
    expect((await discoverInputs([`${dir}/*.none`])).unmatched).toEqual([`${dir}/*.none`])
  })

  it('search a folder once: a link back to a parent or to a folder already searched is skipped and listed', async () => {
    const dir = path.join(tmp, 'links')
    mkdirSync(path.join(dir, 'a/b'), {recursive: true})
    mkdirSync(path.join(tmp, 'elsewhere'), {recursive: true})
    writeFileSync(path.join(dir, 'a/x.txt'), 'x')
    writeFileSync(path.join(dir, 'a/b/y.txt'), 'y')
    writeFileSync(path.join(tmp, 'elsewhere/z.txt'), 'z')
    symlinkSync('..', path.join(dir, 'a/up')) // a loop: a/up/a/up/…
    symlinkSync('b', path.join(dir, 'a/also-b')) // a second way into a/b
    symlinkSync(path.join(tmp, 'elsewhere'), path.join(dir, 'outside')) // followed: found nowhere else
    symlinkSync('x.txt', path.join(dir, 'a/x-link.txt')) // a second name of a/x.txt
    const found = await discoverInputs([dir])
    expect(found.files.map((x) => path.relative(dir, x.path))).toEqual([path.join('a', 'b', 'y.txt'), path.join('a', 'x.txt'), path.join('outside', 'z.txt')])
    expect(found.skippedLinks.map((l) => [path.relative(dir, l.path), l.target])).toEqual([
      [path.join('a', 'also-b'), realpathSync(path.join(dir, 'a/b'))],
      [path.join('a', 'up'), realpathSync(dir)]
    ])
    // A glob goes through links (`a/up/outside/z.txt`), but finds each file once, under its own name when it has one.
    const globbed = await discoverInputs([`${dir}/a/**/*.txt`])
    expect(globbed.files.map((x) => path.relative(dir, x.path))).toEqual([
      path.join('a', 'b', 'y.txt'),
      path.join('a', 'up', 'outside', 'z.txt'),
      path.join('a', 'x.txt')
    ])
  })

  it('take a glob\'s fixed folder as its root', () => {
    expect(globBase('docs/2024/**/*.pdf')).toBe('docs/2024')
    expect(globBase('*.pdf')).toBe('.')
    expect(globBase('/srv/scans/*.png')).toBe('/srv/scans')
  })
})

describe('image sizes from headers', () => {
  it('PNG, JPEG and WebP without decoding', () => {
    expect(imageSize(pngClaiming(20000, 20000), 'png')).toEqual({width: 20000, height: 20000})
    const jpeg = readFileSync(path.join(root, 'fixtures/read/phone-jpeg/input.jpg'))
    const size = imageSize(jpeg, 'jpeg')!
    expect(size.width).toBeGreaterThan(100)
    expect(size.height).toBeGreaterThan(100)
    const vp8x = new Uint8Array(30)
    vp8x.set(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8X'), 0)
    vp8x.set([0x1f, 0x4e, 0x00, 0x1f, 0x4e, 0x00], 24) // 20000 - 1 = 0x4e1f
    expect(imageSize(vp8x, 'webp')).toEqual({width: 20000, height: 20000})
    expect(imageSize(new Uint8Array([0x89, 0x50]), 'png')).toBeUndefined()
  })
})

describe('resume records', () => {
  it('read source.sha256 from the head of an output, pretty or compact', async () => {
    const {output} = parseSync(seed(1), {path: 'x.txt'})
    output.source.sha256 = 'a'.repeat(64)
    const pretty = path.join(tmp, 'pretty.json')
    writeFileSync(pretty, JSON.stringify(output, null, 2))
    expect(await recordedSha256(pretty)).toBe('a'.repeat(64))
    expect(recordedSource(JSON.stringify(output))).toEqual({path: 'x.txt', sha256: 'a'.repeat(64)})
    expect(await recordedSha256(path.join(tmp, 'none.json'))).toBeUndefined()
    writeFileSync(path.join(tmp, 'half.json'), JSON.stringify(output).slice(0, 40))
    expect(await recordedSha256(path.join(tmp, 'half.json'))).toBeUndefined()
  })

  it('hash a file as read records it', async () => {
    const file = path.join(root, 'fixtures/seed-000/input.txt')
    expect(await hashFile(file)).toBe((await read(file)).data.source?.sha256)
  })

  it('index a JSONL file, cutting off a partial last line', async () => {
    const file = path.join(tmp, 'index.jsonl')
    const line = (p: string, sha: string) => JSON.stringify({schemaVersion: 1, source: {path: p, sha256: sha}})
    writeFileSync(file, `${line('a.txt', '1'.repeat(64))}\n${line('b.txt', '2'.repeat(64))}\n{"schemaVersion":1,"sour`)
    const index = await indexJsonl(file)
    expect(index.cut).toBe(24)
    expect([...index.keys]).toEqual([resumeKey('a.txt', '1'.repeat(64)), resumeKey('b.txt', '2'.repeat(64))])
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true)
    expect((await indexJsonl(path.join(tmp, 'missing.jsonl'))).keys.size).toBe(0)
  })
})

describe('atomic writes', () => {
  it('write whole files, creating folders, and clear what a killed run left', async () => {
    const file = path.join(tmp, 'atomic/a/b/x.json')
    await writeFileAtomic(file, '{"ok":true}\n')
    expect(readFileSync(file, 'utf8')).toBe('{"ok":true}\n')
    await writeFileAtomic(file, '{"ok":2}\n', {fsync: false})
    expect(readFileSync(file, 'utf8')).toBe('{"ok":2}\n')
    expect(readdirSync(path.dirname(file))).toEqual(['x.json'])
    writeFileSync(path.join(tmp, `atomic/a/.y.json.123.0${temporarySuffix}`), '{"half')
    expect(await removeStaleTemporaries(path.join(tmp, 'atomic'))).toBe(1)
    expect(readdirSync(path.join(tmp, 'atomic/a'))).toEqual(['b'])
  })
})

describe('language check', () => {
  const check = (text: string) => {
    const file = new VFile({value: text})
    checkLanguage(file)
    return file.messages.map((m) => `${m.source}:${m.ruleId}`)
  }

  it('warns about a document that is not Vietnamese', () => {
    expect(check('The committee met on 3 March 2024 and agreed to publish the yearly report. All members were present.')).toEqual([
      'language:not-vietnamese'
    ])
  })

  it('leaves Vietnamese alone, with or without its marks (old OCR)', () => {
    expect(check(seed(0))).toEqual([])
    expect(check(seed(2))).toEqual([])
    expect(check('Số 15')).toEqual([])
  })
})
