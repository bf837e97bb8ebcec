/**
 * `reviewPage`: the self-contained HTML page on which a person checks a
 * parsed scan at a glance (see `review-html.ts`).
 */
import path from 'node:path'
import {sniff} from '../read/sniff.js'
import {pageImages, type PageImagesOptions} from './page-images.js'
import {reviewFields, type ReviewFieldsOptions} from './review-fields.js'
import {reviewHtml} from './review-html.js'
import type {Parsed} from './searchable-pdf.js'
import '../vfile-data.js'

/** Options of `reviewPage`. */
export interface ReviewOptions extends ReviewFieldsOptions, PageImagesOptions {}

/** The review page of the document in `bytes` (the input file), parsed as `parsed`. */
export async function reviewPage(bytes: Uint8Array, parsed: Parsed, options: ReviewOptions = {}): Promise<string> {
  const {file, tree, output} = parsed
  const name = file.path ? path.basename(file.path) : (output.source.path ?? '<bytes>')
  const sniffed = sniff(bytes)
  const layoutPages = file.data.layout?.pages ?? []
  const images = sniffed.supported && layoutPages.length > 0 ? await pageImages(bytes, sniffed.kind, file.path ?? name, {...options, pages: options.pages ?? layoutPages.map((p) => p.number)}) : []
  const {fields, doubts} = reviewFields(output, file, tree, options)
  const pages = layoutPages.map((p) => ({number: p.number, width: p.width, height: p.height, image: images.find((i) => i.number === p.number)}))
  return reviewHtml({name, output, pages, fields, doubts})
}
