/**
 * The folder of good and bad inputs the bulk tests run over, generated in
 * a temporary folder (the big files are made here, never committed), and
 * a helper to run the `sohoa` command as a user does.
 */
import {execFile, spawn, type ChildProcess} from 'node:child_process'
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {PDFDocument, StandardFonts} from 'pdf-lib'
import {noTextInputs} from '../support/no-text.js'

/** Root of the repository. */
export const root = fileURLToPath(new URL('../../', import.meta.url))
const cli = path.join(root, 'src/cli/index.ts')

/** What `sohoa` printed and its exit code. */
export interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Run `sohoa …args` from the sources (through tsx) in `cwd` (default: the repository). */
export function sohoa(args: string[], options: {cwd?: string} = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', cli, ...args], {cwd: options.cwd ?? root, maxBuffer: 64 << 20}, (error, stdout, stderr) => {
      const e = error as (Error & {code?: number; signal?: NodeJS.Signals}) | null
      resolve({code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr})
    })
  })
}

/** Start `sohoa …args` as a child process (to signal it), collecting stderr. */
export function start(args: string[]): {child: ChildProcess; stderr: () => string; exit: Promise<{code: number | null; signal: NodeJS.Signals | null}>} {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout!.resume()
  const exit = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on('exit', (code, signal) => resolve({code, signal})))
  return {child, stderr: () => stderr, exit}
}

/** The text of a seed document. */
export function seed(n: number): string {
  return readFileSync(path.join(root, `fixtures/seed-00${n}/input.txt`), 'utf8')
}

/** Deterministic pseudo-random bytes (xorshift), with a NUL so they never pass for text. */
export function randomBytes(length: number, seedValue = 42): Uint8Array {
  const bytes = new Uint8Array(length)
  let x = seedValue
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    bytes[i] = x & 0xff
  }
  bytes[0] = 0x00
  return bytes
}

const crcTable = Array.from({length: 256}, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(12 + data.length)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, data.length)
  chunk.set(new TextEncoder().encode(type), 4)
  chunk.set(data, 8)
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)))
  return chunk
}

/** A PNG whose header claims `width` × `height` (8-bit grey) followed by a little image data: a decoder would allocate it all. */
export function pngClaiming(width: number, height: number): Uint8Array {
  const ihdr = new Uint8Array(13)
  const view = new DataView(ihdr.buffer)
  view.setUint32(0, width)
  view.setUint32(4, height)
  ihdr.set([8, 0, 0, 0, 0], 8)
  const idat = new Uint8Array([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array())]
  return Buffer.concat(parts)
}

/**
 * A PDF of `pages` pages with a text layer: the first page is the text-layer
 * fixture's (a real Vietnamese decision), the others carry a page number.
 */
export async function manyPagePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const source = await PDFDocument.load(readFileSync(path.join(root, 'fixtures/read/text-layer-pdf/input.pdf')))
  const [first] = await doc.copyPages(source, [0])
  doc.addPage(first)
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let n = 2; n <= pages; n++) doc.addPage([595, 842]).drawText(`Trang ${n}/${pages}`, {x: 270, y: 40, size: 10, font})
  return doc.save()
}

/** One case of the corpus: where it is and what should become of it. */
export interface Case {
  /** Path relative to the corpus folder. */
  path: string
  /**
   * Expected status in the report: `ok` parsed (with or without warnings,
   * as the pipeline's stages judge the content), `warnings` parsed with the
   * warning `expect`, `failed` with the reason `expect`.
   */
  status: 'ok' | 'warnings' | 'failed'
  /** For failures: the `stage:rule` in the report (checked when given). */
  rule?: string
  /** For failures: the reason. For warnings: a rule id among the output's diagnostics. */
  expect?: RegExp | string
}

/** True for the statuses of a parsed file. */
export function parsed(status: string | undefined): boolean {
  return status === 'parsed' || status === 'warnings'
}

