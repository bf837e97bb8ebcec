/**
 * V8 tuning for the `sohoa` command, applied when this module is evaluated:
 * it is the command's first import, so it runs before any other module's
 * code. V8 flags are process-wide, so the worker threads that bulk parsing,
 * the queue worker and the OCR pool start get them too.
 *
 * Both flags make V8 wait longer before it compiles code with its
 * optimizing compiler, which is a large part of a short run's CPU:
 * - `--interrupt-budget` (JavaScript, 4× the default): a run goes through
 *   much code that is warm but never hot (each document touches hundreds of
 *   functions a few times), and V8 optimized much of it all the same. It cut
 *   `sohoa restore --mode ocr` on seed 002 by ~15% and the first 50
 *   documents of a parse thread by ~0.5 s, with no loss over 800 documents;
 * - `--wasm-tiering-budget` (WebAssembly, 64× the default): Tesseract's
 *   first page paid ~0.9 s to optimize code a few pages use; it now costs
 *   ~0.65 s less, and ten pages ~3% less, the later pages as fast as before.
 * Measured with `.eval`-style loops and `npm run bench -- restore|queue`;
 * the README gives the numbers. A flag the user gives node (command line or
 * NODE_OPTIONS) wins.
 */
import {setFlagsFromString} from 'node:v8'

/** The V8 flags the command sets, unless node was given the same flag. */
export const v8Flags: readonly string[] = ['--interrupt-budget=270336', '--wasm-tiering-budget=115200000']

/** A flag's name as V8 reads it (`--a_b=1` and `--a-b 1` name the same flag). */
const nameOf = (flag: string) => flag.split('=')[0].replaceAll('_', '-')
const given = new Set(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.split(/\s+/).map(nameOf))
for (const flag of v8Flags) if (!given.has(nameOf(flag))) setFlagsFromString(flag)
