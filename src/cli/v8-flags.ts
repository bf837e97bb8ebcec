/**
 * V8 tuning for the `sohoa` command, applied when this module is evaluated:
 * it is the command's first import, so it runs before any other module's
 * code. V8 flags are process-wide, so the worker threads that bulk parsing,
 * the queue worker and the OCR pool start get them too.
 *
 * The flags make V8's optimizing compiler, a large part of a short run's
 * CPU, do less:
 * - `--interrupt-budget` (JavaScript, 8× the default): a run goes through
 *   much code that is warm but never hot (each document touches hundreds of
 *   functions a few times), and V8 optimized much of it all the same. 4× cut
 *   `sohoa restore --mode ocr` on seed 002 by ~15% and the first 50
 *   documents of a parse thread by ~0.5 s, with no loss over 800 documents.
 *   8× against 4× (alternated runs): 51 decisions in one thread 2.40–2.43 →
 *   2.25–2.28 CPU-s, 100 decisions 3.70–3.74 → 3.57–3.61, `sohoa parse` of
 *   seed 002 0.86 → 0.81 s and of seed 000 0.42 → 0.40 (medians of five),
 *   `sohoa parse DIR --out` over the queue bench's 220 inputs 37.5–38.3 →
 *   37.1–37.4; 600 decisions, `text-route --rounds 300` and long restore
 *   runs the same or better;
 * - `--wasm-tiering-budget` (WebAssembly, 64× the default): Tesseract's
 *   first page paid ~0.9 s to optimize code a few pages use; it now costs
 *   ~0.65 s less, and ten pages ~3% less, the later pages as fast as before;
 * - `--no-turbo-inlining` (JavaScript), for `sohoa restore` only: functions
 *   are optimized each on its own, not with their callees folded in, so
 *   there is much less to compile. Restoring seed 002 in OCR mode costs ~9%
 *   less CPU, and 1M syllables, stripped or OCR text, 2–4% less. Parsing
 *   keeps inlining: its steady rate is ~6% lower without (`npm run bench --
 *   text-route`), which a long import would pay for less than it saves at
 *   the start of each thread.
 * Measured with `.eval`-style loops and `npm run bench -- restore|queue`;
 * the README gives the numbers. A flag the user gives node (command line or
 * NODE_OPTIONS) wins.
 */
import {setFlagsFromString} from 'node:v8'

/** The V8 flags every sub-command sets, unless node was given the same flag. */
export const v8Flags: readonly string[] = ['--interrupt-budget=540672', '--wasm-tiering-budget=115200000']

/** The flags of one sub-command (`restore`, `parse`, …): `v8Flags` and its own. */
export function v8FlagsFor(command: string | undefined): readonly string[] {
  return command === 'restore' ? [...v8Flags, '--no-turbo-inlining'] : v8Flags
}

/** A flag's name as V8 reads it (`--a_b=1` and `--a-b 1` name the same flag, `--no-a` and `--a` set the same one). */
const nameOf = (flag: string) => flag.split('=')[0].replaceAll('_', '-').replace(/^--no-/, '--')
const given = new Set(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.split(/\s+/).map(nameOf))
for (const flag of v8FlagsFor(process.argv[2])) if (!given.has(nameOf(flag))) setFlagsFromString(flag)