/** Every case of issue 6, plus good documents in sub-folders and one real scan for OCR. */
export const cases: Case[] = [
  {path: 'decisions/2025/seed-000.txt', status: 'ok'},
  {path: 'decisions/2025/seed-001.txt', status: 'ok'},
  {path: 'decisions/seed-003.txt', status: 'ok'},
  {path: 'decisions/seed-004.txt', status: 'ok'},
  {path: 'pdf/text-layer.pdf', status: 'ok'},
  {path: 'scans/table.png', status: 'ok'},
  {path: 'bad/truncated.pdf', status: 'failed', expect: /^corrupt PDF/},
  {path: 'bad/encrypted.pdf', status: 'failed', expect: 'encrypted PDF (password required)'},
  {path: 'bad/empty.txt', status: 'failed', expect: 'no text: empty', rule: 'read:no-text'},
  {path: 'bad/whitespace.txt', status: 'failed', expect: 'no text: only whitespace', rule: 'read:no-text'},
  {path: 'bad/no-pages.pdf', status: 'failed', expect: 'no text: a PDF without pages', rule: 'read:no-text'},
  {path: 'bad/1x1.png', status: 'failed', expect: 'no text: OCR found nothing on 1 page', rule: 'read:no-text'},
  {path: 'bad/garbage.jpg', status: 'failed', expect: 'no text: OCR found nothing on 1 page', rule: 'read:no-text'},
  {path: 'bad/random.pdf', status: 'failed', expect: /^unsupported format: binary data/},
  {path: 'bad/text-named.png', status: 'ok'},
  {path: 'bad/english.txt', status: 'warnings', expect: 'not-vietnamese'},
  {path: 'bad/200-pages.pdf', status: 'warnings', expect: 'max-pages'},
  {path: 'bad/20000x20000.png', status: 'failed', expect: 'image too large: 20000 × 20000 px = 400 MP (over --max-pixels 100 MP)'},
  {path: 'bad/50mb.txt', status: 'failed', expect: 'file too large: 47.7 MiB (over --max-bytes 32.0 MiB)'}
]

/** Write the corpus of `cases` under `dir`. */
export async function makeCorpus(dir: string): Promise<void> {
  const put = (rel: string, data: string | Uint8Array) => {
    mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true})
    writeFileSync(path.join(dir, rel), data)
  }
  const fixture = (rel: string) => path.join(root, 'fixtures/read', rel)
  put('decisions/2025/seed-000.txt', seed(0))
  put('decisions/2025/seed-001.txt', seed(1))
  put('decisions/seed-003.txt', seed(3))
  put('decisions/seed-004.txt', seed(4))
  mkdirSync(path.join(dir, 'pdf'), {recursive: true})
  copyFileSync(fixture('text-layer-pdf/input.pdf'), path.join(dir, 'pdf/text-layer.pdf'))
  mkdirSync(path.join(dir, 'scans'), {recursive: true})
  copyFileSync(fixture('table-png/input.png'), path.join(dir, 'scans/table.png'))
  const pdf = readFileSync(fixture('text-layer-pdf/input.pdf'))
  put('bad/truncated.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.6)))
  copyFileSync(fixture('errors/encrypted.pdf'), path.join(dir, 'bad/encrypted.pdf'))
  put('bad/empty.txt', '')
  for (const {name, bytes} of await noTextInputs()) put(`bad/${name}`, bytes)
  put('bad/random.pdf', randomBytes(4096))
  put('bad/text-named.png', seed(3))
  put(
    'bad/english.txt',
    'MINUTES OF THE ANNUAL MEETING\n\nThe committee met on 3 March 2024 and agreed to publish the yearly report.\n' +
      'All members were present. The budget was approved without changes.\n'
  )
  put('bad/200-pages.pdf', await manyPagePdf(200))
  put('bad/20000x20000.png', pngClaiming(20000, 20000))
  put('bad/50mb.txt', Buffer.from(seed(0).repeat(Math.ceil(50_000_000 / Buffer.byteLength(seed(0))))).subarray(0, 50_000_000))
}
