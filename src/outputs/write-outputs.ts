/**
 * `writeOutputs`: write the digitization outputs of one parsed file — the
 * searchable PDF and the review page — each atomically (whole or absent),
 * with bulk's writer. The one function `sohoa pdf`, `sohoa review`, bulk
 * runs and queue workers call, with the same options.
 */
import {writeFileAtomic} from '../bulk/atomic-write.js'
import {isPaged} from './paged-input.js'
import {reviewPage, type ReviewOptions} from './review.js'
import {searchablePdf, type Parsed, type SearchablePdfOptions} from './searchable-pdf.js'

/** Which outputs to write where, and how. */
export interface OutputOptions extends SearchablePdfOptions, ReviewOptions {
  /** Write the searchable PDF to this path. */
  pdf?: string
  /** Write the review page (HTML) to this path. */
  review?: string
  /** Flush each file to disk before renaming it into place (default true). */
  fsync?: boolean
}

/** What `writeOutputs` wrote. */
export interface WrittenOutputs {
  /** The PDF's path and size, and whether it is the input unchanged. */
  pdf?: {path: string; bytes: number; unchanged: boolean; layered: number[]}
  /** The review page's path and size. */
  review?: {path: string; bytes: number}
  /** Notes for the person running it (a PDF copied unchanged, a signature that no longer applies …). */
  notes: string[]
}

/**
 * Write the outputs `options` asks for, of the file whose bytes are `bytes`,
 * parsed as `parsed`. An input without page images (text, a Word file) gets
 * no PDF, with a note; its review page lists the fields without boxes.
 * Throws (naming the output) when one cannot be made or written.
 */
export async function writeOutputs(bytes: Uint8Array, parsed: Parsed, options: OutputOptions): Promise<WrittenOutputs> {
  const written: WrittenOutputs = {notes: []}
  const paged = isPaged(bytes)
  if (options.pdf && !paged) written.notes.push('no page images (not a PDF or an image): no searchable PDF written')
  if (options.pdf && paged) {
    const made = await searchablePdf(bytes, parsed, options).catch((error: Error) => {
      throw new Error(`cannot make the searchable PDF: ${error.message}`, {cause: error})
    })
    await writeFileAtomic(options.pdf, made.pdf, {fsync: options.fsync}).catch((error: Error) => {
      throw new Error(`cannot write ${options.pdf}: ${error.message}`, {cause: error})
    })
    written.pdf = {path: options.pdf, bytes: made.pdf.length, unchanged: made.unchanged, layered: made.layered}
    written.notes.push(...made.notes)
  }
  if (options.review) {
    const html = await reviewPage(bytes, parsed, options).catch((error: Error) => {
      throw new Error(`cannot make the review page: ${error.message}`, {cause: error})
    })
    const data = new TextEncoder().encode(html)
    await writeFileAtomic(options.review, data, {fsync: options.fsync}).catch((error: Error) => {
      throw new Error(`cannot write ${options.review}: ${error.message}`, {cause: error})
    })
    written.review = {path: options.review, bytes: data.length}
  }
  return written
}
