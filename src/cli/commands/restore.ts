/**
 * `sohoa restore [FILE]`: restore Vietnamese diacritics (and repair OCR damage) in a text file or
 * stdin; the restored text goes to stdout with every line break and non-word character in place.
 */
import {readFileSync} from 'node:fs'
import {Option, type Command} from 'commander'
import {loadModel} from '../../diacritics/load-model.js'
import {restore, type RestoreOptions} from '../../diacritics/restore.js'
import {fileSystemError, ReadError} from '../../read/read-error.js'

/** Read all of stdin. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Decode UTF-8 (BOM dropped) to NFC, keeping the line endings as they are. */
function decode(bytes: Uint8Array, name: string): string {
  try {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(start)).normalize('NFC')
  } catch (error) {
    throw new ReadError(name, 'not valid UTF-8 text', {cause: error})
  }
}

/** Register `restore` on the program. */
export function register(program: Command): void {
  program
    .command('restore')
    .description('restore Vietnamese diacritics and repair OCR damage; reads FILE or stdin, writes stdout')
    .argument('[file]', 'text file (UTF-8); stdin when absent')
    .addOption(
      new Option('-m, --mode <mode>', 'stripped | ocr (an engine without Vietnamese) | marks (an engine with Vietnamese: marks only) | auto (decide per line)')
        .choices(['stripped', 'ocr', 'marks', 'auto'])
        .default('auto')
    )
    .option('--model <path>', 'model file (default: the shipped model)')
    .option('--json', 'write {text, tokens} as JSON instead of the text')
    .option('--stats', 'print timings, CPU time (whole process), word count and peak memory to stderr as JSON')
    .action((file: string | undefined, options: {mode: NonNullable<RestoreOptions['mode']>; model?: string; json?: boolean; stats?: boolean}) => {
      const mode = options.mode
      const started = performance.now()
      const input = file === undefined ? readStdin() : Promise.resolve(readInput(file))
      return input.then((bytes) => {
        const name = file ?? 'stdin'
        const text = decode(bytes, name)
        const read = performance.now()
        const restorer = loadModel(options.model)
        const loaded = performance.now()
        // Confidences are only computed when they are written (--json).
        const result = restore(text, {mode, model: options.model, details: options.json === true} satisfies RestoreOptions)
        const done = performance.now()
        process.stdout.write(options.json ? JSON.stringify(result) + '\n' : result.text)
        if (options.stats) {
          const syllables = countLetterRuns(text)
          const cpu = process.cpuUsage()
          const stats = {
            syllables,
            readMs: round(read - started),
            loadMs: round(loaded - read),
            restoreMs: round(done - loaded),
            modelLoadMs: round(restorer.loadMs),
            cpuMs: round((cpu.user + cpu.system) / 1000),
            maxRssMB: round(process.resourceUsage().maxRSS / 1024)
          }
          process.stderr.write(JSON.stringify(stats) + '\n')
        }
      })
    })
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file)
  } catch (error) {
    throw fileSystemError(file, error)
  }
}

const round = (x: number) => Math.round(x * 10) / 10

/** Whether each UTF-16 unit below the surrogates is a letter (\p{L}): 1 yes, 2 no, 0 not yet known. */
const letterUnits = new Uint8Array(0xd800)

/** Number of runs of letters in `text`: `text.match(/\p{L}+/gu).length` without building the matches (the --stats word count). */
function countLetterRuns(text: string): number {
  let runs = 0
  let inRun = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let letter: boolean
    if (code < 128) letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    else if (code < 0xd800) {
      if (letterUnits[code] === 0) letterUnits[code] = /\p{L}/u.test(String.fromCharCode(code)) ? 1 : 2
      letter = letterUnits[code] === 1
    } else {
      const point = text.codePointAt(i)!
      letter = /\p{L}/u.test(String.fromCodePoint(point))
      if (point > 0xffff) i++
    }
    if (letter && !inRun) runs++
    inRun = letter
  }
  return runs
}
