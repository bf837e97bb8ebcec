/**
 * Bundle the `sohoa` command with esbuild into `dist/bundle/`: `sohoa.js`
 * (the command, `bin` in package.json), `worker.js` (the parse thread) and
 * shared chunks, one per group of modules loaded together (the queue
 * commands, `restore` and the parser each load only their own). A process
 * or thread then reads a few files instead of ~350 small modules: loading
 * the parser costs ~0.15 s of CPU instead of ~0.3 s, and a `sohoa parse` of
 * one text ~0.55 s instead of ~0.77 s (README "How it works").
 *
 * Left outside (loaded from node_modules as they are): packages that read
 * their own files at run time or are native (canvas, Tesseract and its
 * language data, pdf.js, BullMQ's Lua scripts, ioredis). Shipped files
 * (models, grammars, data) are found from `src/util/package-root.ts`, which
 * holds because the bundle sits two folders below the package root, as the
 * compiled modules do.
 *
 *   tsx scripts/bundle.ts [--out DIR]   (run by `npm run build` after tsc; DIR two folders below a package root)
 */
import {chmodSync, existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Packages loaded from node_modules at run time, not bundled. */
export const external = ['@napi-rs/canvas', 'tesseract.js', '@tesseract.js-data/vie', 'pdfjs-dist', 'bullmq', 'ioredis', 'tsx']

/** Bundle the command into `outdir` (absolute, two folders below a package root: its `package.json`, `models/`, …). */
export async function bundle(outdir: string): Promise<void> {
  if (!existsSync(path.join(outdir, '../../package.json'))) {
    throw new Error(`${outdir}: the bundle must be two folders below the package root (beside package.json, models/, grammars/, data/)`)
  }
  await build({
    entryPoints: {sohoa: path.join(root, 'src/cli/index.ts'), worker: path.join(root, 'src/bulk/worker.ts')},
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    // CommonJS packages bundled into ES modules call `require` for Node's own modules.
    banner: {js: "import {createRequire as __sohoaCreateRequire} from 'node:module'; const require = __sohoaCreateRequire(import.meta.url);"},
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning'
  })
  chmodSync(path.join(outdir, 'sohoa.js'), 0o755)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out')
  if (at > 0 && process.argv[at + 1] === undefined) throw new Error('scripts/bundle.ts: --out needs a folder')
  await bundle(path.resolve(at > 0 ? process.argv[at + 1] : path.join(root, 'dist/bundle')))
}
